import { AppError } from "../../server/errors.ts";
import type { Entry } from "./rooms.ts";
import type { RoomRef } from "./schema.ts";

/**
 * How long a socket's frames ride on one "yes" of a door before it is asked again: what it granted
 * can end (an ended contract, a cancelled interview), and this bounds how long frames still pass
 * after that. Never past the room's own closing time.
 */
export const PASS_GRANTED_MS = 5_000;
/**
 * How long a "no" is kept: frames for a room the sender is not in (or not yet, or no more) are
 * refused without a database check, so a flood of them costs nothing. A room that opens sooner
 * (`availableAt`) is asked again then.
 */
export const PASS_REFUSED_MS = 5_000;
/** Rooms one socket keeps answers for: a browser is in one call at a time. */
const ROOMS_KEPT = 8;

interface Pass {
  entry: Promise<Entry>;
  /** Date.now() after which the door is asked again; open-ended while its check runs. */
  until: number;
}

/**
 * One socket's answers from the rooms' doors: `enter` asks the door once and then answers the
 * same, a grant or the same refusal, until the pass runs out. Frames arriving while the check
 * runs share it. A failure that is not a door's answer (the database away) is not kept.
 */
export function createPasses(door: (ref: RoomRef) => Promise<Entry>) {
  const passes = new Map<string, Pass>();
  let open = true;

  function keep(key: string, pass: Pass) {
    const oldest = passes.keys().next();
    if (passes.size >= ROOMS_KEPT && !oldest.done) passes.delete(oldest.value);
    passes.set(key, pass);
    pass.entry.then(
      (entry) => {
        pass.until = Math.min(Date.now() + PASS_GRANTED_MS, entry.closesAt?.getTime() ?? Infinity);
      },
      (error: unknown) => {
        if (error instanceof AppError)
          pass.until = Math.min(Date.now() + PASS_REFUSED_MS, error.availableAt?.getTime() ?? Infinity);
        else if (passes.get(key) === pass) passes.delete(key);
      },
    );
  }

  return {
    enter(ref: RoomRef): Promise<Entry> {
      const key = `${ref.kind}:${ref.id}`;
      const kept = passes.get(key);
      if (kept && Date.now() < kept.until) return kept.entry;
      passes.delete(key);
      const pass: Pass = { entry: door(ref), until: Number.POSITIVE_INFINITY };
      if (open) keep(key, pass);
      return pass.entry;
    },
    /** The socket has closed: nothing is kept for it any more. */
    close() {
      open = false;
      passes.clear();
    },
  };
}
