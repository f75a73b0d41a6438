import type { QueryClient } from "@tanstack/react-query";
import { createRootRouteWithContext, createRoute, redirect } from "@tanstack/react-router";
import { meQuery } from "../api/me.ts";
import { NotFound } from "../layout/not-found.tsx";
import { Shell } from "../layout/shell.tsx";

// The two parents every feature's pages hang from (features/*/ui/pages.ts); web/router.tsx puts
// each feature's pages below them.

export const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: Shell,
  notFoundComponent: NotFound,
});

/** Pages below need a session; without one the visitor goes to sign-in and comes back afterwards. */
export const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "signed-in",
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: "/sign-in", search: { redirect: location.href } });
    return { me };
  },
});

/** A search parameter's text, or undefined when absent or empty. */
export const searchText = (value: unknown) =>
  typeof value === "string" && value.length > 0 ? value : undefined;

/** Only same-site paths, so a crafted sign-in link cannot send the user elsewhere afterwards. */
export const safeRedirect = (value: unknown) => {
  const path = searchText(value);
  return path?.startsWith("/") && !path.startsWith("//") ? path : undefined;
};
