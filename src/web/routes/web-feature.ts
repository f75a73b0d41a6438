import type { AnyRoute } from "@tanstack/react-router";
import type { ComponentType, LazyExoticComponent, ReactNode } from "react";
import type { NotificationType } from "../../features/common/shared-schema.ts";
import type { LiveHandlers } from "../live/socket.ts";

/** What a notice's link gets: the notice's data, the link's label and what a click also does. */
export interface NoticeLinkProps {
  data: Record<string, string | number | null>;
  label: string;
  onClick: () => void;
}

/**
 * One feature in the browser. Its pages, by where they hang: `public` below the root, `signedIn`
 * behind the session check, `workspaceTabs` inside a contract's workspace (each tab route says in
 * its `staticData` where it goes in the tab row and what the contract must allow for it). The bell's
 * link for each notice type the feature sends, and its handlers for live events (loaded with the
 * live connection, never with the first page).
 */
export interface WebFeature {
  public?: readonly AnyRoute[];
  signedIn?: readonly AnyRoute[];
  workspaceTabs?: readonly AnyRoute[];
  notices?: Partial<Record<NotificationType, (props: NoticeLinkProps) => ReactNode>>;
  live?: () => Promise<LiveHandlers>;
  /** Sections the feature adds to the account's settings page, loaded with that page. */
  settings?: readonly { id: string; Section: LazyExoticComponent<ComponentType> }[];
}

export const defineWebFeature = <const P extends WebFeature>(feature: P) => feature;

/** A text value of a notice's data (ids, titles), or undefined. */
export const noticeText = (data: NoticeLinkProps["data"], key: string) => {
  const value = data[key];
  return typeof value === "string" ? value : undefined;
};
