import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../server/testing/app.ts";
import { Browser, lastMailTo, signedIn } from "../../server/testing/http.ts";
import { hiredContract } from "../messaging/testing.ts";
import { CONTRACT_ACTIONS, CONTRACT_CAN, CONTRACT_MACHINE } from "./schema.ts";

let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

type User = Awaited<ReturnType<typeof signedIn>>;

const at = (id: string, path = "") => `/api/v1/contracts/${id}${path}`;
const noticesOf = async (user: User, type: string) =>
  (await user.get("/api/v1/notifications")).json().items.filter((n: { type: string }) => n.type === type);
/** A Berlin appointment an hour long, `days` from now. */
const eventIn = (days: number, title = "Abstimmung Quartalszahlen") => {
  const day = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  return { title, start: `${day}T10:00`, end: `${day}T11:00`, timeZone: "Europe/Berlin" };
};

/** The contract of hiredContract, with two strangers (a client and an assistant) beside it. */
async function parties() {
  const hired = await hiredContract(app, { jobTitle: "Buchhaltung Café Lind" });
  const otherClient = await signedIn(app, ["client"]);
  const otherAssistant = await signedIn(app, ["assistant"]);
  return { ...hired, otherClient, otherAssistant };
}

describe("the contract's overview", () => {
  it("shows each party the other one, the job, the terms and the status; others get 404, nobody signed in 401", async () => {
    const { client, assistant, contractId, job, otherClient, otherAssistant } = await parties();
    const seen = await client.get(at(contractId));
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json()).toMatchObject({
      contract: {
        id: contractId,
        jobId: job.id,
        jobTitle: "Buchhaltung Café Lind",
        clientName: "Clara Berger",
        assistantName: "Anna Schmidt",
        pricingModel: "hourly",
        rateMinor: 3000,
        weeklyHourCap: 10,
        startDate: "2027-01-11",
        status: "active",
      },
      side: "client",
      otherParty: { userId: assistant.userId, name: "Anna Schmidt", side: "assistant", photoUrl: null },
      attention: [],
      history: { items: [], nextCursor: null },
    });
    expect((await assistant.get(at(contractId))).json()).toMatchObject({
      side: "assistant",
      // Clients have no public profile to link to.
      otherParty: { userId: client.userId, name: "Clara Berger", side: "client", profileUserId: null },
    });
    for (const stranger of [otherClient, otherAssistant]) {
      for (const path of ["", "/history"])
        expect((await stranger.get(at(contractId, path))).statusCode).toBe(404);
      for (const action of CONTRACT_ACTIONS) {
        const res = await stranger.post(at(contractId, `/${action}`), { reason: "Übernahme" });
        expect(res.statusCode, `${action}: ${res.body}`).toBe(404);
      }
    }
    expect((await client.get(at(crypto.randomUUID()))).statusCode).toBe(404);
    const anonymous = new Browser(app);
    expect((await anonymous.get(at(contractId))).statusCode).toBe(401);
    expect((await anonymous.post(at(contractId, "/pause"), { reason: "x" })).statusCode).toBe(401);
    // Nothing a stranger sent changed the contract.
    expect((await client.get(at(contractId))).json().contract.status).toBe("active");
  });

  it("lists what needs attention: a call waiting, unread messages, the next appointment", async () => {
    const { client, assistant, contractId } = await parties();
    const thread = (await client.post(at(contractId, "/thread"))).json();
    await client.post(`/api/v1/threads/${thread.id}/messages`, { body: "Die Belege liegen im Ordner." });
    await client.post(`/api/v1/threads/${thread.id}/messages`, { body: "Bis Freitag, bitte." });
    const later = (await client.post(at(contractId, "/events"), eventIn(9, "Später"))).json();
    const sooner = (await client.post(at(contractId, "/events"), eventIn(2))).json();
    expect(later.id).toBeDefined();
    expect((await client.post(at(contractId, "/call/ring"))).statusCode).toBe(204);

    const { attention } = (await assistant.get(at(contractId))).json();
    expect(attention).toEqual([
      { kind: "call.pending", callerName: "Clara Berger", at: expect.any(String) },
      { kind: "messages.unread", threadId: thread.id, count: 2 },
      {
        kind: "event.next",
        eventId: sooner.id,
        title: "Abstimmung Quartalszahlen",
        startsAt: sooner.startsAt,
        endsAt: sooner.endsAt,
        allDay: false,
        timeZone: "Europe/Berlin",
      },
    ]);
    // The caller is not waiting for themselves, and wrote the messages: only the appointment.
    expect((await client.get(at(contractId))).json().attention.map((a: { kind: string }) => a.kind)).toEqual([
      "event.next",
    ]);
    await assistant.post(`/api/v1/threads/${thread.id}/read`, {});
    const kinds = (await assistant.get(at(contractId))).json().attention.map((a: { kind: string }) => a.kind);
    expect(kinds).toEqual(["call.pending", "event.next"]);
  });
});

