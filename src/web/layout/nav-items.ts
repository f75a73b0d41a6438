import type { AnyRoute, LinkProps } from "@tanstack/react-router";
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
declare module "@tanstack/react-router" {
  interface StaticDataRouteOption {
    /** The route's entry in the sections (sidebar and phone menu), when it has one. */
    nav?: NavEntry;
  }
}

/** A section as its route declares it (`staticData: { nav }` in the feature's ui/module.ts). */
export type NavEntry = Omit<NavItem, "to"> & {
  /** Its place within its group. */
  order: number;
};

/**
 * Every section of the app: the routes that declare a `nav` entry, each once. The sidebar on wide
 * screens and the phone menu both read this, so a new domain's page shows up by declaring its
 * entry beside its route. Messages and notifications stay in the header, where their live counts are.
 */
export function navItemsOf(routes: Iterable<AnyRoute>): NavItem[] {
  const found: (NavItem & { order: number })[] = [];
  for (const route of routes) {
    const nav = route.options.staticData?.nav;
    if (nav) found.push({ ...nav, to: route.fullPath as NavItem["to"] });
  }
  return found
    .sort((a, b) => NAV_GROUPS.indexOf(a.group) - NAV_GROUPS.indexOf(b.group) || a.order - b.order)
    .map(({ order: _order, ...item }) => item);
}

/** Whether `me` (null for a visitor) sees `item`. */
export function visibleTo(item: NavItem, me: Me | null | undefined): boolean {
  if (item.audience === "everyone") return true;
  if (!me) return false;
  return item.audience === "signed-in" || item.audience.some((role) => me.roles.includes(role));
}

/** The sections `me` sees, grouped in order; groups with nothing to show are left out. */
export function navGroupsFor(
  all: readonly NavItem[],
  me: Me | null | undefined,
): { group: NavGroup; items: NavItem[] }[] {
  return NAV_GROUPS.map((group) => ({
    group,
    items: all.filter((item) => item.group === group && visibleTo(item, me)),
  })).filter((g) => g.items.length > 0);
}
