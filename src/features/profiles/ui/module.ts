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
  staticData: {
    nav: {
      label: "nav.assistantProfile",
      icon: ["M12 4a4 4 0 1 0 0 8a4 4 0 1 0 0-8z", "M4 21c0-4 4-6 8-6s8 2 8 6"],
      group: "account",
      audience: ["assistant"],
      order: 80,
    },
  },
  component: lazyRouteComponent(ui.assistantEditor, "AssistantProfilePage"),
});
const clientProfileRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/client-profile",
  staticData: {
    nav: {
      label: "nav.clientProfile",
      icon: ["M4 21V5h10v16", "M14 9h6v12", "M8 9h2", "M8 13h2", "M8 17h2"],
      group: "account",
      audience: ["client"],
      order: 90,
    },
  },
  component: lazyRouteComponent(ui.clientEditor, "ClientProfilePage"),
});

export const profilesWeb = defineWebFeature({
  public: [assistantRoute],
  signedIn: [assistantProfileRoute, clientProfileRoute],
});
