import type { FastifyInstance } from "fastify";
import { expect, vi } from "vitest";
import { TEST_ORIGIN } from "../../server/testing/app.ts";
import type { Browser } from "../../server/testing/http.ts";
import { connect, cookieOf } from "../../server/testing/sockets.ts";

type Someone = Browser & { userId: string };

/**
 * Proves a room relays between its two participants only. The stranger's frame goes first and is
 * refused before the participants signal; had it been relayed, it would have reached a socket
 * before the participants' frames do. So once the callee holds the caller's offer, no socket may
 * hold anything from the stranger, and each participant holds exactly the other's one frame.
 */
export async function expectRelayedOnlyBetween(
  app: FastifyInstance,
  url: string,
  people: { caller: Someone; callee: Someone; stranger: Someone },
  address: { interviewId: string } | { contractId: string },
) {
  const { caller, callee, stranger } = people;
  const [a, b, s] = [caller, callee, stranger].map((who) =>
    connect(url, { cookie: cookieOf(who), origin: TEST_ORIGIN }),
  ) as [ReturnType<typeof connect>, ReturnType<typeof connect>, ReturnType<typeof connect>];
  await Promise.all([a, b, s].map((x) => x.waitFor("ready")));
  const signals = (x: typeof a) => x.received.filter((m) => m.type === "rtc.signal");

  const refused = app.realtime.stats.refusedFrames;
  s.socket.send(JSON.stringify({ type: "rtc.signal", ...address, signal: { kind: "join" } }));
  // The refusal waits for a database check: give a busy machine time.
  await vi.waitFor(() => expect(app.realtime.stats.refusedFrames).toBe(refused + 1), { timeout: 10_000 });

  const offer = { kind: "description", description: { type: "offer", sdp: "v=0\r\n" } };
  a.socket.send(JSON.stringify({ type: "rtc.signal", ...address, signal: offer }));
  expect((await b.waitFor("rtc.signal")).data).toEqual({ ...address, from: caller.userId, signal: offer });
  const candidate = { kind: "candidate", candidate: null };
  b.socket.send(JSON.stringify({ type: "rtc.signal", ...address, signal: candidate }));
  expect((await a.waitFor("rtc.signal")).data).toEqual({
    ...address,
    from: callee.userId,
    signal: candidate,
  });

  const fromStranger = [a, b, s].flatMap((x) =>
    signals(x).filter((m) => (m.data as { from?: string }).from === stranger.userId),
  );
  expect(fromStranger).toEqual([]);
  expect(signals(s)).toEqual([]);
  expect(signals(a)).toHaveLength(1);
  expect(signals(b)).toHaveLength(1);
  for (const x of [a, b, s]) x.socket.close();
}
