import type { AnyRoute } from "@tanstack/react-router";
import type { ContractNeed } from "../schema.ts";

/**
 * A tab of the contract workspace, declared by the tab's route (`staticData: workspaceTab(…)` in
 * the feature's ui/pages.ts): its label is `workspace.tabs.<id>`, tabs sort by `order`, and `need`
 * is what the tab is for — a status that refuses it hides the tab (the page itself, opened by its
 * address, says why it cannot be used).
 */
export interface WorkspaceTab {
  id: string;
  order: number;
  need: ContractNeed;
  /** Active only on its own address, not below it (the overview is the workspace's index). */
  exact?: boolean;
}

declare module "@tanstack/react-router" {
  interface StaticDataRouteOption {
    workspaceTab?: WorkspaceTab;
  }
}

/** The workspace's tabs in order, each with its address, from the routes below the workspace. */
export function workspaceTabsOf(routes: Iterable<AnyRoute>): (WorkspaceTab & { to: string })[] {
  const tabs: (WorkspaceTab & { to: string })[] = [];
  for (const route of routes) {
    const tab = route.options.staticData?.workspaceTab;
    // The index tab's full path ends in a slash; its address is the workspace's own.
    if (tab) tabs.push({ ...tab, to: route.fullPath.replace(/(?<=.)\/$/, "") });
  }
  return tabs.sort((a, b) => a.order - b.order);
}
