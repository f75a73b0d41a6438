import { and, asc, desc, eq, gt, inArray, lte, ne, or } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import type { Actor } from "../../server/auth/actor.ts";
import { laterThan, olderThan, pageOf } from "../../server/cursor.ts";
import type { Db, Tx } from "../../server/db/client.ts";
import { AppError } from "../../server/errors.ts";
import type { Mailer } from "../../server/mail/outbox.ts";
import { mailContacts } from "../accounts/people.ts";
import type { AvailabilityService } from "../availability/service.ts";
import { bidJobOf } from "../bids/reads.ts";
import { INTERVIEWABLE_BID_STATUSES } from "../bids/schema.ts";
import { loadVisibleBid } from "../bids/service.ts";
import { commonSlots, isWithinAvailability } from "../calendar/slots.ts";
import { jobTitleOf } from "../jobs/reads.ts";
import type { Notifier } from "../notifications/service.ts";
import { type InterviewMailKind, mailParticipants, type Recipient } from "./mails.ts";
import {
  INTERVIEW_MACHINE,
  type Interview,
  type InterviewListQuery,
  type RequestInterviewInput,
  type SlotsQuery,
} from "./schema.ts";
import { interview, interviewHold, type ProposedSlot } from "./tables.ts";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const DEFAULT_RANGE_MS = 14 * DAY;
const MAX_RANGE_MS = 42 * DAY;
/** Interviews are planned weeks ahead, not seasons. */
const MAX_AHEAD_MS = 120 * DAY;
/** Bids in these states can still lead to an interview. */

type Row = typeof interview.$inferSelect;

export interface InterviewsOptions {
  publicUrl: string;
  /** A time must leave this much notice: nobody can prepare for an interview in five minutes. */
  noticeMinutes: number;
  /** The room opens this long before the start, so both can check camera and microphone. */
  roomOpensBeforeMinutes: number;
  now?: () => Date;
}

