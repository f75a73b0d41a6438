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
import type { InterviewStatus } from "../features/interviews/schema.ts";
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

const marketplaceUi = {
  board: () => import("../features/jobs/ui/job-board-page.tsx"),
  job: () => import("../features/jobs/ui/job-page.tsx"),
  postJob: () => import("../features/jobs/ui/post-job-page.tsx"),
  myJobs: () => import("../features/jobs/ui/my-jobs-page.tsx"),
  ownerJob: () => import("../features/jobs/ui/owner-job-page.tsx"),
  review: () => import("../features/bids/ui/review-page.tsx"),
  myBids: () => import("../features/bids/ui/my-bids-page.tsx"),
  portfolio: () => import("../features/samples/ui/portfolio-page.tsx"),
  offer: () => import("../features/contracts/ui/offer-page.tsx"),
  contracts: () => import("../features/contracts/ui/contracts-page.tsx"),
  // A contract's workspace: its header and tabs, then each tab's own page.
  workspace: () => import("../features/contracts/ui/workspace-page.tsx"),
  workspaceOverview: () => import("../features/contracts/ui/workspace-overview.tsx"),
  workspaceMessages: () => import("../features/contracts/ui/workspace-messages.tsx"),
  // FullCalendar (and Luxon with it) loads with this page only, never with the landing page.
  contractCalendar: () => import("../features/calendar/ui/contract-calendar-page.tsx"),
  notifications: () => import("../features/notifications/ui/notifications-page.tsx"),
  inbox: () => import("../features/messaging/ui/inbox-page.tsx"),
};

const calendarUi = {
  availability: () => import("../features/availability/ui/availability-page.tsx"),
  interviews: () => import("../features/interviews/ui/interviews-page.tsx"),
  interview: () => import("../features/interviews/ui/interview-page.tsx"),
};

const profilesUi = {
  assistantPublic: () => import("../features/profiles/ui/assistant-public-page.tsx"),
  assistantEditor: () => import("../features/profiles/ui/assistant-profile-page.tsx"),
  clientEditor: () => import("../features/profiles/ui/client-profile-page.tsx"),
};

// ── Video calls: an interview's room and a contract's call (self-contained block) ─────────────
// Their own chunks: WebRTC, media devices and the room's styles load only when someone joins a call.
const callUi = {
  interview: () => import("../features/interviews/ui/interview-room-page.tsx"),
  contract: () => import("../features/contracts/ui/contract-call-page.tsx"),
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

// The job board and a job's page are public: assistants find work before they sign up.
const boardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/jobs",
  component: lazyRouteComponent(marketplaceUi.board, "JobBoardPage"),
});

const jobRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/jobs/$jobId",
  component: lazyRouteComponent(marketplaceUi.job, "JobPage"),
});

// An assistant's profile is public too: clients compare assistants before they sign up.
const assistantRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/assistants/$userId",
  component: lazyRouteComponent(profilesUi.assistantPublic, "AssistantPublicPage"),
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

const assistantProfileRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/profile",
  component: lazyRouteComponent(profilesUi.assistantEditor, "AssistantProfilePage"),
});
const clientProfileRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/client-profile",
  component: lazyRouteComponent(profilesUi.clientEditor, "ClientProfilePage"),
});

const myJobsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/my-jobs",
  component: lazyRouteComponent(marketplaceUi.myJobs, "MyJobsPage"),
});
const postJobRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/my-jobs/new",
  component: lazyRouteComponent(marketplaceUi.postJob, "PostJobPage"),
});
const ownerJobRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/my-jobs/$jobId",
  component: lazyRouteComponent(marketplaceUi.ownerJob, "OwnerJobPage"),
});
const reviewRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/my-jobs/$jobId/bids",
  component: lazyRouteComponent(marketplaceUi.review, "ReviewPage"),
});
const myBidsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/my-bids",
  component: lazyRouteComponent(marketplaceUi.myBids, "MyBidsPage"),
});
const portfolioRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/portfolio",
  component: lazyRouteComponent(marketplaceUi.portfolio, "PortfolioPage"),
});
const offerRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/offers/$offerId",
  component: lazyRouteComponent(marketplaceUi.offer, "OfferPage"),
});
const contractsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/contracts",
  component: lazyRouteComponent(marketplaceUi.contracts, "ContractsPage"),
});
// The workspace's tabs are its children (their order and labels: contracts/ui/workspace-tabs.ts).
const contractWorkspaceRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/contracts/$contractId",
  component: lazyRouteComponent(marketplaceUi.workspace, "ContractWorkspace"),
});
const contractOverviewRoute = createRoute({
  getParentRoute: () => contractWorkspaceRoute,
  path: "/",
  component: lazyRouteComponent(marketplaceUi.workspaceOverview, "ContractOverviewPage"),
});
const contractMessagesRoute = createRoute({
  getParentRoute: () => contractWorkspaceRoute,
  path: "messages",
  component: lazyRouteComponent(marketplaceUi.workspaceMessages, "ContractMessagesPage"),
});
const contractCalendarRoute = createRoute({
  getParentRoute: () => contractWorkspaceRoute,
  path: "calendar",
  // ?date=2027-01-11 opens the calendar on that day's week.
  validateSearch: (search: Record<string, unknown>): { date?: string } => {
    const date = text(search.date);
    return date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? { date } : {};
  },
  component: lazyRouteComponent(marketplaceUi.contractCalendar, "ContractCalendarPage"),
});
const notificationsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/notifications",
  component: lazyRouteComponent(marketplaceUi.notifications, "NotificationsPage"),
});

const inboxRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/messages",
  component: lazyRouteComponent(marketplaceUi.inbox, "InboxPage"),
});
const threadRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/messages/$threadId",
  component: lazyRouteComponent(marketplaceUi.inbox, "ThreadPage"),
});

const availabilityRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/availability",
  component: lazyRouteComponent(calendarUi.availability, "AvailabilityPage"),
});
// Types only: the schema module (and zod) stay out of the landing page's bundle.
export type InterviewListSearch = { view?: "past"; status?: InterviewStatus };
const LISTED_STATUSES: readonly InterviewStatus[] = ["requested", "confirmed", "cancelled"];
const interviewsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/interviews",
  // ?view=past and ?status=requested|confirmed|cancelled keep a filtered list linkable.
  validateSearch: (search: Record<string, unknown>): InterviewListSearch => ({
    ...(search.view === "past" ? { view: "past" as const } : {}),
    ...(LISTED_STATUSES.includes(search.status as InterviewStatus)
      ? { status: search.status as InterviewStatus }
      : {}),
  }),
  component: lazyRouteComponent(calendarUi.interviews, "InterviewsPage"),
});
const interviewRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/interviews/$interviewId",
  component: lazyRouteComponent(calendarUi.interview, "InterviewPage"),
});

const interviewRoomRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/interviews/$interviewId/room",
  component: lazyRouteComponent(callUi.interview, "InterviewRoomPage"),
});
const contractCallRoute = createRoute({
  getParentRoute: () => contractWorkspaceRoute,
  path: "call",
  // ?answer=true: joining answers the other party's ring instead of ringing them.
  validateSearch: (search: Record<string, unknown>): { answer?: boolean } =>
    search.answer === true || search.answer === "true" ? { answer: true } : {},
  component: lazyRouteComponent(callUi.contract, "ContractCallPage"),
});
// ── end of the video calls block ──────────────────────────────────────────────────────────────

const routeTree = rootRoute.addChildren([
  landingRoute,
  signUpRoute,
  signInRoute,
  verifiedRoute,
  forgotRoute,
  resetRoute,
  boardRoute,
  jobRoute,
  assistantRoute,
  signedInRoute.addChildren([
    settingsRoute,
    assistantProfileRoute,
    clientProfileRoute,
    myJobsRoute,
    postJobRoute,
    ownerJobRoute,
    reviewRoute,
    myBidsRoute,
    portfolioRoute,
    offerRoute,
    contractsRoute,
    contractWorkspaceRoute.addChildren([
      contractOverviewRoute,
      contractMessagesRoute,
      contractCalendarRoute,
      contractCallRoute,
    ]),
    notificationsRoute,
    inboxRoute,
    threadRoute,
    availabilityRoute,
    interviewsRoute,
    interviewRoute,
    interviewRoomRoute,
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
