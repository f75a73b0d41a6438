import type { StateMachine } from "../features/common/state-machine.ts";
import { AppError } from "./errors.ts";

/**
 * The status a row moves to, or a 409 with `<domain>.illegal_transition` when the machine has no
 * such edge (a stale page's button, a race with the other party).
 */
export function advance<S extends string, A extends string>(
  machine: StateMachine<S, A>,
  domain: string,
  current: S,
  action: A,
): S {
  const next = machine.target(current, action);
  if (next === undefined) {
    throw new AppError("conflict", {
      reason: `${domain}.illegal_transition`,
      detail: `A ${current} ${domain} cannot ${action}.`,
    });
  }
  return next;
}
