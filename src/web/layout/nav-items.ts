import type { LinkProps } from "@tanstack/react-router";
import type { Me, Role } from "../../features/accounts/schema.ts";

/** The sidebar's and the phone menu's sections, in this order. */
export const NAV_GROUPS = ["marketplace", "collaboration", "account"] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

export interface NavItem {
  /** The i18n key of its visible name (the name e2e specs find the link by). */
  label: string;
  to: NonNullable<LinkProps["to"]>;
  /** The `d` of each path of its 24 × 24 line icon (layout/line-icon.tsx). */
  icon: readonly string[];
  group: NavGroup;
  /** Who sees it: everyone (visitors too), anyone signed in, or users with one of these roles. */
  audience: "everyone" | "signed-in" | readonly Role[];
}

/**
 * Every section of the app, once: the sidebar on wide screens and the phone menu both read this
 * list, so a new domain (tasks, handbook, files, time, payments, invoices …) adds one entry here
 * when its page exists. Messages and notifications stay in the header, where their live counts are.
 */
export const NAV_ITEMS: readonly NavItem[] = [
  {
    label: "nav.jobBoard",
    to: "/jobs",
    icon: ["M11 3a8 8 0 1 0 0 16a8 8 0 1 0 0-16z", "m21 21-4.3-4.3"],
    group: "marketplace",
    audience: "everyone",
  },
  {
    label: "nav.myJobs",
    to: "/my-jobs",
    icon: ["M3 7h18v13H3z", "M9 7V4h6v3", "M3 13h18"],
    group: "marketplace",
    audience: ["client"],
  },
  {
    label: "nav.myBids",
    to: "/my-bids",
    icon: ["M14 3H6v18h12V7z", "M14 3v4h4", "M9 13h6", "M9 17h6"],
    group: "marketplace",
    audience: ["assistant"],
  },
  {
    label: "nav.portfolio",
    to: "/portfolio",
    icon: ["M3 6h6l2 2h10v11H3z"],
    group: "marketplace",
    audience: ["assistant"],
  },
  {
    label: "nav.contracts",
    to: "/contracts",
    icon: ["M6 3h9l4 4v14H6z", "M9 12h7", "M9 16h4"],
    group: "collaboration",
    audience: "signed-in",
  },
  {
    label: "nav.interviews",
    to: "/interviews",
    icon: ["M3 7h12v10H3z", "m15 10 6-3v10l-6-3"],
    group: "collaboration",
    audience: "signed-in",
  },
  {
    label: "nav.availability",
    to: "/availability",
    icon: ["M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z", "M12 7v5l3 2"],
    group: "collaboration",
    audience: "signed-in",
  },
  {
    label: "nav.assistantProfile",
    to: "/profile",
    icon: ["M12 4a4 4 0 1 0 0 8a4 4 0 1 0 0-8z", "M4 21c0-4 4-6 8-6s8 2 8 6"],
    group: "account",
    audience: ["assistant"],
  },
  {
    label: "nav.clientProfile",
    to: "/client-profile",
    icon: ["M4 21V5h10v16", "M14 9h6v12", "M8 9h2", "M8 13h2", "M8 17h2"],
    group: "account",
    audience: ["client"],
  },
  {
    label: "nav.settings",
    to: "/settings",
    icon: [
      "M12 9a3 3 0 1 0 0 6a3 3 0 1 0 0-6z",
      "M12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9 7 7M17 17l2.1 2.1M4.9 19.1 7 17M17 7l2.1-2.1",
    ],
    group: "account",
    audience: "signed-in",
  },
];

/** Whether `me` (null for a visitor) sees `item`. */
export function visibleTo(item: NavItem, me: Me | null | undefined): boolean {
  if (item.audience === "everyone") return true;
  if (!me) return false;
  return item.audience === "signed-in" || item.audience.some((role) => me.roles.includes(role));
}

/** The sections `me` sees, grouped in order; groups with nothing to show are left out. */
export function navGroupsFor(me: Me | null | undefined): { group: NavGroup; items: NavItem[] }[] {
  return NAV_GROUPS.map((group) => ({
    group,
    items: NAV_ITEMS.filter((item) => item.group === group && visibleTo(item, me)),
  })).filter((g) => g.items.length > 0);
}
