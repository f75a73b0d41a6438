import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { WebSocket } from "ws";
import { createTestApp, TEST_METRICS_TOKEN, TEST_ORIGIN } from "../testing/app.ts";
import { signedIn } from "../testing/http.ts";
import { connect, cookieOf, listening, twoInstancesOverRedis } from "../testing/sockets.ts";
import { CLOSE_UNAUTHENTICATED, MAX_FRAME_BYTES } from "./frames.ts";
import { createHub, MAX_BUFFERED_BYTES } from "./hub.ts";

type App = Awaited<ReturnType<typeof createTestApp>>;

describe("live channel on one instance", () => {
  let app: App;
  let url: string;
  beforeAll(async () => {
    app = await createTestApp();
    url = await listening(app);
  });
  afterAll(() => app.close());

  it("delivers a user's events to their sockets only", async () => {
    const anna = await signedIn(app, ["assistant"]);
    const ben = await signedIn(app, ["client"]);
    const a = connect(url, { cookie: cookieOf(anna), origin: TEST_ORIGIN });
    const b = connect(url, { cookie: cookieOf(ben), origin: TEST_ORIGIN });
    await a.waitFor("ready");
    await b.waitFor("ready");
    await app.realtime.broker.publish([anna.userId], {
      id: "7",
      type: "notification.created",
      data: { n: 1 },
    });
    expect(await a.waitFor("notification.created")).toEqual({
      id: "7",
      type: "notification.created",
      data: { n: 1 },
    });
    await app.realtime.broker.publish([ben.userId], { type: "typing", data: { threadId: "x" } });
    await b.waitFor("typing");
    expect(b.received.some((m) => m.type === "notification.created")).toBe(false);
    a.socket.close();
    b.socket.close();
  });

  it("closes with 4401 without a session and refuses other origins before the upgrade", async () => {
    const anonymous = connect(url, { origin: TEST_ORIGIN });
    expect(await anonymous.closed).toBe(CLOSE_UNAUTHENTICATED);
    const anna = await signedIn(app, ["assistant"]);
    const status = await new Promise<number>((resolve) => {
      const socket = new WebSocket(url, {
        headers: { cookie: cookieOf(anna), origin: "https://evil.example" },
      });
      socket.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
      socket.on("error", () => {});
    });
    expect(status).toBe(403);
  });

  it("ignores and counts malformed and unknown frames, keeps the connection, and closes on oversize with 1009", async () => {
    const anna = await signedIn(app, ["assistant"]);
    const a = connect(url, { cookie: cookieOf(anna), origin: TEST_ORIGIN });
    await a.waitFor("ready");
    const before = app.realtime.stats.ignoredFrames;
    a.socket.send("{not json");
    a.socket.send(JSON.stringify({ type: "launch.rockets" }));
    a.socket.send(JSON.stringify({ type: "typing", threadId: "not-a-uuid" }));
    await vi.waitFor(() => expect(app.realtime.stats.ignoredFrames).toBe(before + 3));
    // Operators see the same count on /metrics, next to the open connections.
    const metrics = (
      await app.inject({ url: "/metrics", headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` } })
    ).body;
    expect(metrics).toMatch(new RegExp(`^ws_frames_ignored_total ${before + 3}$`, "m"));
    expect(Number(metrics.match(/^ws_connections (\d+)$/m)?.[1])).toBeGreaterThanOrEqual(1);
    await app.realtime.broker.publish([anna.userId], { id: "8", type: "message.created", data: {} });
    await a.waitFor("message.created");
    a.socket.send("x".repeat(MAX_FRAME_BYTES + 1));
    expect(await a.closed).toBe(1009);
  });
});

describe("backpressure", () => {
  it("drops a socket that stops reading instead of buffering without bound", () => {
    const hub = createHub();
    const slow = {
      OPEN: 1,
      readyState: 1,
      bufferedAmount: MAX_BUFFERED_BYTES + 1,
      send: vi.fn(),
      terminate: vi.fn(),
    };
    const fine = { OPEN: 1, readyState: 1, bufferedAmount: 0, send: vi.fn(), terminate: vi.fn() };
    hub.add("u", slow as never);
    hub.add("u", fine as never);
    hub.deliver(["u"], { type: "message.created", data: {} });
    expect(slow.terminate).toHaveBeenCalledOnce();
    expect(slow.send).not.toHaveBeenCalled();
    expect(fine.send).toHaveBeenCalledOnce();
    expect(hub.stats).toEqual({ dropped: 1, delivered: 1 });
  });
});

describe("two instances over Redis", () => {
  const instances = twoInstancesOverRedis();

  it("an event published on instance A reaches a socket on instance B", async () => {
    const anna = await signedIn(instances.a, ["assistant"]);
    const onB = connect(await listening(instances.b), { cookie: cookieOf(anna), origin: TEST_ORIGIN });
    await onB.waitFor("ready");
    await instances.a.realtime.broker.publish([anna.userId], {
      id: "9",
      type: "message.created",
      data: { via: "A" },
    });
    expect(await onB.waitFor("message.created")).toMatchObject({ data: { via: "A" } });
    onB.socket.close();
  });
});
