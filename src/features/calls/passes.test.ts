import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "../../server/errors.ts";
import { createPasses, PASS_GRANTED_MS, PASS_REFUSED_MS } from "./passes.ts";
import type { Entry } from "./rooms.ts";

const room = { kind: "contract", id: "c1" } as const;
const granted = (closesAt: Date | null = null): Entry => ({
  peerId: "peer",
  polite: false,
  jobTitle: "Buchhaltung",
  opensAt: null,
  closesAt,
});

/** A door answering whatever `answer` holds at the moment it is asked, counting the asking. */
function door(initial: Entry | Error) {
  const state = { answer: initial, asked: 0 };
  const ask = async () => {
    state.asked += 1;
    if (state.answer instanceof Error) throw state.answer;
    return state.answer;
  };
  return { state, ask, passes: createPasses(ask) };
}
const later = (ms: number) => vi.setSystemTime(Date.now() + ms);
const settle = (entries: Promise<unknown>[]) => Promise.allSettled(entries);

beforeEach(() => vi.useFakeTimers({ toFake: ["Date"] }));
afterEach(() => vi.useRealTimers());

describe("a socket's passes into rooms", () => {
  it("asks the door once for a room's frames, also for those arriving while it checks", async () => {
    const { state, passes } = door(granted());
    const first = Array.from({ length: 1_000 }, () => passes.enter(room));
    expect((await Promise.all(first)).every((e) => e.peerId === "peer")).toBe(true);
    await Promise.all(Array.from({ length: 1_000 }, () => passes.enter(room)));
    expect(state.asked).toBe(1);
  });

  it("keeps a refusal too: frames for someone else's room cost one check, each still refused", async () => {
    const { state, passes } = door(new AppError("not_found"));
    const results = await settle(Array.from({ length: 1_000 }, () => passes.enter(room)));
    expect(results.every((r) => r.status === "rejected" && r.reason.code === "not_found")).toBe(true);
    expect(state.asked).toBe(1);
    later(PASS_REFUSED_MS + 1);
    await settle([passes.enter(room)]);
    expect(state.asked).toBe(2);
  });

  it("asks again once a grant is PASS_GRANTED_MS old: an ended contract stops passing", async () => {
    const { state, passes } = door(granted());
    await passes.enter(room);
    state.answer = new AppError("conflict", { reason: "contract.ended" });
    later(PASS_GRANTED_MS - 1);
    await expect(passes.enter(room)).resolves.toMatchObject({ peerId: "peer" });
    later(2);
    await expect(passes.enter(room)).rejects.toMatchObject({ reason: "contract.ended" });
    expect(state.asked).toBe(2);
  });

  it("never lets a grant outlive the room's closing time", async () => {
    const { state, passes } = door(granted(new Date(Date.now() + 1_000)));
    await passes.enter(room);
    state.answer = new AppError("conflict", { reason: "interview.room_closed" });
    later(999);
    await passes.enter(room);
    later(2);
    await expect(passes.enter(room)).rejects.toMatchObject({ reason: "interview.room_closed" });
  });

  it("asks a room that was not open yet again at its opening time", async () => {
    const opensAt = new Date(Date.now() + 2_000);
    const { state, passes } = door(
      new AppError("conflict", { reason: "interview.room_not_open", availableAt: opensAt }),
    );
    await settle([passes.enter(room)]);
    state.answer = granted();
    later(1_999);
    await expect(passes.enter(room)).rejects.toMatchObject({ reason: "interview.room_not_open" });
    later(2);
    await expect(passes.enter(room)).resolves.toMatchObject({ peerId: "peer" });
  });

  it("keeps no failure that is not a door's answer (the database away): the next frame asks again", async () => {
    const { state, passes } = door(new Error("connection terminated"));
    await settle([passes.enter(room)]);
    state.answer = granted();
    await expect(passes.enter(room)).resolves.toMatchObject({ peerId: "peer" });
    expect(state.asked).toBe(2);
  });

  it("belongs to one socket: another asks for itself, and a closed one keeps nothing", async () => {
    const { state, ask, passes } = door(granted());
    const otherSocket = createPasses(ask);
    await passes.enter(room);
    await otherSocket.enter(room);
    expect(state.asked).toBe(2);
    passes.close();
    await passes.enter(room);
    await passes.enter(room);
    expect(state.asked).toBe(4);
  });

  it("keeps a few rooms, dropping the oldest", async () => {
    const { state, passes } = door(granted());
    for (let i = 0; i < 9; i++) await passes.enter({ kind: "contract", id: `c${i}` });
    await passes.enter({ kind: "contract", id: "c8" });
    expect(state.asked).toBe(9);
    await passes.enter({ kind: "contract", id: "c0" });
    expect(state.asked).toBe(10);
  });
});
