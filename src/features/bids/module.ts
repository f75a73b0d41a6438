import { defineFeature } from "../../server/feature.ts";
import type { JobsService } from "../jobs/service.ts";
import type { SamplesService } from "../samples/service.ts";
import { bidsNotices } from "./notices.ts";
import { bidsRoutes } from "./routes.ts";
import { type BidsService, createBidsService } from "./service.ts";

export const bidsFeature = defineFeature({
  name: "bids",
  notices: bidsNotices,
  services: ({ db, notifier }, { jobs, samples }: { jobs: JobsService; samples: SamplesService }) => ({
    bids: createBidsService(db, jobs, samples, notifier),
  }),
  routes: ({ bids }: { bids: BidsService }) => [bidsRoutes(bids)],
});
