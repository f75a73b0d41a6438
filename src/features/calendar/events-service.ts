import { and, asc, eq, gt, isNotNull, lt, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Actor } from "../../server/auth/actor.ts";
import type { Db, Tx } from "../../server/db/client.ts";
import { AppError } from "../../server/errors.ts";
import { user } from "../accounts/tables.ts";
import { instantToWall, wallToInstant } from "../common/wall-clock.ts";
import { contract } from "../contracts/tables.ts";
import { job } from "../jobs/tables.ts";
import type { Notifier } from "../notifications/service.ts";
import { assistantProfile } from "../profiles/tables.ts";
import { invalidFields, partyOf, requireActive } from "./events-policy.ts";
import {
  type CalendarContext,
  type ContractEvent,
  type CreateEventInput,
  type EventList,
  type EventTimes,
  eventTimeProblems,
  type UpdateEventInput,
  wallParts,
} from "./events-schema.ts";
import { overlapWindows, workingHoursOf } from "./overlap.ts";
import { occurrencesIn, ruleProblem, storedRule } from "./recurrence.ts";
import { contractEvent } from "./tables.ts";

type EventRow = typeof contractEvent.$inferSelect;
type Change = "created" | "updated" | "deleted";

/**
 * Occurrences one list answer may hold. Rules repeat at most daily (rrule-grammar.ts), so this is
 * 25 events repeating every day of the widest window; a real contract has a few per week.
 */
export const MAX_OCCURRENCES = 10_000;

const clientUser = alias(user, "client_user");
const assistantUser = alias(user, "assistant_user");

/** A wall reading ("2027-01-11T09:00" or "2027-01-11") as the instant it names in the zone. */
function instantOf(value: string, timeZone: string): number {
  const p = wallParts(value);
  if (!p) throw new RangeError(`not a wall-clock reading: ${value}`);
  return wallToInstant(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute), timeZone);
}

/** An instant as the wall reading in the zone, in the form the event was written in. */
const wallOf = (instant: Date, timeZone: string, allDay: boolean) =>
  new Date(instantToWall(instant.getTime(), timeZone)).toISOString().slice(0, allDay ? 10 : 16);

