import type { ContractNeed } from "../schema.ts";

/**
 * The workspace's tabs, in order. A domain that works inside a contract (tasks, the handbook,
 * files, time …) adds its tab here and its page as a child of the workspace route in
 * web/router.tsx. `need` is what the tab is for: a status that refuses it hides the tab (the
 * page itself, opened by its address, says why it cannot be used).
 */
export const WORKSPACE_TABS = [
  { id: "overview", to: "/contracts/$contractId", need: "read", exact: true },
  { id: "messages", to: "/contracts/$contractId/messages", need: "message", exact: false },
  { id: "calendar", to: "/contracts/$contractId/calendar", need: "read", exact: false },
  { id: "call", to: "/contracts/$contractId/call", need: "call", exact: false },
] as const satisfies readonly { id: string; to: string; need: ContractNeed; exact: boolean }[];

export type WorkspaceTab = (typeof WORKSPACE_TABS)[number];
