import { eq, inArray } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../server/testing/app.ts";
import { signedIn } from "../../server/testing/http.ts";
import { bidThread } from "../messaging/testing.ts";
import { sendDueReminders } from "./reminders.ts";
import { interview, interviewHold } from "./tables.ts";
import { setTestAvailability, weekdayAt } from "./testing.ts";

let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

async function parties(names: { clientName?: string; assistantName?: string } = {}) {
  const p = await bidThread(app, names);
  await setTestAvailability(p.client, p.assistant);
  return p;
}

const mailsTo = (email: string) =>
  app.database.db.query.mailOutbox.findMany({
    where: (m, { eq }) => eq(m.to, email),
    orderBy: (m, { asc }) => asc(m.createdAt),
  });

/** The VEVENT of an invitation, read by an independent parser. */
function eventOf(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  const event = cal.getFirstSubcomponent("vevent");
  if (!event) throw new Error("no VEVENT");
  return {
    method: cal.getFirstPropertyValue("method"),
    uid: event.getFirstPropertyValue("uid"),
    sequence: event.getFirstPropertyValue("sequence"),
    start: (event.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString(),
    attendees: event.getAllProperties("attendee").map((a) => String(a.getFirstValue())),
  };
}

describe("interview slots", () => {
  it("are the common free times of both parties across their zones; outsiders get 404", async () => {
    const { client, assistant, bid } = await parties();
    const from = weekdayAt(0).toISOString();
    const to = new Date(Date.parse(from) + 86_400_000).toISOString();
    const res = await client.get(
      `/api/v1/bids/${bid.id}/interview-slots?durationMinutes=60&from=${from}&to=${to}`,
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.client.timeZone).toBe("Europe/Berlin");
    expect(body.assistant.timeZone).toBe("Asia/Manila");
    const hours = body.slots.map((s: { start: string }) => new Date(s.start).getUTCHours());
    expect(hours.length).toBeGreaterThan(0);
    // 09–17 Berlin and 14–22 Manila meet between 07/08 and 14 UTC; a 60-minute slot starts by 13:00.
    expect(Math.min(...hours)).toBeGreaterThanOrEqual(7);
    expect(Math.max(...hours)).toBeLessThanOrEqual(13);
    expect((await assistant.get(`/api/v1/bids/${bid.id}/interview-slots`)).statusCode).toBe(200);
    const stranger = await signedIn(app, ["client"]);
    expect((await stranger.get(`/api/v1/bids/${bid.id}/interview-slots`)).statusCode).toBe(404);
  });
});

describe("requesting and confirming", () => {
  it("refuses a time in the past, outside availability, or from the wrong party, with a reason", async () => {
    const { client, assistant, bid } = await parties();
    const url = `/api/v1/bids/${bid.id}/interviews`;
    const past = await client.post(url, {
      durationMinutes: 30,
      proposals: [new Date(Date.now() - 3_600_000).toISOString()],
    });
    expect(past.statusCode).toBe(422);
    expect(past.json().errors[0]).toMatchObject({ field: "proposals.0", code: "slot_past" });
    const night = await client.post(url, { durationMinutes: 30, proposals: [weekdayAt(20).toISOString()] });
    expect(night.json().errors[0]).toMatchObject({ code: "slot_outside_hours" });
    const byAssistant = await assistant.post(url, {
      durationMinutes: 30,
      proposals: [weekdayAt(10).toISOString()],
    });
    expect(byAssistant.statusCode).toBe(403);
    const stranger = await signedIn(app, ["client"]);
    expect(
      (await stranger.post(url, { durationMinutes: 30, proposals: [weekdayAt(10).toISOString()] }))
        .statusCode,
    ).toBe(404);
    const badZone = await client.request("PUT", "/api/v1/me/availability", {
      timeZone: "Europe/Atlantis",
      weeklyHours: [],
    });
    expect(badZone.statusCode).toBe(400);
  });

  it("the assistant picks one of several times; both get a REQUEST invitation; moving and cancelling update it", async () => {
    const { client, assistant, bid } = await parties({
      clientName: "Clara Kanzlei",
      assistantName: "Ana Reyes",
    });
    const times = [weekdayAt(9), weekdayAt(10), weekdayAt(11)].map((d) => d.toISOString());
    const requested = await client.post(`/api/v1/bids/${bid.id}/interviews`, {
      durationMinutes: 30,
      proposals: times,
    });
    expect(requested.statusCode).toBe(201);
    const id = requested.json().id;
    expect(requested.json()).toMatchObject({
      status: "requested",
      proposals: times.map((start) => ({ start })),
    });
    // The client cannot confirm their own request; a time not offered is refused.
    expect((await client.post(`/api/v1/interviews/${id}/confirm`, { start: times[1] })).statusCode).toBe(403);
    expect(
      (await assistant.post(`/api/v1/interviews/${id}/confirm`, { start: weekdayAt(12).toISOString() }))
        .statusCode,
    ).toBe(422);
    const confirmed = await assistant.post(`/api/v1/interviews/${id}/confirm`, { start: times[1] });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: "confirmed", startsAt: times[1], sequence: 0 });
    for (const who of [client, assistant]) {
      const mail = (await mailsTo(who.email)).find((m) => m.calendar);
      expect(mail?.calendar?.method).toBe("REQUEST");
      const event = eventOf(mail?.calendar?.content ?? "");
      expect(event).toMatchObject({
        method: "REQUEST",
        uid: `interview-${id}@assista`,
        sequence: 0,
        start: times[1],
      });
      expect(event.attendees.map((a) => a.toLowerCase())).toEqual(
        expect.arrayContaining([`mailto:${client.email}`, `mailto:${assistant.email}`]),
      );
    }
    expect((await mailsTo(client.email)).at(-1)?.subject).toContain("Ana Reyes");

    const moved = await client.post(`/api/v1/interviews/${id}/reschedule`, {
      start: times[2],
      reason: "Termin beim Steuerberater",
    });
    expect(moved.json()).toMatchObject({ startsAt: times[2], sequence: 1 });
    const movedMail = (await mailsTo(assistant.email)).at(-1);
    expect(eventOf(movedMail?.calendar?.content ?? "")).toMatchObject({
      method: "REQUEST",
      sequence: 1,
      start: times[2],
    });
    expect(movedMail?.text).toContain("Termin beim Steuerberater");

    const cancelled = await assistant.post(`/api/v1/interviews/${id}/cancel`, { reason: "Krank" });
    expect(cancelled.json()).toMatchObject({ status: "cancelled", sequence: 2, cancelReason: "Krank" });
    const cancelMail = (await mailsTo(client.email)).at(-1);
    expect(eventOf(cancelMail?.calendar?.content ?? "")).toMatchObject({ method: "CANCEL", sequence: 2 });
    // The time is free again.
    const again = await client.post(`/api/v1/bids/${bid.id}/interviews`, {
      durationMinutes: 30,
      proposals: [times[2]],
    });
    expect(again.statusCode).toBe(201);
  });
});

