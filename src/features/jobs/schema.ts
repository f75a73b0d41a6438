import { z } from "zod";
import { timeZoneSchema } from "../accounts/schema.ts";
import {
  amountMinorSchema,
  amountQuerySchema,
  currencySchema,
  instantSchema,
  isoDateSchema,
  PRICING_MODELS,
  plainText,
  pricingModelSchema,
  TASK_CATEGORIES,
  taskCategorySchema,
} from "../common/schema.ts";
import { stateMachine, type Transition } from "../common/state-machine.ts";

export const JOB_STATUSES = ["draft", "open", "paused", "filled", "closed", "cancelled"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const JOB_VISIBILITIES = ["public", "invite_only"] as const;
export const MAX_SCREENING_QUESTIONS = 5;

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "time_invalid" });

/** The working-hour overlap a client wants, e.g. 3 h with Europe/Berlin 09:00–17:00. */
export const overlapSchema = z.strictObject({
  hours: z.number().int().min(1).max(12),
  timeZone: timeZoneSchema,
  from: time,
  to: time,
});

// The fields without defaults: an edit sends only what changes, and an omitted field must stay as
// it is rather than fall back to a default.
const jobFields = {
  title: plainText(140),
  description: plainText(10_000),
  categories: z.array(taskCategorySchema).min(1, { message: "required" }).max(TASK_CATEGORIES.length),
  pricingModel: pricingModelSchema,
  /** Per hour (hourly) or per task (per_task), in minor units. */
  maxRateMinor: amountMinorSchema,
  currency: currencySchema,
  /** Hours per week (hourly) or tasks per month (per_task). */
  expectedVolume: z.number().int().min(1).max(1000),
  startDate: isoDateSchema,
  durationWeeks: z.number().int().min(1).max(520).nullable(),
  languages: z.array(z.string().regex(/^[a-z]{2}$/, { message: "language_invalid" })).max(10),
  overlap: overlapSchema.nullable(),
  screeningQuestions: z.array(plainText(500)).max(MAX_SCREENING_QUESTIONS, { message: "too_many" }),
  bidDeadline: instantSchema,
  visibility: z.enum(JOB_VISIBILITIES),
  /** How many assistants the client means to hire; 1 marks the job filled at the first hire. */
  openings: z.number().int().min(1).max(20),
};

export const createJobSchema = z.strictObject({
  ...jobFields,
  currency: jobFields.currency.default("EUR"),
  durationWeeks: jobFields.durationWeeks.default(null),
  languages: jobFields.languages.default([]),
  overlap: jobFields.overlap.default(null),
  screeningQuestions: jobFields.screeningQuestions.default([]),
  visibility: jobFields.visibility.default("public"),
  openings: jobFields.openings.default(1),
});
export type CreateJobInput = z.infer<typeof createJobSchema>;

/** A partial edit; changing the terms of an open job notifies its bidders. */
export const updateJobSchema = z.strictObject(jobFields).partial();
export type UpdateJobInput = z.infer<typeof updateJobSchema>;

export const JOB_ACTIONS = ["publish", "pause", "resume", "close", "cancel"] as const;
export type JobAction = (typeof JOB_ACTIONS)[number];
/**
 * The job lifecycle as a table: for each action, the states it may start from and where it leads.
 * `fill` is the system's action when the last opening is hired; people use the others.
 */
export const JOB_MACHINE = stateMachine(JOB_STATUSES, {
  publish: { from: ["draft"], to: "open" },
  pause: { from: ["open"], to: "paused" },
  resume: { from: ["paused"], to: "open" },
  fill: { from: ["open", "paused"], to: "filled" },
  close: { from: ["open", "paused", "filled"], to: "closed" },
  cancel: { from: ["draft", "open", "paused"], to: "cancelled" },
} satisfies Record<JobAction | "fill", Transition<JobStatus>>);
/** A job's terms may change until it is filled, closed or cancelled. */
export const EDITABLE_JOB_STATUSES: readonly JobStatus[] = ["draft", "open", "paused"];
/** The actions a job's owner may take from a status (the buttons on the job's page). */
export const ownerJobActions = (status: JobStatus): JobAction[] =>
  JOB_MACHINE.actionsFrom(status).filter((a): a is JobAction => a !== "fill");
export const jobActionSchema = z.strictObject({ action: z.enum(JOB_ACTIONS) });

export const jobSchema = z.object({
  id: z.uuid(),
  clientId: z.string(),
  title: z.string(),
  description: z.string(),
  categories: z.array(taskCategorySchema),
  pricingModel: z.enum(PRICING_MODELS),
  maxRateMinor: z.number().int(),
  currency: z.string(),
  expectedVolume: z.number().int(),
  startDate: z.string(),
  durationWeeks: z.number().int().nullable(),
  languages: z.array(z.string()),
  overlap: overlapSchema.nullable(),
  screeningQuestions: z.array(z.string()),
  bidDeadline: z.string(),
  visibility: z.enum(JOB_VISIBILITIES),
  openings: z.number().int(),
  status: z.enum(JOB_STATUSES),
  bidCount: z.number().int().optional(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Job = z.infer<typeof jobSchema>;

export const jobListQuerySchema = z.object({
  category: taskCategorySchema.optional(),
  pricingModel: pricingModelSchema.optional(),
  /** Only jobs whose maximum rate is at least this (minor units of `currency`). */
  minRateMinor: amountQuerySchema.optional(),
  /** The currency of `minRateMinor` (EUR when not given): amounts in other currencies do not compare. */
  currency: currencySchema.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** The notices this feature sends (the list of every type: common/shared-schema.ts). */
export const JOB_NOTICES = ["job.terms_changed", "job.filled"] as const;
