import { defineFeature } from "../../server/feature.ts";
import { notificationJobs } from "./jobs.ts";
import { notificationsRoutes } from "./routes.ts";
import { createNotificationsService, type NotificationsService } from "./service.ts";

// The notifier itself is part of the app's context: every feature notifies through it.
export const notificationsFeature = defineFeature({
  name: "notifications",
  services: ({ db, mailer, notifier, config }) => ({
    notifications: createNotificationsService(db, {
      mailer,
      notices: notifier.notices,
      publicUrl: config.publicUrl,
    }),
  }),
  routes: ({ notifications }: { notifications: NotificationsService }) => [
    notificationsRoutes(notifications),
  ],
  jobs: notificationJobs,
});
