import type { AnyRoute } from "@tanstack/react-router";

/**
 * One feature's pages, by where they hang: `public` below the root, `signedIn` behind the session
 * check, `workspaceTabs` inside a contract's workspace (each tab route says in its `staticData`
 * where it goes in the tab row and what the contract must allow for it).
 */
export interface FeaturePages {
  public?: readonly AnyRoute[];
  signedIn?: readonly AnyRoute[];
  workspaceTabs?: readonly AnyRoute[];
}

export const definePages = <const P extends FeaturePages>(pages: P) => pages;
