import { z } from "zod";
import { INTERVIEW_DURATIONS } from "../calendar/schema.ts";
import { cursorQuerySchema, instantSchema } from "../common/schema.ts";
import { stateMachine } from "../common/state-machine.ts";

export const INTERVIEW_STATUSES = ["requested", "confirmed", "cancelled"] as const;
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number];
/**
 * The assistant confirms one proposed time; either party moves a confirmed interview or cancels
 * one that is not cancelled yet. The service refuses the rest, each with its own reason
 * (interview.not_requested, interview.not_confirmed, interview.cancelled).
 */
export const INTERVIEW_MACHINE = stateMachine(INTERVIEW_STATUSES, {
  confirm: { from: ["requested"], to: "confirmed" },
  reschedule: { from: ["confirmed"], to: "confirmed" },
  cancel: { from: ["requested", "confirmed"], to: "cancelled" },
});
export type InterviewAction = keyof typeof INTERVIEW_MACHINE.transitions;

/** Upcoming: not cancelled and a time (confirmed or proposed) still ahead; past: everything else. */
export const INTERVIEW_VIEWS = ["upcoming", "past"] as const;
export type InterviewView = (typeof INTERVIEW_VIEWS)[number];
export const interviewListQuerySchema = cursorQuerySchema.extend({
  view: z.enum(INTERVIEW_VIEWS).default("upcoming").meta({
    description: "upcoming: soonest first; past (over or cancelled): latest first",
  }),
  status: z.enum(INTERVIEW_STATUSES).optional(),
});
export type InterviewListQuery = z.infer<typeof interviewListQuerySchema>;
/** Offering more than five times is a poll, not an interview request. */
export const MAX_PROPOSALS = 5;

const duration = z.union(
  INTERVIEW_DURATIONS.map((d) => z.literal(d)) as [z.ZodLiteral<30>, z.ZodLiteral<60>],
);
const instant = instantSchema;
const reason = z.string().trim().min(1, { message: "required" }).max(1_000);

export const slotsQuerySchema = z.strictObject({
  durationMinutes: z.coerce.number().pipe(duration).default(30),
  /** Defaults: from now, for 14 days. At most 42 days at once. */
  from: instant.optional(),
  to: instant.optional(),
});
export type SlotsQuery = z.infer<typeof slotsQuerySchema>;

export const slotSchema = z.object({ start: z.iso.datetime(), end: z.iso.datetime() });
export const partySchema = z.object({ userId: z.string(), name: z.string(), timeZone: z.string() });
export const slotsSchema = z.object({
  client: partySchema,
  assistant: partySchema,
  slots: z.array(slotSchema),
});

export const requestInterviewSchema = z.strictObject({
  durationMinutes: duration,
  /** One time for the assistant to confirm, or several to choose from. */
  proposals: z.array(instant).min(1, { message: "required" }).max(MAX_PROPOSALS),
  /** A link to an external meeting instead of Assista's video room. */
  meetingUrl: z
    .string()
    .trim()
    .max(2_000)
    .refine((u) => /^https:\/\//i.test(u) && URL.canParse(u), { message: "url_invalid" })
    .optional(),
  note: z.string().trim().max(2_000).default(""),
});
export type RequestInterviewInput = z.infer<typeof requestInterviewSchema>;

export const confirmInterviewSchema = z.strictObject({ start: instant });
export const rescheduleInterviewSchema = z.strictObject({ start: instant, reason });
export const cancelInterviewSchema = z.strictObject({ reason });

export const interviewSchema = z.object({
  id: z.uuid(),
  bidId: z.uuid(),
  jobId: z.uuid(),
  jobTitle: z.string(),
  client: partySchema,
  assistant: partySchema,
  status: z.enum(INTERVIEW_STATUSES),
  durationMinutes: z.number().int(),
  proposals: z.array(slotSchema),
  startsAt: z.iso.datetime().nullable(),
  endsAt: z.iso.datetime().nullable(),
  meetingUrl: z.string().nullable(),
  note: z.string(),
  sequence: z.number().int(),
  cancelReason: z.string().nullable(),
  /** When the built-in room lets the two in (null without a time or with an external link). */
  roomOpensAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type Interview = z.infer<typeof interviewSchema>;

/** The room closes this long after the planned end: interviews overrun. */
export const ROOM_CLOSES_AFTER_MS = 30 * 60_000;

/**
 * The notices this feature sends (every type: common/shared-schema.ts): a client asks for an
 * interview; the assistant confirmed one of the times the client offered.
 */
export const INTERVIEW_NOTICES = ["interview.requested", "interview.confirmed"] as const;
