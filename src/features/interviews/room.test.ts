import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, TEST_ORIGIN } from "../../server/testing/app.ts";
import { type Browser, signedIn } from "../../server/testing/http.ts";
import { connect, cookieOf, listening } from "../../server/testing/sockets.ts";
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
      interviewId: id,
      polite: false,
      peer: { userId: assistant.userId },
      iceServers: [],
    });
    expect((await assistant.get(`/api/v1/interviews/${id}/room`)).json()).toMatchObject({ polite: true });
    const stranger = await signedIn(app, ["client"]);
    expect((await stranger.get(`/api/v1/interviews/${id}/room`)).statusCode).toBe(404);

    const [a, b, s] = [client, assistant, stranger].map((who) =>
      connect(url, { cookie: cookieOf(who), origin: TEST_ORIGIN }),
    );
    await Promise.all([a, b, s].map((x) => x?.waitFor("ready")));
    const offer = { kind: "description", description: { type: "offer", sdp: "v=0\r\n" } };
    // The stranger's frame reaches nobody; the participant's reaches the other participant.
    s?.socket.send(JSON.stringify({ type: "rtc.signal", interviewId: id, signal: { kind: "join" } }));
    a?.socket.send(JSON.stringify({ type: "rtc.signal", interviewId: id, signal: offer }));
    const received = await b?.waitFor("rtc.signal");
    expect(received?.data).toEqual({ interviewId: id, from: client.userId, signal: offer });
    b?.socket.send(
      JSON.stringify({ type: "rtc.signal", interviewId: id, signal: { kind: "candidate", candidate: null } }),
    );
    expect((await a?.waitFor("rtc.signal"))?.data).toMatchObject({
      from: assistant.userId,
      signal: { kind: "candidate" },
    });
    for (const x of [a, b, s]) x?.socket.close();
  });

  it("is closed before it opens, with the reason", async () => {
    const { client, id } = await interviewAt(weekdayAt(10, 2).toISOString());
    const early = await client.get(`/api/v1/interviews/${id}/room`);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ reason: "interview.room_not_open" });
  });
});
