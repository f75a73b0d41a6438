import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, TEST_ORIGIN } from "../../server/testing/app.ts";
import { type Browser, lastMailTo, signedIn } from "../../server/testing/http.ts";
import { connect, cookieOf, listening } from "../../server/testing/sockets.ts";
import { expectRelayedOnlyBetween } from "../calls/testing.ts";
import { hiredContract } from "../messaging/testing.ts";
import { contract } from "./tables.ts";

let app: Awaited<ReturnType<typeof createTestApp>>;
let url: string;
beforeAll(async () => {
  app = await createTestApp();
  url = await listening(app);
});
afterAll(() => app.close());

const call = (id: string) => `/api/v1/contracts/${id}/call`;
const callNotices = async (who: Browser) =>
  (await who.get("/api/v1/notifications"))
    .json()
    .items.filter((n: { type: string }) => n.type === "call.started");

describe("a contract's video call", () => {
  it("lets the client and the assistant in at any time, with the job's title; nobody else", async () => {
    const { client, assistant, contractId } = await hiredContract(app, { jobTitle: "Buchhaltung Café Lind" });
    const room = await client.get(call(contractId));
    expect(room.statusCode, room.body).toBe(200);
    expect(room.json()).toEqual({
      kind: "contract",
      contractId,
      jobTitle: "Buchhaltung Café Lind",
      you: { userId: client.userId, name: "Clara Berger" },
      peer: { userId: assistant.userId, name: "Anna Schmidt" },
      polite: false,
      iceServers: [],
      opensAt: null,
      closesAt: null,
    });
    expect((await assistant.get(call(contractId))).json()).toMatchObject({
      polite: true,
      peer: { userId: client.userId },
    });
    const stranger = await signedIn(app, ["client", "assistant"]);
    expect((await stranger.get(call(contractId))).statusCode).toBe(404);
    expect((await stranger.post(`${call(contractId)}/ring`)).statusCode).toBe(404);
    expect((await client.get(call(crypto.randomUUID()))).statusCode).toBe(404);
  });

  it("is described in the OpenAPI document: both room kinds, the ring", async () => {
    const doc = (await app.inject("/api/openapi.json")).json();
    const room = doc.paths["/api/v1/contracts/{id}/call"].get;
    expect(room.summary).toContain("rtc.signal");
    const kinds = room.responses["200"].content["application/json"].schema.oneOf.map(
      (s: { properties: { kind: { enum: string[] } } }) => s.properties.kind.enum[0],
    );
    expect(kinds.sort()).toEqual(["contract", "interview"]);
    expect(doc.paths["/api/v1/contracts/{id}/call/ring"].post.responses["204"]).toBeDefined();
  });

  it("relays signalling between the two parties; a stranger's frames reach no socket", async () => {
    const { client, assistant, contractId } = await hiredContract(app);
    const stranger = await signedIn(app, ["assistant"]);
    await expectRelayedOnlyBetween(app, url, { caller: client, callee: assistant, stranger }, { contractId });
  });

  it("keeps interview and contract rooms apart: a frame names exactly one room", async () => {
    const { client, contractId } = await hiredContract(app);
    const a = connect(url, { cookie: cookieOf(client), origin: TEST_ORIGIN });
    await a.waitFor("ready");
    const ignored = app.realtime.stats.ignoredFrames;
    const join = { kind: "join" };
    a.socket.send(JSON.stringify({ type: "rtc.signal", contractId, interviewId: contractId, signal: join }));
    a.socket.send(JSON.stringify({ type: "rtc.signal", signal: join }));
    // Both are malformed (counted as ignored), not refused by a door.
    await expect.poll(() => app.realtime.stats.ignoredFrames).toBe(ignored + 2);
    a.socket.close();
  });

  it("is closed once the contract has ended, with the reason", async () => {
    const { client, assistant, contractId } = await hiredContract(app);
    await app.database.db.update(contract).set({ status: "ended" }).where(eq(contract.id, contractId));
    const refused = await client.get(call(contractId));
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ reason: "contract.ended" });
    const ring = await assistant.post(`${call(contractId)}/ring`);
    expect(ring.statusCode).toBe(409);
    expect(await callNotices(client)).toEqual([]);
  });

  it("rings the other party: live on their sockets, in their notifications and by mail", async () => {
    const { client, assistant, contractId } = await hiredContract(app, { jobTitle: "Social Media Bäckerei" });
    const [callerSocket, calleeSocket] = [assistant, client].map((who) =>
      connect(url, { cookie: cookieOf(who), origin: TEST_ORIGIN }),
    ) as [ReturnType<typeof connect>, ReturnType<typeof connect>];
    await Promise.all([callerSocket.waitFor("ready"), calleeSocket.waitFor("ready")]);

    const ring = await assistant.post(`${call(contractId)}/ring`);
    expect(ring.statusCode, ring.body).toBe(204);
    expect((await calleeSocket.waitFor("call.ringing")).data).toEqual({
      contractId,
      callerId: assistant.userId,
      callerName: "Anna Schmidt",
      jobTitle: "Social Media Bäckerei",
    });
    await calleeSocket.waitFor("notification.created");
    expect(callerSocket.received.filter((m) => m.type === "call.ringing")).toEqual([]);

    expect(await callNotices(client)).toEqual([
      expect.objectContaining({
        data: { contractId, actor: "Anna Schmidt", jobTitle: "Social Media Bäckerei" },
        readAt: null,
      }),
    ]);
    expect(await callNotices(assistant)).toEqual([]);
    const mail = await lastMailTo(app, client.email);
    expect(mail?.subject).toBe("Anna Schmidt ruft Sie an: „Social Media Bäckerei“");
    expect(mail?.text).toContain(`/contracts/${contractId}/call?answer=true`);

    // Ringing again while the first notice is fresh (twice at once, as a double click) rings live,
    // but writes (and mails) no second notice.
    const again = await Promise.all([1, 2].map(() => assistant.post(`${call(contractId)}/ring`)));
    expect(again.map((r) => r.statusCode)).toEqual([204, 204]);
    await expect.poll(() => calleeSocket.received.filter((m) => m.type === "call.ringing").length).toBe(3);
    expect(await callNotices(client)).toHaveLength(1);
    for (const x of [callerSocket, calleeSocket]) x.socket.close();
  });

  it("rings live even when the callee switched the notice off, and then writes none", async () => {
    const { client, assistant, contractId } = await hiredContract(app);
    await assistant.request("PUT", "/api/v1/me/notification-preferences", {
      preferences: [{ type: "call.started", channel: "off" }],
    });
    const callee = connect(url, { cookie: cookieOf(assistant), origin: TEST_ORIGIN });
    await callee.waitFor("ready");
    expect((await client.post(`${call(contractId)}/ring`)).statusCode).toBe(204);
    expect((await callee.waitFor("call.ringing")).data).toMatchObject({
      contractId,
      callerId: client.userId,
    });
    expect(await callNotices(assistant)).toEqual([]);
    callee.socket.close();
  });
});
