import { accountsFeature } from "../features/accounts/module.ts";
import { availabilityFeature } from "../features/availability/module.ts";
import { bidsFeature } from "../features/bids/module.ts";
import { calendarFeature } from "../features/calendar/module.ts";
import { callsFeature } from "../features/calls/module.ts";
import { NOTIFICATION_TYPES } from "../features/common/shared-schema.ts";
import { contractsFeature } from "../features/contracts/module.ts";
import { interviewsFeature } from "../features/interviews/module.ts";
import { jobsFeature } from "../features/jobs/module.ts";
import { messagingFeature } from "../features/messaging/module.ts";
import { notificationsFeature } from "../features/notifications/module.ts";
import type { Notices } from "../features/notifications/notice.ts";
import { profilesFeature } from "../features/profiles/module.ts";
import { samplesFeature } from "../features/samples/module.ts";
import type { ServicesOf } from "./feature.ts";

/**
 * Every domain of the app, in the order their services are built: a feature's `services` may use
 * those of the features above it, and what they contribute comes in this order too (a contract's
 * "needs attention": a waiting call, unread messages, the next appointment). Routes, jobs, contributions and socket frames come after all
 * services exist, so they may use any. A new domain is one line here.
 */
export const FEATURES = [
  accountsFeature,
  notificationsFeature,
  profilesFeature,
  samplesFeature,
  jobsFeature,
  bidsFeature,
  contractsFeature,
  callsFeature,
  availabilityFeature,
  interviewsFeature,
  messagingFeature,
  calendarFeature,
] as const;

export type FeatureServices = ServicesOf<typeof FEATURES>;

/** Every notice type's mail and link, from the feature that declares it. */
export const NOTICES = Object.assign({}, ...FEATURES.map((f) => f.notices ?? {})) as Notices;

/** Types listed in the shared schema that no feature's module gives texts for (the app refuses to start). */
export const noticesMissing = () => NOTIFICATION_TYPES.filter((type) => !Object.hasOwn(NOTICES, type));
