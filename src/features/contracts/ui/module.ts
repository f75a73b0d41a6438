import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { signedInRoute } from "../../../web/routes/base.ts";
import { defineWebFeature } from "../../../web/routes/web-feature.ts";
import { contractNoticeLinks } from "./notices.tsx";
import type { WorkspaceTab } from "./workspace-tabs.ts";

const ui = {
  offer: () => import("./offer-page.tsx"),
  contracts: () => import("./contracts-page.tsx"),
  // A contract's workspace: its header and tabs, then each tab's own page.
  workspace: () => import("./workspace-page.tsx"),
  overview: () => import("./workspace-overview.tsx"),
  messages: () => import("./workspace-messages.tsx"),
  // Its own chunk: WebRTC, media devices and the room's styles load only when someone joins a call.
  call: () => import("./contract-call-page.tsx"),
};

const offerRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/offers/$offerId",
  component: lazyRouteComponent(ui.offer, "OfferPage"),
});
const contractsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/contracts",
  staticData: {
    nav: {
      label: "nav.contracts",
      icon: ["M6 3h9l4 4v14H6z", "M9 12h7", "M9 16h4"],
      group: "collaboration",
      audience: "signed-in",
      order: 50,
    },
  },
  component: lazyRouteComponent(ui.contracts, "ContractsPage"),
});

/**
 * The workspace; its tabs are its children, from every feature that works inside a contract
 * (each declares its place in the tab row as `staticData.workspaceTab`; web/router.tsx adds them).
 */
export const contractWorkspaceRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/contracts/$contractId",
  component: lazyRouteComponent(ui.workspace, "ContractWorkspace"),
});

/** A tab's place and what the contract must allow for it to show (see workspace-tabs.ts). */
export const workspaceTab = (tab: WorkspaceTab) => ({ workspaceTab: tab });

const overviewRoute = createRoute({
  getParentRoute: () => contractWorkspaceRoute,
  path: "/",
  staticData: workspaceTab({ id: "overview", order: 10, need: "read", exact: true }),
  component: lazyRouteComponent(ui.overview, "ContractOverviewPage"),
});
const messagesRoute = createRoute({
  getParentRoute: () => contractWorkspaceRoute,
  path: "messages",
  staticData: workspaceTab({ id: "messages", order: 20, need: "message" }),
  component: lazyRouteComponent(ui.messages, "ContractMessagesPage"),
});
const callRoute = createRoute({
  getParentRoute: () => contractWorkspaceRoute,
  path: "call",
  staticData: workspaceTab({ id: "call", order: 90, need: "call" }),
  // ?answer=true: joining answers the other party's ring instead of ringing them.
  validateSearch: (search: Record<string, unknown>): { answer?: boolean } =>
    search.answer === true || search.answer === "true" ? { answer: true } : {},
  component: lazyRouteComponent(ui.call, "ContractCallPage"),
});

export const contractsWeb = defineWebFeature({
  notices: contractNoticeLinks,
  signedIn: [offerRoute, contractsRoute],
  workspaceTabs: [overviewRoute, messagesRoute, callRoute],
});