export function createInterviewsService(
  db: Db,
  availability: AvailabilityService,
  mailer: Mailer,
  notifier: Notifier,
  options: InterviewsOptions,
) {
  const now = () => (options.now ? options.now() : new Date());
  const NOTICE_MS = options.noticeMinutes * MINUTE;
  const ROOM_OPENS_BEFORE_MS = options.roomOpensBeforeMinutes * MINUTE;

  /** Names, addresses, languages and account zones (for mails, times shown in the reader's zone). */
  const people = (ids: string[], tx: Tx = db) => mailContacts(tx, ids);

  /** The client hears in the bell (and by mail, as they chose) that the assistant took a time. */
  async function noticeConfirmed(tx: Tx, row: Row) {
    const who = await people([row.clientId, row.assistantId], tx);
    const [j] = await tx
      .select({ id: bidJobOf(interview.bidId), title: jobTitleOf(bidJobOf(interview.bidId)) })
      .from(interview)
      .where(eq(interview.id, row.id));
    await notifier.notify(tx, [
      {
        userId: row.clientId,
        type: "interview.confirmed",
        data: {
          interviewId: row.id,
          jobId: j?.id ?? null,
          jobTitle: j?.title ?? "",
          actor: who.get(row.assistantId)?.name ?? "",
          startsAt: row.startsAt?.toISOString() ?? null,
          // The time is said in the client's own zone.
          timeZone: who.get(row.clientId)?.timeZone ?? "UTC",
        },
      },
    ]);
  }

  /** The bid's two parties, if the actor is one of them (404 for anyone else). */
  async function bidParties(actor: Actor, bidId: string) {
    const { bid, job: j } = await loadVisibleBid(db, actor, bidId);
    if (actor.userId !== j.clientId && actor.userId !== bid.assistantId) throw new AppError("not_found");
    return { bid, job: j, clientId: j.clientId, assistantId: bid.assistantId };
  }

  async function views(rows: Row[]): Promise<Interview[]> {
    if (!rows.length) return [];
    const ids = [...new Set(rows.flatMap((r) => [r.clientId, r.assistantId]))];
    // Beside the other's times goes the zone their hours are in, as the slot search uses it.
    const [who, hours] = await Promise.all([people(ids), availability.availabilitiesOf(ids)]);
    const jobs = await db
      .select({
        bidId: interview.bidId,
        jobId: bidJobOf(interview.bidId),
        title: jobTitleOf(bidJobOf(interview.bidId)),
      })
      .from(interview)
      .where(
        inArray(
          interview.id,
          rows.map((r) => r.id),
        ),
      );
    const jobOf = new Map(jobs.map((j) => [j.bidId, j]));
    const party = (id: string) => {
      const p = who.get(id);
      return { userId: id, name: p?.name ?? "", timeZone: hours.get(id)?.timeZone ?? p?.timeZone ?? "UTC" };
    };
    return rows.map((r) => ({
      id: r.id,
      bidId: r.bidId,
      jobId: jobOf.get(r.bidId)?.jobId ?? "",
      jobTitle: jobOf.get(r.bidId)?.title ?? "",
      client: party(r.clientId),
      assistant: party(r.assistantId),
      status: r.status as Interview["status"],
      durationMinutes: r.durationMinutes,
      proposals: r.proposals,
      startsAt: r.startsAt?.toISOString() ?? null,
      endsAt: r.endsAt?.toISOString() ?? null,
      meetingUrl: r.meetingUrl,
      note: r.note,
      sequence: r.sequence,
      cancelReason: r.cancelReason,
      roomOpensAt:
        r.startsAt && !r.meetingUrl && r.status === "confirmed"
          ? new Date(r.startsAt.getTime() - ROOM_OPENS_BEFORE_MS).toISOString()
          : null,
      createdAt: r.createdAt.toISOString(),
    }));
  }

  async function own(actor: Actor, id: string) {
    const [row] = await db.select().from(interview).where(eq(interview.id, id));
    if (!row || (row.clientId !== actor.userId && row.assistantId !== actor.userId))
      throw new AppError("not_found");
    return row;
  }

  /** Refuses a time in the past, too far ahead, or outside either person's availability. */
  async function requireFree(
    field: string,
    clientId: string,
    assistantId: string,
    start: number,
    minutes: number,
    except?: string,
  ) {
    const end = start + minutes * MINUTE;
    const problem = (code: string, message: string) =>
      new AppError("unprocessable", {
        reason: `interview.${code}`,
        detail: message,
        errors: [{ field, code, message }],
      });
    if (start < now().getTime() + NOTICE_MS)
      throw problem("slot_past", "The time has passed or is too soon.");
    if (start > now().getTime() + MAX_AHEAD_MS) throw problem("slot_too_far", "The time is too far ahead.");
    const found = await availability.peopleOf([clientId, assistantId], start - DAY, end + DAY, except);
    for (const [who, id] of [
      ["client", clientId],
      ["assistant", assistantId],
    ] as const) {
      const person = found.get(id);
      if (!person) throw new AppError("not_found");
      const verdict = isWithinAvailability(person, start, end);
      if (!verdict.ok)
        throw problem(`slot_${verdict.reason}`, `The time does not suit the ${who} (${verdict.reason}).`);
    }
    return { start: new Date(start), end: new Date(end) };
  }

  /** Holds the time in both calendars; the exclusion constraint refuses any overlap, also in races. */
  async function hold(tx: Tx, row: Row, start: Date, end: Date) {
    try {
      await tx.insert(interviewHold).values([
        { interviewId: row.id, userId: row.clientId, startsAt: start, endsAt: end },
        { interviewId: row.id, userId: row.assistantId, startsAt: start, endsAt: end },
      ]);
    } catch (error) {
      if (isExclusionViolation(error))
        throw new AppError("conflict", {
          reason: "interview.slot_taken",
          detail: "This time has just been booked otherwise. Please pick another.",
        });
      throw error;
    }
  }

  async function mail(tx: Tx, row: Row, kind: InterviewMailKind, reason?: string | null) {
    if (!row.startsAt || !row.endsAt) return;
    const who = await people([row.clientId, row.assistantId], tx);
    const [j] = await tx
      .select({ title: jobTitleOf(bidJobOf(interview.bidId)) })
      .from(interview)
      .where(eq(interview.id, row.id));
    await mailParticipants(mailer, tx, options.publicUrl, {
      kind,
      interviewId: row.id,
      sequence: row.sequence,
      start: row.startsAt,
      end: row.endsAt,
      jobTitle: j?.title ?? "",
      client: who.get(row.clientId) as Recipient,
      assistant: who.get(row.assistantId) as Recipient,
      meetingUrl: row.meetingUrl,
      reason: reason ?? null,
    });
  }

  return {
    /** Common free times of the bid's two parties, in UTC (the web app shows them in each viewer's zone). */
    async slots(actor: Actor, bidId: string, query: SlotsQuery) {
      const { clientId, assistantId } = await bidParties(actor, bidId);
      const t = now().getTime();
      const from = Math.max(query.from ? Date.parse(query.from) : t, t);
      const to = query.to ? Date.parse(query.to) : from + DEFAULT_RANGE_MS;
      if (!(to > from) || to - from > MAX_RANGE_MS)
        throw new AppError("validation_failed", {
          errors: [
            {
              field: "to",
              code: "range_invalid",
              message: "The range must end after it starts and span at most 42 days.",
            },
          ],
        });
      const found = await availability.peopleOf([clientId, assistantId], from - DAY, to + DAY);
      const client = found.get(clientId);
      const assistant = found.get(assistantId);
      if (!client || !assistant) throw new AppError("not_found");
      const slots = commonSlots(client, assistant, {
        from,
        to,
        durationMinutes: query.durationMinutes,
        notBefore: t + NOTICE_MS,
      });
      // The slot search's own read carries the names: one statement for both people.
      const party = (id: string, person: { name: string; timeZone: string }) => ({
        userId: id,
        name: person.name,
        timeZone: person.timeZone,
      });
      return {
        client: party(clientId, client),
        assistant: party(assistantId, assistant),
        slots: slots.map((s) => ({
          start: new Date(s.start).toISOString(),
          end: new Date(s.end).toISOString(),
        })),
      };
    },

    /** The client asks for an interview at one time (to confirm) or offers several (to choose). */
    async request(actor: Actor, bidId: string, input: RequestInterviewInput): Promise<Interview> {
      const { bid, job: j, clientId, assistantId } = await bidParties(actor, bidId);
      if (actor.userId !== clientId)
        throw new AppError("forbidden", {
          reason: "interview.client_only",
          detail: "The client requests interviews.",
        });
      if (!INTERVIEWABLE_BID_STATUSES.includes(bid.status))
        throw new AppError("conflict", {
          reason: "interview.bid_closed",
          detail: "This bid is no longer open.",
        });
      const starts = [...new Set(input.proposals.map((p) => Date.parse(p)))].sort((a, b) => a - b);
      const proposals: ProposedSlot[] = [];
      for (const [i, start] of starts.entries()) {
        const slot = await requireFree(`proposals.${i}`, clientId, assistantId, start, input.durationMinutes);
        proposals.push({ start: slot.start.toISOString(), end: slot.end.toISOString() });
      }
      const created = await notifier.transaction(db, async (tx) => {
        const [row] = await tx
          .insert(interview)
          .values({
            bidId,
            clientId,
            assistantId,
            durationMinutes: input.durationMinutes,
            proposals,
            meetingUrl: input.meetingUrl ?? null,
            note: input.note,
          })
          .returning();
        if (!row) throw new Error("insert returned no row");
        await notifier.notify(tx, [
          {
            userId: assistantId,
            type: "interview.requested",
            data: { interviewId: row.id, jobId: j.id, jobTitle: j.title },
          },
        ]);
        return row;
      });
      return (await views([created]))[0] as Interview;
    },

    /** The assistant accepts one of the proposed times: it is held in both calendars and invitations go out. */
    async confirm(actor: Actor, id: string, startIso: string): Promise<Interview> {
      const row = await own(actor, id);
      if (actor.userId !== row.assistantId)
        throw new AppError("forbidden", {
          reason: "interview.assistant_only",
          detail: "The assistant confirms.",
        });
      if (!INTERVIEW_MACHINE.can(row.status, "confirm"))
        throw new AppError("conflict", {
          reason: "interview.not_requested",
          detail: "This interview is not awaiting an answer.",
        });
      const start = Date.parse(startIso);
      if (!row.proposals.some((p) => Date.parse(p.start) === start))
        throw new AppError("unprocessable", {
          reason: "interview.not_proposed",
          errors: [{ field: "start", code: "not_proposed", message: "Choose one of the proposed times." }],
        });
      const slot = await requireFree("start", row.clientId, row.assistantId, start, row.durationMinutes);
      const updated = await notifier.transaction(db, async (tx) => {
        const [next] = await tx
          .update(interview)
          .set({ status: "confirmed", startsAt: slot.start, endsAt: slot.end, updatedAt: now() })
          .where(and(eq(interview.id, id), eq(interview.status, "requested")))
          .returning();
        if (!next) throw new AppError("conflict", { reason: "interview.not_requested" });
        await hold(tx, next, slot.start, slot.end);
        await mail(tx, next, "confirmed");
        await noticeConfirmed(tx, next);
        return next;
      });
      return (await views([updated]))[0] as Interview;
    },

    /** Either party moves a confirmed interview; the invitation is updated (SEQUENCE + 1). */
    async reschedule(actor: Actor, id: string, startIso: string, reason: string): Promise<Interview> {
      const row = await own(actor, id);
      if (!INTERVIEW_MACHINE.can(row.status, "reschedule"))
        throw new AppError("conflict", {
          reason: "interview.not_confirmed",
          detail: "Only a confirmed interview can be moved.",
        });
      const slot = await requireFree(
        "start",
        row.clientId,
        row.assistantId,
        Date.parse(startIso),
        row.durationMinutes,
        id,
      );
      const updated = await db.transaction(async (tx) => {
        await tx.delete(interviewHold).where(eq(interviewHold.interviewId, id));
        const [next] = await tx
          .update(interview)
          .set({ startsAt: slot.start, endsAt: slot.end, sequence: row.sequence + 1, updatedAt: now() })
          .where(and(eq(interview.id, id), eq(interview.sequence, row.sequence)))
          .returning();
        // Someone else changed it meanwhile: their change stands, this one is refused.
        if (!next)
          throw new AppError("conflict", {
            reason: "interview.changed",
            detail: "The interview changed meanwhile.",
          });
        await hold(tx, next, slot.start, slot.end);
        await mail(tx, next, "moved", reason);
        return next;
      });
      return (await views([updated]))[0] as Interview;
    },

    /** Either party cancels with a reason; a confirmed interview's invitation is withdrawn (CANCEL). */
    async cancel(actor: Actor, id: string, reason: string): Promise<Interview> {
      const row = await own(actor, id);
      if (!INTERVIEW_MACHINE.can(row.status, "cancel"))
        throw new AppError("conflict", { reason: "interview.cancelled", detail: "Already cancelled." });
      const updated = await db.transaction(async (tx) => {
        await tx.delete(interviewHold).where(eq(interviewHold.interviewId, id));
        const [next] = await tx
          .update(interview)
          .set({
            status: "cancelled",
            sequence: row.sequence + 1,
            cancelReason: reason,
            cancelledBy: actor.userId,
            updatedAt: now(),
          })
          .where(and(eq(interview.id, id), eq(interview.sequence, row.sequence)))
          .returning();
        if (!next)
          throw new AppError("conflict", {
            reason: "interview.changed",
            detail: "The interview changed meanwhile.",
          });
        if (row.status === "confirmed") await mail(tx, next, "cancelled", reason);
        return next;
      });
      return (await views([updated]))[0] as Interview;
    },

    async get(actor: Actor, id: string): Promise<Interview> {
      return (await views([await own(actor, id)]))[0] as Interview;
    },

    /**
     * One's interviews as client or assistant: upcoming ones soonest first, past ones newest first.
     * Each party's side is its own index-ordered query of one page (an OR of the two would read and
     * sort every interview of the user); the union of the two pages gives the page. A user is never
     * both parties of one interview (nobody bids on their own job), so no row comes twice.
     */
    async list(actor: Actor, query: InterviewListQuery) {
      const { cursor, limit, view, status } = query;
      const at = new Date(now().getTime());
      const upcoming = view === "upcoming";
      const order = upcoming
        ? [asc(interview.firstAt), asc(interview.id)]
        : [desc(interview.firstAt), desc(interview.id)];
      const side = (party: typeof interview.clientId | typeof interview.assistantId) =>
        db
          .select()
          .from(interview)
          .where(
            and(
              eq(party, actor.userId),
              upcoming
                ? and(ne(interview.status, "cancelled"), gt(interview.lastEndAt, at))
                : or(eq(interview.status, "cancelled"), lte(interview.lastEndAt, at)),
              status ? eq(interview.status, status) : undefined,
              upcoming
                ? laterThan(cursor, interview.firstAt, interview.id)
                : olderThan(cursor, interview.firstAt, interview.id),
            ),
          )
          .orderBy(...order)
          .limit(limit + 1);
      const rows = await unionAll(side(interview.clientId), side(interview.assistantId))
        .orderBy(...order)
        .limit(limit + 1);
      const page = pageOf(rows, limit, (r) => ({ at: r.firstAt, id: r.id }));
      return { ...page, items: await views(page.items) };
    },

    /** For the reminder sweep (reminders.ts) and the feeds: the mail of one interview event. */
    mail,
  };
}

/** PostgreSQL's exclusion_violation, from either driver (the error or its cause carries the code). */
function isExclusionViolation(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e)
    if (e.code === "23P01") return true;
  return false;
}

export type InterviewsService = ReturnType<typeof createInterviewsService>;
