import { accountsWeb } from "../features/accounts/ui/module.ts";
import { availabilityWeb } from "../features/availability/ui/module.ts";
import { bidsWeb } from "../features/bids/ui/module.ts";
import { calendarWeb } from "../features/calendar/ui/module.ts";
import { callsWeb } from "../features/calls/ui/module.ts";
import { contractsWeb } from "../features/contracts/ui/module.ts";
import { interviewsWeb } from "../features/interviews/ui/module.ts";
import { jobsWeb } from "../features/jobs/ui/module.ts";
import { messagingWeb } from "../features/messaging/ui/module.ts";
import { notificationsWeb } from "../features/notifications/ui/module.ts";
import { profilesWeb } from "../features/profiles/ui/module.ts";
import { samplesWeb } from "../features/samples/ui/module.ts";
import type { WebFeature } from "./routes/web-feature.ts";

/**
 * Every feature in the browser (features/*\/ui/module.ts): the router hangs their pages, the bell
 * asks them for their notices' links, the live connection for their handlers. A new domain is one
 * line here.
 */
export const WEB_FEATURES = [
  accountsWeb,
  jobsWeb,
  bidsWeb,
  samplesWeb,
  profilesWeb,
  contractsWeb,
  calendarWeb,
  callsWeb,
  messagingWeb,
  notificationsWeb,
  availabilityWeb,
  interviewsWeb,
] as const satisfies readonly WebFeature[];