function toEvent(row: EventRow): ContractEvent {
  return {
    id: row.id,
    contractId: row.contractId,
    createdBy: row.createdBy,
    title: row.title,
    allDay: row.allDay,
    start: wallOf(row.startsAt, row.timeZone, row.allDay),
    end: wallOf(row.endsAt, row.timeZone, row.allDay),
    timeZone: row.timeZone,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    location: row.location,
    url: row.url,
    notes: row.notes,
    rrule: row.rrule,
    sequence: row.sequence,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * The stored times and rule of an event written as these wall readings, or a 400 with field
 * errors: start and end of the right kind, the end after the start also as instants (02:30 on the
 * night clocks jump forward is read as 03:30, so 02:30–03:15 would end before it starts), and a
 * rule that rrule-temporal builds and that repeats the event at least once.
 */
function resolveTimes(t: EventTimes & { timeZone: string; rrule: string | null }) {
  const problems = eventTimeProblems(t);
  if (problems.length) throw invalidFields(problems);
  const startsAt = instantOf(t.start, t.timeZone);
  const endsAt = instantOf(t.end, t.timeZone);
  if (endsAt <= startsAt) throw invalidFields([{ field: "end", code: "end_before_start" }]);
  const rrule = t.rrule === null ? null : storedRule(t.rrule, t);
  if (rrule !== null) {
    const problem = ruleProblem({ startsAt, endsAt, allDay: t.allDay, timeZone: t.timeZone, rrule });
    if (problem) throw invalidFields([{ field: "rrule", code: problem }]);
  }
  return { startsAt: new Date(startsAt), endsAt: new Date(endsAt), rrule };
}

export function createContractEventsService(db: Db, notifier: Notifier) {
  /** The contract with both parties' names and zones, and the actor's side of it; 404 for others. */
  async function loadContract(actor: Actor, contractId: string) {
    const [row] = await db
      .select({
        contract,
        jobTitle: job.title,
        client: { id: clientUser.id, name: clientUser.name, timeZone: clientUser.timeZone },
        assistant: { id: assistantUser.id, name: assistantUser.name, timeZone: assistantUser.timeZone },
      })
      .from(contract)
      .innerJoin(job, eq(job.id, contract.jobId))
      .innerJoin(clientUser, eq(clientUser.id, contract.clientId))
      .innerJoin(assistantUser, eq(assistantUser.id, contract.assistantId))
      .where(eq(contract.id, contractId));
    if (!row) throw new AppError("not_found");
    const side = partyOf(actor, row.contract);
    const me = side.role === "client" ? row.client : row.assistant;
    return { ...row, ...side, me };
  }

  async function loadEvent(contractId: string, eventId: string): Promise<EventRow> {
    const [row] = await db
      .select()
      .from(contractEvent)
      .where(and(eq(contractEvent.id, eventId), eq(contractEvent.contractId, contractId)));
    if (!row) throw new AppError("not_found");
    return row;
  }

  type Loaded = Awaited<ReturnType<typeof loadContract>>;

  /** Runs a change and tells the other party, in one transaction; the bell rings after commit. */
  function changeAndNotify(c: Loaded, change: Change, work: (tx: Tx) => Promise<EventRow>) {
    return notifier.transaction(db, async (tx) => {
      const row = await work(tx);
      await notifier.notify(tx, [
        {
          userId: c.otherId,
          type: "calendar.event_changed",
          data: {
            contractId: c.contract.id,
            eventId: row.id,
            title: row.title,
            change,
            actor: c.me.name,
            jobTitle: c.jobTitle,
          },
        },
      ]);
      return toEvent(row);
    });
  }

  return {
    /** The events occurring in [from, to) with each of their occurrences there, recurring ones expanded. */
    async list(actor: Actor, contractId: string, window: { from: string; to: string }): Promise<EventList> {
      await loadContract(actor, contractId);
      const from = Date.parse(window.from);
      const to = Date.parse(window.to);
      const rows = await db
        .select()
        .from(contractEvent)
        .where(
          and(
            eq(contractEvent.contractId, contractId),
            lt(contractEvent.startsAt, new Date(to)),
            or(isNotNull(contractEvent.rrule), gt(contractEvent.endsAt, new Date(from))),
          ),
        )
        .orderBy(asc(contractEvent.startsAt), asc(contractEvent.id));
      const events: ContractEvent[] = [];
      const occurrences: { eventId: string; start: number; end: number }[] = [];
      for (const row of rows) {
        const spans = occurrencesIn(
          { ...row, startsAt: row.startsAt.getTime(), endsAt: row.endsAt.getTime() },
          from,
          to,
        );
        if (!spans.length) continue;
        events.push(toEvent(row));
        for (const s of spans) occurrences.push({ eventId: row.id, ...s });
        if (occurrences.length > MAX_OCCURRENCES) {
          throw new AppError("unprocessable", {
            reason: "calendar.too_many_occurrences",
            detail: `More than ${MAX_OCCURRENCES} occurrences in this window; ask for a shorter one.`,
          });
        }
      }
      occurrences.sort((a, b) => a.start - b.start || a.end - b.end);
      return {
        events,
        occurrences: occurrences.map((o) => ({
          eventId: o.eventId,
          startsAt: new Date(o.start).toISOString(),
          endsAt: new Date(o.end).toISOString(),
        })),
      };
    },

    async create(actor: Actor, contractId: string, input: CreateEventInput): Promise<ContractEvent> {
      const c = await loadContract(actor, contractId);
      requireActive(c.contract);
      const times = resolveTimes(input);
      const { start: _start, end: _end, ...fields } = input;
      return changeAndNotify(c, "created", async (tx) => {
        const [row] = await tx
          .insert(contractEvent)
          .values({ ...fields, ...times, contractId, createdBy: actor.userId })
          .returning();
        return row as EventRow;
      });
    },

    /** Changes the fields sent; the times are checked together with the stored ones. SEQUENCE goes up by one. */
    async update(
      actor: Actor,
      contractId: string,
      eventId: string,
      input: UpdateEventInput,
    ): Promise<ContractEvent> {
      const c = await loadContract(actor, contractId);
      requireActive(c.contract);
      const current = toEvent(await loadEvent(contractId, eventId));
      // Unsent times keep their wall readings: a new zone alone moves the event to the same clock time there.
      const merged = {
        allDay: input.allDay ?? current.allDay,
        start: input.start ?? current.start,
        end: input.end ?? current.end,
        timeZone: input.timeZone ?? current.timeZone,
        rrule: input.rrule === undefined ? current.rrule : input.rrule,
      };
      const times = resolveTimes(merged);
      const { start: _start, end: _end, ...fields } = input;
      return changeAndNotify(c, "updated", async (tx) => {
        const [row] = await tx
          .update(contractEvent)
          .set({
            ...fields,
            ...times,
            allDay: merged.allDay,
            timeZone: merged.timeZone,
            sequence: sql`${contractEvent.sequence} + 1`,
            updatedAt: new Date(),
          })
          .where(and(eq(contractEvent.id, eventId), eq(contractEvent.contractId, contractId)))
          .returning();
        // Deleted by the other party between the read above and this write.
        if (!row) throw new AppError("not_found");
        return row;
      });
    },

    async remove(actor: Actor, contractId: string, eventId: string): Promise<void> {
      const c = await loadContract(actor, contractId);
      requireActive(c.contract);
      await changeAndNotify(c, "deleted", async (tx) => {
        const [row] = await tx
          .delete(contractEvent)
          .where(and(eq(contractEvent.id, eventId), eq(contractEvent.contractId, contractId)))
          .returning();
        if (!row) throw new AppError("not_found");
        return row;
      });
    },

    /**
     * Both parties as the calendar shows them (names, zones, weekly hours) and the overlap of their
     * working hours within [from, to) as instants, for the calendar to highlight.
     */
    async contractOverlap(actor: Actor, contractId: string, window: { from: string; to: string }) {
      return contractOverlap(db, await loadContract(actor, contractId), window);
    },
  };
}

/** The parties' names, zones and working hours, and the instants in the window when both work. */
async function contractOverlap(
  db: Db,
  c: {
    contract: typeof contract.$inferSelect;
    jobTitle: string;
    role: "client" | "assistant";
    client: { id: string; name: string; timeZone: string };
    assistant: { id: string; name: string; timeZone: string };
  },
  window: { from: string; to: string },
): Promise<CalendarContext> {
  const [profile] = await db
    .select({ timeZone: assistantProfile.timeZone, weeklyHours: assistantProfile.weeklyHours })
    .from(assistantProfile)
    .where(eq(assistantProfile.userId, c.assistant.id));
  const parties = {
    // Clients keep no working hours (their profile holds a zone only): an office week is assumed.
    client: { ...c.client, role: "client" as const, hours: workingHoursOf(null, c.client.timeZone) },
    assistant: {
      ...c.assistant,
      role: "assistant" as const,
      hours: workingHoursOf(profile ?? null, c.assistant.timeZone),
    },
  };
  const view = (p: (typeof parties)["client" | "assistant"]) => ({
    userId: p.id,
    name: p.name,
    role: p.role,
    timeZone: p.timeZone,
    workingHours: p.hours,
  });
  const overlap = overlapWindows(
    parties.client.hours,
    parties.assistant.hours,
    Date.parse(window.from),
    Date.parse(window.to),
  );
  return {
    contractId: c.contract.id,
    jobTitle: c.jobTitle,
    status: c.contract.status,
    viewer: view(parties[c.role]),
    other: view(parties[c.role === "client" ? "assistant" : "client"]),
    overlap: overlap.map(([start, end]) => ({
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(end).toISOString(),
    })),
  };
}

export type ContractEventsService = ReturnType<typeof createContractEventsService>;
