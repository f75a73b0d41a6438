import type { QueryClient } from "@tanstack/react-query";
import { createRouter } from "@tanstack/react-router";
import { contractWorkspaceRoute } from "../features/contracts/ui/module.ts";
import { WEB_FEATURES } from "./features.ts";
import { rootRoute, signedInRoute } from "./routes/base.ts";
import type { WebFeature } from "./routes/web-feature.ts";

/** The routes the features put in one place, as one array whose type keeps each route's own. */
type Where = "public" | "signedIn" | "workspaceTabs";
type RoutesAt<K extends Where> = Extract<
  (typeof WEB_FEATURES)[number],
  { [P in K]: readonly unknown[] }
>[K][number];
const pagesOf = <K extends Where>(key: K) =>
  WEB_FEATURES.flatMap((feature: WebFeature) => feature[key] ?? []) as RoutesAt<K>[];

const routeTree = rootRoute.addChildren([
  ...pagesOf("public"),
  signedInRoute.addChildren([
    ...pagesOf("signedIn"),
    contractWorkspaceRoute.addChildren(pagesOf("workspaceTabs")),
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: "intent",
    scrollRestoration: true,
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
