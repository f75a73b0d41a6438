import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, TEST_ORIGIN } from "../../server/testing/app.ts";
import { Browser } from "../../server/testing/http.ts";
import { connect, cookieOf, listening, twoInstancesOverRedis } from "../../server/testing/sockets.ts";
import { bidThread } from "./testing.ts";

type App = Awaited<ReturnType<typeof createTestApp>>;

type Socket = ReturnType<typeof connect>;
const messageIn = (socket: Socket, type: string, body: string) =>
  socket.waitFor(type, (m) => (m.data as { message?: { body?: string } }).message?.body === body);

describe("messages live", () => {
  let app: App;
  let url: string;
  beforeAll(async () => {
    app = await createTestApp();
    url = await listening(app);
  });
  afterAll(() => app.close());

  it("a message reaches the other participant's socket; typing too; a reconnect catches up on what was missed", async () => {
    const { client, assistant, thread } = await bidThread(app);
    const live = connect(url, { cookie: cookieOf(client), origin: TEST_ORIGIN });
    const other = connect(url, { cookie: cookieOf(assistant), origin: TEST_ORIGIN });
    // "ready" names the watermark to resume from (event-log.ts).
    const { after } = (await live.waitFor("ready")).data as { after: string };
    expect(after).toMatch(/^\d+$/);
    await other.waitFor("ready");

    const sent = (await assistant.post(`/api/v1/threads/${thread.id}/messages`, { body: "Hallo!" })).json();
    const hello = await messageIn(live, "message.created", "Hallo!");
    expect(hello).toMatchObject({
      id: expect.stringMatching(/^\d+$/),
      data: { threadId: thread.id, message: { id: sent.id, senderId: assistant.userId } },
    });

    other.socket.send(JSON.stringify({ type: "typing", threadId: thread.id }));
    expect(await live.waitFor("typing")).toEqual({
      type: "typing",
      data: { threadId: thread.id, userId: assistant.userId },
    });

    // Offline: two changes happen meanwhile.
    live.socket.close();
    await live.closed;
    await assistant.post(`/api/v1/threads/${thread.id}/messages`, { body: "Sind Sie noch da?" });
    await assistant.patch(`/api/v1/messages/${sent.id}`, { body: "Hallo, Frau Client!" });
    const back = connect(`${url}?after=${after}`, { cookie: cookieOf(client), origin: TEST_ORIGIN });
    const { after: next } = (await back.waitFor("ready")).data as { after: string };
    // The replay may repeat what the socket saw live (the client skips those by id; on a shared
    // PostgreSQL any running transaction holds the watermark back), and it brings what was missed,
    // in order, before "ready".
    const replayed = back.received.filter((m) => m.type !== "ready" && Number(m.id) > Number(hello.id));
    expect(replayed.map((m) => m.type)).toEqual(["message.created", "message.updated"]);
    expect(new Set(replayed.map((m) => m.id)).size).toBe(2);
    expect(back.received.at(-1)?.type).toBe("ready");
    expect(BigInt(next)).toBeGreaterThanOrEqual(BigInt(after));
    back.socket.close();
    other.socket.close();
  });
});

describe("messages across two instances over Redis", () => {
  const instances = twoInstancesOverRedis({ MESSAGES_PER_MINUTE: "3" });

  it("a message sent through instance A reaches the recipient's socket on instance B", async () => {
    const { client, assistant, thread } = await bidThread(instances.a);
    const onB = connect(await listening(instances.b), { cookie: cookieOf(client), origin: TEST_ORIGIN });
    await onB.waitFor("ready");
    await assistant.post(`/api/v1/threads/${thread.id}/messages`, { body: "Über Instanz A" });
    expect(await messageIn(onB, "message.created", "Über Instanz A")).toMatchObject({
      id: expect.stringMatching(/^\d+$/),
    });
    onB.socket.close();
  });

  it("the flood limit counts a user's messages on every instance together", async () => {
    const { assistant, thread } = await bidThread(instances.a);
    // The same session, its requests balanced over both instances.
    const onB = new Browser(instances.b, assistant.ip);
    for (const [name, value] of assistant.cookies) onB.cookies.set(name, value);
    const url = `/api/v1/threads/${thread.id}/messages`;
    expect((await assistant.post(url, { body: "eins" })).statusCode).toBe(201);
    expect((await onB.post(url, { body: "zwei" })).statusCode).toBe(201);
    expect((await assistant.post(url, { body: "drei" })).statusCode).toBe(201);
    const fourth = await onB.post(url, { body: "vier" });
    expect(fourth.statusCode).toBe(429);
    expect(Number(fourth.headers["retry-after"])).toBeGreaterThanOrEqual(1);
  });
});
