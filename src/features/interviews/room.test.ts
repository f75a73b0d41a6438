import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../server/testing/app.ts";
import { type Browser, signedIn } from "../../server/testing/http.ts";
import { listening } from "../../server/testing/sockets.ts";
import { expectRelayedOnlyBetween } from "../calls/testing.ts";
import { bidThread } from "../messaging/testing.ts";
import { weekdayAt } from "./testing.ts";

let app: Awaited<ReturnType<typeof createTestApp>>;
let url: string;
beforeAll(async () => {
  // A room that opens an hour ahead and no minimum notice: the next free half hour is joinable now.
  app = await createTestApp({ INTERVIEW_NOTICE_MINUTES: "0", ROOM_OPENS_BEFORE_MINUTES: "60" });
  url = await listening(app);
});
afterAll(() => app.close());

const allDay = (who: Browser) =>
  who.request("PUT", "/api/v1/me/availability", {
    timeZone: "UTC",
    weeklyHours: (["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const).map((day) => ({
      day,
      from: "00:00",
      to: "24:00",
    })),
  });

async function interviewAt(start: string | "next") {
  const p = await bidThread(app);
  await Promise.all([allDay(p.client), allDay(p.assistant)]);
  const time =
    start === "next"
      ? (await p.client.get(`/api/v1/bids/${p.bid.id}/interview-slots`)).json().slots[0].start
      : start;
  const { id } = (
    await p.client.post(`/api/v1/bids/${p.bid.id}/interviews`, { durationMinutes: 30, proposals: [time] })
  ).json();
  expect((await p.assistant.post(`/api/v1/interviews/${id}/confirm`, { start: time })).statusCode).toBe(200);
  return { ...p, id: id as string };
}

describe("the video room", () => {
  it("lets the two participants in and relays their signalling; nobody else", async () => {
    const { client, assistant, id } = await interviewAt("next");
    const room = await client.get(`/api/v1/interviews/${id}/room`);
    expect(room.statusCode).toBe(200);
    expect(room.json()).toMatchObject({
      kind: "interview",
      interviewId: id,
      polite: false,
      peer: { userId: assistant.userId },
      iceServers: [],
    });
    expect((await assistant.get(`/api/v1/interviews/${id}/room`)).json()).toMatchObject({ polite: true });
    const stranger = await signedIn(app, ["client"]);
    expect((await stranger.get(`/api/v1/interviews/${id}/room`)).statusCode).toBe(404);

    await expectRelayedOnlyBetween(
      app,
      url,
      { caller: client, callee: assistant, stranger },
      { interviewId: id },
    );
  });

  it("is closed before it opens, with the reason and the opening time", async () => {
    const start = weekdayAt(10, 2);
    const { client, id } = await interviewAt(start.toISOString());
    const early = await client.get(`/api/v1/interviews/${id}/room`);
    expect(early.statusCode).toBe(409);
    const opensAt = new Date(start.getTime() - 60 * 60_000); // ROOM_OPENS_BEFORE_MINUTES=60 above
    expect(early.json()).toMatchObject({
      reason: "interview.room_not_open",
      availableAt: opensAt.toISOString(),
    });
    // Retry-After in seconds agrees with it (to within the test's own run time).
    const wait = Number(early.headers["retry-after"]);
    expect(Math.abs(Date.now() + wait * 1000 - opensAt.getTime())).toBeLessThan(60_000);
  });
});
