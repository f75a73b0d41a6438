import { defineFeature } from "../../server/feature.ts";
import type { AvailabilityService } from "../availability/service.ts";
import type { RoomsService } from "../calls/rooms.ts";
import { interviewJobs } from "./jobs.ts";
import { interviewsNotices } from "./notices.ts";
import { interviewDoor } from "./room.ts";
import { interviewsRoutes } from "./routes.ts";
import { createInterviewsService, type InterviewsService } from "./service.ts";

export const interviewsFeature = defineFeature({
  name: "interviews",
  notices: interviewsNotices,
  services: ({ db, mailer, notifier, config }, { availability }: { availability: AvailabilityService }) => ({
    interviews: createInterviewsService(db, availability, mailer, notifier, {
      publicUrl: config.publicUrl,
      noticeMinutes: config.interviewNoticeMinutes,
      roomOpensBeforeMinutes: config.roomOpensBeforeMinutes,
    }),
  }),
  routes: (s: { interviews: InterviewsService; rooms: RoomsService }) => [
    interviewsRoutes(s.interviews, s.rooms),
  ],
  // A confirmed interview's room, around its time.
  contribute: (_s, { db, config }) => ({
    doors: { interview: interviewDoor(db, { opensBeforeMinutes: config.roomOpensBeforeMinutes }) },
  }),
  jobs: interviewJobs,
});