describe("the confirmation notice", () => {
  const noticesOf = async (who: Awaited<ReturnType<typeof signedIn>>) =>
    (await who.get("/api/v1/notifications")).json().items as {
      type: string;
      data: Record<string, unknown>;
    }[];

  it("tells the client in the bell and by mail when the assistant confirms; nobody else", async () => {
    const { client, assistant, bid } = await parties({
      clientName: "Clara Kanzlei",
      assistantName: "Ana Reyes",
    });
    const stranger = await signedIn(app, ["client", "assistant"]);
    const start = weekdayAt(10).toISOString();
    const { id } = (
      await client.post(`/api/v1/bids/${bid.id}/interviews`, { durationMinutes: 30, proposals: [start] })
    ).json();
    expect((await noticesOf(client)).filter((n) => n.type === "interview.confirmed")).toEqual([]);

    expect((await assistant.post(`/api/v1/interviews/${id}/confirm`, { start })).statusCode).toBe(200);
    const notices = (await noticesOf(client)).filter((n) => n.type === "interview.confirmed");
    expect(notices).toHaveLength(1);
    expect(notices[0]?.data).toMatchObject({
      interviewId: id,
      actor: "Ana Reyes",
      startsAt: start,
      // Said in the client's zone (parties() puts the client in Berlin).
      timeZone: "Europe/Berlin",
    });
    // By mail too, as the default preference (e-mail at once) says.
    const mails = await mailsTo(client.email);
    expect(
      mails.some(
        (m) => m.subject === `Ana Reyes hat das Interview zu „${notices[0]?.data.jobTitle}“ bestätigt`,
      ),
    ).toBe(true);
    // The assistant, who confirmed, and a third user hear nothing of it.
    expect((await noticesOf(assistant)).map((n) => n.type)).not.toContain("interview.confirmed");
    expect(await noticesOf(stranger)).toEqual([]);
  });

  it("is mailed as the client chose: in the bell only when they turned mail off for it", async () => {
    const { client, assistant, bid } = await parties({ assistantName: "Ana Reyes" });
    const saved = await client.request("PUT", "/api/v1/me/notification-preferences", {
      preferences: [{ type: "interview.confirmed", channel: "in_app" }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const start = weekdayAt(11).toISOString();
    const { id } = (
      await client.post(`/api/v1/bids/${bid.id}/interviews`, { durationMinutes: 30, proposals: [start] })
    ).json();
    await assistant.post(`/api/v1/interviews/${id}/confirm`, { start });
    expect((await noticesOf(client)).map((n) => n.type)).toContain("interview.confirmed");
    expect((await mailsTo(client.email)).filter((m) => m.subject.includes("hat das Interview"))).toEqual([]);
  });
});

describe("no double booking", () => {
  it("two clients' interviews with one assistant at the same time, confirmed in parallel: exactly one succeeds", async () => {
    const first = await parties({ assistantName: "Ana Reyes" });
    // A second job of another client, bid on by the same assistant.
    const second = await bidThread(app, {});
    await setTestAvailability(second.client, second.assistant);
    const time = weekdayAt(10, 2).toISOString();
    const a = (
      await first.client.post(`/api/v1/bids/${first.bid.id}/interviews`, {
        durationMinutes: 60,
        proposals: [time],
      })
    ).json();
    // The same assistant: the second bid's assistant confirms for the first one's account too.
    const sameAssistantBid = (
      await first.assistant.post(`/api/v1/jobs/${second.job.id}/bids`, {
        rateMinor: 3000,
        coverLetter: "Gern.",
        answers: ["DATEV"],
        earliestStart: "2027-01-04",
      })
    ).json();
    const b = (
      await second.client.post(`/api/v1/bids/${sameAssistantBid.id}/interviews`, {
        durationMinutes: 30,
        proposals: [new Date(Date.parse(time) + 30 * 60_000).toISOString()],
      })
    ).json();
    const results = await Promise.all([
      first.assistant.post(`/api/v1/interviews/${a.id}/confirm`, { start: time }),
      first.assistant.post(`/api/v1/interviews/${b.id}/confirm`, { start: b.proposals[0].start }),
    ]);
    // The loser is refused either by the check before writing (422, the time is busy by then) or,
    // when both passed it at once, by the exclusion constraint (409).
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes[0]).toBe(200);
    expect([409, 422]).toContain(codes[1]);
    const refused = results.find((r) => r.statusCode !== 200);
    expect(refused?.json().reason).toMatch(/^interview\.(slot_taken|slot_busy)$/);
    const holds = await app.database.db
      .select()
      .from(interviewHold)
      .where(inArray(interviewHold.interviewId, [a.id, b.id]));
    expect(new Set(holds.map((h) => h.interviewId)).size).toBe(1);
  });

  it("the database itself refuses overlapping holds of one person, written at the same time", async () => {
    const one = await parties();
    const two = await parties();
    const time = weekdayAt(10, 3);
    const ids = await Promise.all(
      [one, two].map(
        async (p, i) =>
          (
            await p.client.post(`/api/v1/bids/${p.bid.id}/interviews`, {
              durationMinutes: 60,
              proposals: [new Date(time.getTime() + i * 30 * 60_000).toISOString()],
            })
          ).json().id as string,
      ),
    );
    // Both interviews hold the first assistant, overlapping by 30 minutes, in two transactions at once.
    const write = (interviewId: string, offset: number) =>
      app.database.db.transaction((tx) =>
        tx.insert(interviewHold).values({
          interviewId,
          userId: one.assistant.userId,
          startsAt: new Date(time.getTime() + offset),
          endsAt: new Date(time.getTime() + offset + 3_600_000),
        }),
      );
    const settled = await Promise.allSettled([
      write(ids[0] as string, 0),
      write(ids[1] as string, 30 * 60_000),
    ]);
    expect(settled.map((s) => s.status).sort()).toEqual(["fulfilled", "rejected"]);
    const error = (settled.find((s) => s.status === "rejected") as PromiseRejectedResult).reason;
    expect(JSON.stringify({ code: error.code ?? error.cause?.code })).toContain("23P01");
    // Back to back is fine: the ranges are half-open.
    const kept = settled[0]?.status === "fulfilled" ? 0 : 30 * 60_000;
    await write(ids[1] as string, kept + 60 * 60_000);
  });
});

describe("reminders", () => {
  it("go to both 24 hours and 15 minutes before, once each, and again after a move", async () => {
    const { client, assistant, bid } = await parties();
    const start = weekdayAt(10);
    const { id } = (
      await client.post(`/api/v1/bids/${bid.id}/interviews`, {
        durationMinutes: 30,
        proposals: [start.toISOString()],
      })
    ).json();
    await assistant.post(`/api/v1/interviews/${id}/confirm`, { start: start.toISOString() });
    const reminders = async (who: typeof client) =>
      (await mailsTo(who.email)).filter((m) => /Morgen|15 Minuten/.test(m.subject)).map((m) => m.subject);
    const at = (msBefore: number) => new Date(start.getTime() - msBefore);
    await sendDueReminders(app.database.db, app.services.interviews, at(25 * 3_600_000));
    expect(await reminders(client)).toEqual([]);
    await sendDueReminders(app.database.db, app.services.interviews, at(23 * 3_600_000));
    await sendDueReminders(app.database.db, app.services.interviews, at(22 * 3_600_000));
    expect(await reminders(client)).toHaveLength(1);
    expect(await reminders(assistant)).toHaveLength(1);
    await sendDueReminders(app.database.db, app.services.interviews, at(10 * 60_000));
    expect((await reminders(client)).at(-1)).toContain("15 Minuten");
    expect(await reminders(assistant)).toHaveLength(2);
  });
});

describe("the interview list", () => {
  it("shows upcoming soonest first and past or cancelled latest first, by status, page by page", async () => {
    const { client, assistant, bid } = await parties();
    const url = `/api/v1/bids/${bid.id}/interviews`;
    const ask = async (...times: Date[]) =>
      (await client.post(url, { durationMinutes: 30, proposals: times.map((t) => t.toISOString()) })).json();
    const requested = await ask(weekdayAt(10, 3), weekdayAt(11, 2));
    const confirmed = await ask(weekdayAt(9, 1), weekdayAt(10, 1));
    expect(
      (await assistant.post(`/api/v1/interviews/${confirmed.id}/confirm`, { start: weekdayAt(10, 1) }))
        .statusCode,
    ).toBe(200);
    const cancelled = await ask(weekdayAt(12, 4));
    await client.post(`/api/v1/interviews/${cancelled.id}/cancel`, { reason: "Stelle besetzt" });
    // One that took place last week (the API never books the past, so it is moved there directly).
    const held = await ask(weekdayAt(13, 1));
    await assistant.post(`/api/v1/interviews/${held.id}/confirm`, { start: weekdayAt(13, 1) });
    const lastWeek = new Date(Date.now() - 7 * 86_400_000);
    await app.database.db
      .update(interview)
      .set({ startsAt: lastWeek, endsAt: new Date(lastWeek.getTime() + 30 * 60_000) })
      .where(eq(interview.id, held.id));

    const ids = async (who: typeof client, query: string) => {
      const res = await who.get(`/api/v1/interviews?${query}`);
      expect(res.statusCode).toBe(200);
      return res.json().items.map((i: { id: string }) => i.id);
    };
    // Upcoming by the time that counts: the confirmed one (week 1), then the request (earliest proposal week 2).
    expect(await ids(client, "")).toEqual([confirmed.id, requested.id]);
    expect(await ids(assistant, "view=upcoming")).toEqual([confirmed.id, requested.id]);
    expect(await ids(assistant, "view=upcoming&status=requested")).toEqual([requested.id]);
    // Past and cancelled: the cancelled one's time (week 4) is later than last week's.
    expect(await ids(client, "view=past")).toEqual([cancelled.id, held.id]);
    expect(await ids(client, "view=past&status=confirmed")).toEqual([held.id]);

    const first = (await client.get("/api/v1/interviews?view=upcoming&limit=1")).json();
    expect(first.items.map((i: { id: string }) => i.id)).toEqual([confirmed.id]);
    const second = (
      await client.get(`/api/v1/interviews?view=upcoming&limit=1&cursor=${first.nextCursor}`)
    ).json();
    expect(second.items.map((i: { id: string }) => i.id)).toEqual([requested.id]);
    expect(second.nextCursor).toBeNull();
    const pastFirst = (await client.get("/api/v1/interviews?view=past&limit=1")).json();
    const pastSecond = (
      await client.get(`/api/v1/interviews?view=past&limit=1&cursor=${pastFirst.nextCursor}`)
    ).json();
    expect(pastSecond.items.map((i: { id: string }) => i.id)).toEqual([held.id]);

    const stranger = await signedIn(app, ["client"]);
    expect(await ids(stranger, "view=upcoming")).toEqual([]);
    expect(await ids(stranger, "view=past")).toEqual([]);
    const bad = await client.get("/api/v1/interviews?view=someday&status=maybe");
    expect(bad.statusCode).toBe(400);
    expect(bad.headers["content-type"]).toContain("application/problem+json");
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(["status", "view"]);
  });
});
