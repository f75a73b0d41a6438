import { defineFeature } from "../../server/feature.ts";
import { samplesRoutes } from "./routes.ts";
import { createSamplesService, type SamplesService } from "./service.ts";

export const samplesFeature = defineFeature({
  name: "samples",
  services: ({ db, storage }) => ({ samples: createSamplesService(db, storage) }),
  routes: ({ samples }: { samples: SamplesService }) => [samplesRoutes(samples)],
});