describe("pause, resume and end", () => {
  it("follows the table, tells the other party with the reason, and keeps the history newest first", async () => {
    const { client, assistant, contractId } = await parties();
    const noReason = await client.post(at(contractId, "/pause"), {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors).toMatchObject([{ field: "reason", code: "required" }]);
    expect((await client.post(at(contractId, "/pause"), { reason: "   " })).statusCode).toBe(400);

    const paused = await client.post(at(contractId, "/pause"), { reason: "Urlaub bis Ende Januar" });
    expect(paused.statusCode, paused.body).toBe(200);
    expect(paused.json()).toMatchObject({
      status: "paused",
      change: {
        actorId: client.userId,
        actorName: "Clara Berger",
        action: "pause",
        from: "active",
        to: "paused",
        reason: "Urlaub bis Ende Januar",
      },
    });
    expect(await noticesOf(assistant, "contract.paused")).toMatchObject([
      {
        data: {
          contractId,
          actor: "Clara Berger",
          jobTitle: "Buchhaltung Café Lind",
          message: "Urlaub bis Ende Januar",
        },
      },
    ]);
    expect(await noticesOf(client, "contract.paused")).toEqual([]);
    const mail = await lastMailTo(app, assistant.email);
    expect(mail?.subject).toBe("Vertrag pausiert: „Buchhaltung Café Lind“");
    expect(mail?.text).toContain("Urlaub bis Ende Januar");
    expect(mail?.text).toContain(`/contracts/${contractId}`);

    const again = await assistant.post(at(contractId, "/pause"), { reason: "Doppelt" });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: "conflict", reason: "contract.illegal_transition" });

    const resumed = await assistant.post(at(contractId, "/resume"), {});
    expect(resumed.statusCode, resumed.body).toBe(200);
    expect(resumed.json()).toMatchObject({ status: "active", change: { reason: null } });
    expect(await noticesOf(client, "contract.resumed")).toHaveLength(1);
    expect((await client.post(at(contractId, "/resume"), {})).json().reason).toBe(
      "contract.illegal_transition",
    );

    expect((await assistant.post(at(contractId, "/end"), {})).statusCode).toBe(400);
    const ended = await assistant.post(at(contractId, "/end"), { reason: "Projekt abgeschlossen" });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json().status).toBe("ended");
    expect(await noticesOf(client, "contract.ended")).toMatchObject([
      { data: { actor: "Anna Schmidt", message: "Projekt abgeschlossen" } },
    ]);
    for (const action of CONTRACT_ACTIONS) {
      const res = await client.post(at(contractId, `/${action}`), { reason: "Noch einmal" });
      expect(res.statusCode, action).toBe(409);
      expect(res.json().reason).toBe("contract.illegal_transition");
    }

    const overview = (await client.get(at(contractId))).json();
    expect(overview.contract.status).toBe("ended");
    expect(overview.history.items.map((c: { action: string }) => c.action)).toEqual([
      "end",
      "resume",
      "pause",
    ]);
    // Paged by cursor, newest first.
    const first = (await client.get(at(contractId, "/history?limit=2"))).json();
    expect(first.items.map((c: { to: string }) => c.to)).toEqual(["ended", "active"]);
    const rest = (await assistant.get(at(contractId, `/history?limit=2&cursor=${first.nextCursor}`))).json();
    expect(rest).toMatchObject({
      items: [{ action: "pause", reason: "Urlaub bis Ende Januar" }],
      nextCursor: null,
    });
    expect((await client.get("/api/v1/contracts")).json().items[0]).toMatchObject({
      id: contractId,
      status: "ended",
    });
  });

  it("paused: reading and messages, but no calls and no new events (409 contract.paused)", async () => {
    const { client, assistant, contractId } = await parties();
    const before = (await client.post(at(contractId, "/events"), eventIn(3))).json();
    await assistant.post(at(contractId, "/pause"), { reason: "Krankheit" });
    for (const res of [
      await client.get(at(contractId, "/call")),
      await client.post(at(contractId, "/call/ring")),
      await assistant.post(at(contractId, "/events"), eventIn(4)),
      await client.patch(at(contractId, `/events/${before.id}`), { title: "Verschoben" }),
      await client.request("DELETE", at(contractId, `/events/${before.id}`)),
    ]) {
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json()).toMatchObject({ code: "conflict", reason: "contract.paused" });
    }
    expect(await noticesOf(assistant, "call.started")).toEqual([]);
    const from = encodeURIComponent(new Date().toISOString());
    const to = encodeURIComponent(new Date(Date.now() + 30 * 86_400_000).toISOString());
    const read = await assistant.get(at(contractId, `/events?from=${from}&to=${to}`));
    expect(read.statusCode).toBe(200);
    expect(read.json().events).toHaveLength(1);
    const thread = await assistant.post(at(contractId, "/thread"));
    expect(thread.statusCode).toBe(201);
    const sent = await assistant.post(`/api/v1/threads/${thread.json().id}/messages`, {
      body: "Gute Besserung!",
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect((await client.post("/api/v1/me/calendar-feeds", { contractId })).statusCode).toBe(201);
    // No call can be waiting in a paused contract.
    expect((await client.get(at(contractId))).json().attention.map((a: { kind: string }) => a.kind)).toEqual([
      "messages.unread",
      "event.next",
    ]);
  });

  it("ended: reading, feeds and messages stay; calls and new events are refused with contract.ended", async () => {
    const { client, assistant, contractId } = await parties();
    await client.post(at(contractId, "/end"), { reason: "Budget aufgebraucht" });
    for (const res of [
      await assistant.get(at(contractId, "/call")),
      await assistant.post(at(contractId, "/call/ring")),
      await assistant.post(at(contractId, "/events"), eventIn(1)),
    ]) {
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().reason).toBe("contract.ended");
    }
    expect((await assistant.get(at(contractId))).statusCode).toBe(200);
    const thread = (await assistant.post(at(contractId, "/thread"))).json();
    const sent = await client.post(`/api/v1/threads/${thread.id}/messages`, { body: "Danke für alles." });
    expect(sent.statusCode).toBe(201);
    expect((await assistant.post("/api/v1/me/calendar-feeds", { contractId })).statusCode).toBe(201);
  });
});

describe("the tables the workspace derives its buttons from", () => {
  it("let no need through a status without it, and nothing out of ended", () => {
    expect(CONTRACT_CAN.paused).not.toContain("call");
    expect(CONTRACT_CAN.paused).not.toContain("write:event");
    expect(CONTRACT_CAN.ended).toEqual(["read", "download", "message"]);
    const fromEnded = CONTRACT_MACHINE.actionsFrom("ended");
    expect(fromEnded).toEqual([]);
  });
});
