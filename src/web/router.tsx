import type { QueryClient } from "@tanstack/react-query";
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  redirect,
} from "@tanstack/react-router";
import type { SelfServiceRole } from "../features/accounts/schema.ts";
import { LandingPage } from "../features/accounts/ui/landing-page.tsx";
import { meQuery } from "./api/me.ts";
import { NotFound } from "./layout/not-found.tsx";
import { Shell } from "./layout/shell.tsx";

// Only the landing page is in the first bundle; every other page is its own chunk, loaded on
// navigation (or on hover of a link to it).
const accountsUi = {
  signUp: () => import("../features/accounts/ui/sign-up-page.tsx"),
  signIn: () => import("../features/accounts/ui/sign-in-page.tsx"),
  verified: () => import("../features/accounts/ui/verified-page.tsx"),
  forgot: () => import("../features/accounts/ui/forgot-password-page.tsx"),
  reset: () => import("../features/accounts/ui/reset-password-page.tsx"),
  settings: () => import("../features/accounts/ui/settings/settings-page.tsx"),
};

const text = (value: unknown) => (typeof value === "string" && value.length > 0 ? value : undefined);

/** Only same-site paths, so a crafted sign-in link cannot send the user elsewhere afterwards. */
export const safeRedirect = (value: unknown) => {
  const path = text(value);
  return path?.startsWith("/") && !path.startsWith("//") ? path : undefined;
};

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: Shell,
  notFoundComponent: NotFound,
});

const landingRoute = createRoute({ getParentRoute: () => rootRoute, path: "/", component: LandingPage });

const signUpRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sign-up",
  validateSearch: (search: Record<string, unknown>): { role?: SelfServiceRole } =>
    search.role === "client" || search.role === "assistant" ? { role: search.role } : {},
  component: lazyRouteComponent(accountsUi.signUp, "SignUpPage"),
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sign-in",
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => {
    const target = safeRedirect(search.redirect);
    return target ? { redirect: target } : {};
  },
  component: lazyRouteComponent(accountsUi.signIn, "SignInPage"),
});

const verifiedRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/verified",
  validateSearch: (search: Record<string, unknown>): { error?: string } => {
    const error = text(search.error);
    return error ? { error } : {};
  },
  component: lazyRouteComponent(accountsUi.verified, "VerifiedPage"),
});

const forgotRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/forgot-password",
  component: lazyRouteComponent(accountsUi.forgot, "ForgotPasswordPage"),
});

const resetRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/reset-password",
  validateSearch: (search: Record<string, unknown>): { token?: string; error?: string } => {
    const token = text(search.token);
    const error = text(search.error);
    return { ...(token ? { token } : {}), ...(error ? { error } : {}) };
  },
  component: lazyRouteComponent(accountsUi.reset, "ResetPasswordPage"),
});

/** Pages below need a session; without one the visitor goes to sign-in and comes back afterwards. */
const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "signed-in",
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: "/sign-in", search: { redirect: location.href } });
    return { me };
  },
});

const settingsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/settings",
  component: lazyRouteComponent(accountsUi.settings, "SettingsPage"),
});

const routeTree = rootRoute.addChildren([
  landingRoute,
  signUpRoute,
  signInRoute,
  verifiedRoute,
  forgotRoute,
  resetRoute,
  signedInRoute.addChildren([settingsRoute]),
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
