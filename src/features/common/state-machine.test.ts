import { describe, expect, it } from "vitest";
import { BID_MACHINE } from "../bids/schema.ts";
import { CONTRACT_MACHINE, OFFER_MACHINE } from "../contracts/schema.ts";
import { INTERVIEW_MACHINE } from "../interviews/schema.ts";
import { JOB_MACHINE } from "../jobs/schema.ts";
import { stateMachine } from "./state-machine.ts";

const MACHINES = {
  job: JOB_MACHINE,
  bid: BID_MACHINE,
  offer: OFFER_MACHINE,
  interview: INTERVIEW_MACHINE,
  contract: CONTRACT_MACHINE,
} as const;

describe("state machines as data", () => {
  const door = stateMachine(["open", "shut", "locked"], {
    close: { from: ["open"], to: "shut" },
    lock: { from: ["shut"], to: "locked" },
    open: { from: ["shut"], to: "open" },
  });

  it("answers which actions a state allows, in table order, and where each leads", () => {
    expect(door.actionsFrom("shut")).toEqual(["lock", "open"]);
    expect(door.actionsFrom("locked")).toEqual([]);
    expect(door.can("open", "lock")).toBe(false);
    expect(door.target("shut", "lock")).toBe("locked");
    expect(door.target("open", "lock")).toBeUndefined();
  });

  it.each(Object.entries(MACHINES))("the %s machine leads only between its own states", (_name, machine) => {
    const states = new Set<string>(machine.states);
    for (const rule of Object.values(machine.transitions) as { from: string[]; to: string }[]) {
      expect(states.has(rule.to)).toBe(true);
      for (const from of rule.from) expect(states.has(from)).toBe(true);
    }
  });

  it("keeps the lifecycles the product promises", () => {
    expect(JOB_MACHINE.actionsFrom("draft")).toEqual(["publish", "cancel"]);
    expect(JOB_MACHINE.actionsFrom("closed")).toEqual([]);
    expect(BID_MACHINE.actionsFrom("offered")).toEqual(["hire", "decline", "retract"]);
    expect(CONTRACT_MACHINE.actionsFrom("ended")).toEqual([]);
    expect(INTERVIEW_MACHINE.actionsFrom("cancelled")).toEqual([]);
    expect(OFFER_MACHINE.actionsFrom("accepted")).toEqual([]);
  });
});
