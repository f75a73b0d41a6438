import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { rootRoute, signedInRoute } from "../../../web/routes/base.ts";
import { defineWebFeature } from "../../../web/routes/web-feature.ts";

const ui = {
  assistantPublic: () => import("./assistant-public-page.tsx"),
  assistantEditor: () => import("./assistant-profile-page.tsx"),
  clientEditor: () => import("./client-profile-page.tsx"),
};

// An assistant's profile is public: clients compare assistants before they sign up.
const assistantRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/assistants/$userId",
  component: lazyRouteComponent(ui.assistantPublic, "AssistantPublicPage"),
});
const assistantProfileRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/profile",
  component: lazyRouteComponent(ui.assistantEditor, "AssistantProfilePage"),
});
const clientProfileRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/client-profile",
  component: lazyRouteComponent(ui.clientEditor, "ClientProfilePage"),
});

export const profilesWeb = defineWebFeature({
  public: [assistantRoute],
  signedIn: [assistantProfileRoute, clientProfileRoute],
});
