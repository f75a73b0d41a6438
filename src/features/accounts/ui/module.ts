import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { rootRoute, safeRedirect, searchText, signedInRoute } from "../../../web/routes/base.ts";
import { defineWebFeature } from "../../../web/routes/web-feature.ts";
import type { SelfServiceRole } from "../schema.ts";
import { LandingPage } from "./landing-page.tsx";

// Only the landing page is in the first bundle; every other page is its own chunk, loaded on
// navigation (or on hover of a link to it).
const ui = {
  signUp: () => import("./sign-up-page.tsx"),
  signIn: () => import("./sign-in-page.tsx"),
  verified: () => import("./verified-page.tsx"),
  forgot: () => import("./forgot-password-page.tsx"),
  reset: () => import("./reset-password-page.tsx"),
  settings: () => import("./settings/settings-page.tsx"),
};

const landingRoute = createRoute({ getParentRoute: () => rootRoute, path: "/", component: LandingPage });

const signUpRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sign-up",
  validateSearch: (search: Record<string, unknown>): { role?: SelfServiceRole } =>
    search.role === "client" || search.role === "assistant" ? { role: search.role } : {},
  component: lazyRouteComponent(ui.signUp, "SignUpPage"),
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sign-in",
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => {
    const target = safeRedirect(search.redirect);
    return target ? { redirect: target } : {};
  },
  component: lazyRouteComponent(ui.signIn, "SignInPage"),
});

const verifiedRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/verified",
  validateSearch: (search: Record<string, unknown>): { error?: string } => {
    const error = searchText(search.error);
    return error ? { error } : {};
  },
  component: lazyRouteComponent(ui.verified, "VerifiedPage"),
});

const forgotRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/forgot-password",
  component: lazyRouteComponent(ui.forgot, "ForgotPasswordPage"),
});

const resetRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/reset-password",
  validateSearch: (search: Record<string, unknown>): { token?: string; error?: string } => {
    const token = searchText(search.token);
    const error = searchText(search.error);
    return { ...(token ? { token } : {}), ...(error ? { error } : {}) };
  },
  component: lazyRouteComponent(ui.reset, "ResetPasswordPage"),
});

const settingsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/settings",
  staticData: {
    nav: {
      label: "nav.settings",
      icon: [
        "M12 9a3 3 0 1 0 0 6a3 3 0 1 0 0-6z",
        "M12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9 7 7M17 17l2.1 2.1M4.9 19.1 7 17M17 7l2.1-2.1",
      ],
      group: "account",
      audience: "signed-in",
      order: 100,
    },
  },
  component: lazyRouteComponent(ui.settings, "SettingsPage"),
});

export const accountsWeb = defineWebFeature({
  public: [landingRoute, signUpRoute, signInRoute, verifiedRoute, forgotRoute, resetRoute],
  signedIn: [settingsRoute],
});
