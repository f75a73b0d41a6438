import { defineFeature } from "../../server/feature.ts";
import type { ContractGate } from "../contracts/gate.ts";
import { feedRoutes, publicFeedRoute } from "./feed-routes.ts";
import { createFeedsService, type FeedsService } from "./feeds.ts";
import { availabilityJobs } from "./jobs.ts";
import { availabilityRoutes } from "./routes.ts";
import { type AvailabilityService, createAvailabilityService } from "./service.ts";

interface Uses {
  availability: AvailabilityService;
  calendarFeeds: FeedsService;
  contractGate: ContractGate;
}

export const availabilityFeature = defineFeature({
  name: "availability",
  services: ({ db, config }) => ({
    availability: createAvailabilityService(db, {
      allowPrivateCalendarUrls: config.calendarUrlsAllowPrivate,
    }),
    calendarFeeds: createFeedsService(db, config.publicUrl),
  }),
  routes: (s: Uses) => [availabilityRoutes(s.availability), feedRoutes(s.calendarFeeds, s.contractGate)],
  // The subscription address a calendar app polls, outside /api/v1 (its token is its access).
  rootRoutes: (s: Uses) => [publicFeedRoute(s.calendarFeeds)],
  jobs: availabilityJobs,
});
