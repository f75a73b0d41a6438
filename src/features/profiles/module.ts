import { defineFeature } from "../../server/feature.ts";
import { profilesRoutes } from "./routes.ts";
import { createProfilesService, type ProfilesService } from "./service.ts";

export const profilesFeature = defineFeature({
  name: "profiles",
  services: ({ db, storage }) => ({ profiles: createProfilesService(db, storage) }),
  routes: ({ profiles }: { profiles: ProfilesService }) => [profilesRoutes(profiles)],
});
