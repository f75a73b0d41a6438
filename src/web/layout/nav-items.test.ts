import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { Me, Role } from "../../features/accounts/schema.ts";
import de from "../i18n/de.json" with { type: "json" };
import en from "../i18n/en.json" with { type: "json" };
import { createAppRouter } from "../router.tsx";
import { NAV_GROUPS, navGroupsFor, navItemsOf } from "./nav-items.ts";

// The sections as the app's own route tree declares them.
const NAV_ITEMS = navItemsOf(Object.values(createAppRouter(new QueryClient()).routesById));

const someone = (roles: Role[]): Me => ({
  id: "u1",
  name: "Clara",
  email: "clara@example.com",
  emailVerified: true,
  roles,
  locale: "de",
  timeZone: "Europe/Berlin",
  twoFactorEnabled: false,
  createdAt: "2026-12-01T00:00:00.000Z",
});

/** The labels `me` sees, per group. */
const seen = (me: Me | null) =>
  Object.fromEntries(
    navGroupsFor(NAV_ITEMS, me).map(({ group, items }) => [group, items.map((i) => i.label)]),
  );

const lookup = (bundle: unknown, key: string) =>
  key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], bundle);

describe("the navigation's sections", () => {
  it("shows a visitor the job board only", () => {
    expect(seen(null)).toEqual({ marketplace: ["nav.jobBoard"] });
  });

  it("shows each role what today's header showed it, grouped", () => {
    expect(seen(someone(["client"]))).toEqual({
      marketplace: ["nav.jobBoard", "nav.myJobs"],
      collaboration: ["nav.contracts", "nav.interviews", "nav.availability"],
      account: ["nav.clientProfile", "nav.settings"],
    });
    expect(seen(someone(["assistant"]))).toEqual({
      marketplace: ["nav.jobBoard", "nav.myBids", "nav.portfolio"],
      collaboration: ["nav.contracts", "nav.interviews", "nav.availability"],
      account: ["nav.assistantProfile", "nav.settings"],
    });
    // Both roles: each entry once, in the list's order.
    expect(seen(someone(["client", "assistant"])).account).toEqual([
      "nav.assistantProfile",
      "nav.clientProfile",
      "nav.settings",
    ]);
  });

  it("names every entry and group in both languages, and lists each path once", () => {
    const keys = [
      ...NAV_ITEMS.map((i) => i.label),
      ...NAV_GROUPS.map((g) => `nav.groups.${g}`),
      "nav.sections",
    ];
    const missing = keys.flatMap((key) =>
      [de, en].flatMap((bundle, i) =>
        typeof lookup(bundle, key) === "string" ? [] : [`${i ? "en" : "de"} ${key}`],
      ),
    );
    expect(missing).toEqual([]);
    const paths = NAV_ITEMS.map((i) => i.to);
    expect(new Set(paths).size).toBe(paths.length);
  });
});
