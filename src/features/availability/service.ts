import { and, count, eq, isNull, notInArray, or, sql } from "drizzle-orm";
import type { Actor } from "../../server/auth/actor.ts";
import type { Db } from "../../server/db/client.ts";
import { AppError } from "../../server/errors.ts";
import { userNameOf, userTimeZoneOf } from "../accounts/people.ts";
import { IcsError } from "../calendar/ics-error.ts";
import type { BusyWindow } from "../calendar/ics-read.ts";
import { ReasonError } from "../calendar/reason-error.ts";
import type { Person } from "../calendar/slots.ts";
import { heldIntervalsJson } from "../interviews/holds.ts";
import { profileTimeZoneOf, weeklyHoursOf } from "../profiles/reads.ts";
import type { WeeklySlot } from "../profiles/schema.ts";
import {
  type Availability,
  type AvailabilityView,
  type CalendarImport,
  type ImportUrlInput,
  MAX_IMPORTS,
} from "./schema.ts";
import { availability, busyTime, calendarImport } from "./tables.ts";

const DAY = 86_400_000;
/** Imported events are read this far back and ahead: interviews are booked weeks, not years, out. */
const IMPORT_PAST_MS = DAY;
const IMPORT_AHEAD_MS = 120 * DAY;
/** A subscription is fetched again when its last sync is older than this (the job runs as often). */
export const SYNC_EVERY_MS = 15 * 60_000;
/**
 * Failures that are the calendar's own (past a bound: too big, or more work than any real calendar
 * needs): fetching it again gives the same answer, so the job stops fetching it until its owner
 * syncs it by hand, which tries once more.
 */
const PAUSING_REASONS = ["ics.too_large", "ics.too_complex", "ics_url.too_large"];
const pausedBy = (reason: string | null) => reason !== null && PAUSING_REASONS.includes(reason);

const OFFICE_HOURS = (["mon", "tue", "wed", "thu", "fri"] as const).map((day) => ({
  day,
  from: "09:00",
  to: "17:00",
}));

interface AvailabilityRow {
  id: string;
  name: string;
  account_zone: string;
  time_zone: string | null;
  weekly_hours: WeeklySlot[] | null;
  exceptions: Availability["exceptions"] | null;
  buffer_minutes: number | null;
  profile_zone: string | null;
  profile_hours: WeeklySlot[] | null;
  imported: [number, number][] | string;
  held: [number, number][] | string;
}

/**
 * Saved availability, or a sensible default until the user saves their own: an assistant's
 * profile hours in the profile's zone, otherwise office hours (Mon–Fri 9–17) in the account zone.
 */
function availabilityOfRow(r: AvailabilityRow): AvailabilityView {
  if (r.time_zone)
    return {
      timeZone: r.time_zone,
      weeklyHours: r.weekly_hours ?? [],
      exceptions: r.exceptions ?? [],
      bufferMinutes: r.buffer_minutes ?? 0,
      isDefault: false,
    };
  const fromProfile = r.profile_hours && r.profile_hours.length > 0 && r.profile_zone;
  return {
    timeZone: fromProfile ? (r.profile_zone as string) : r.account_zone,
    weeklyHours: fromProfile ? (r.profile_hours ?? []) : OFFICE_HOURS,
    exceptions: [],
    bufferMinutes: 0,
    isDefault: true,
  };
}

/**
 * A timestamp column as epoch milliseconds (a fixed column name, never input): a slot search reads
 * hundreds of busy times, and numbers cost far less to parse than timestamps as text.
 */
const epochMs = (column: string) => sql.raw(`(extract(epoch FROM ${column}) * 1000)::bigint`);

/** Intervals from a JSON aggregate: node-postgres parses json, PGlite may hand it over as text. */
const intervals = (v: [number, number][] | string) =>
  (typeof v === "string" ? (JSON.parse(v) as [number, number][]) : v).map(([start, end]) => ({ start, end }));

export interface AvailabilityOptions {
  /** Lets imports reach loopback and private addresses: only for tests on one machine. */
  allowPrivateCalendarUrls?: boolean;
  now?: () => Date;
}

// The iCalendar reader and fetcher load on first use: most processes never import a calendar.
// The reader (ical.js, rrule-temporal) runs in a worker thread that starts on demand and exits
// when idle (ics-pool.ts); the fetcher (undici) runs here.
const reader = () => import("../calendar/ics-pool.ts");
const fetcher = () => import("../calendar/ics-fetch.ts");

export function createAvailabilityService(db: Db, options: AvailabilityOptions = {}) {
  const now = () => (options.now ? options.now() : new Date());

  /**
   * Each user's availability, and with a window also their busy time in it (imports and confirmed
   * interviews, except `exceptInterview`): one statement for everyone asked about, since the slot
   * search runs on every step of the interview dialog's week navigation.
   */
  async function rowsOf(userIds: string[], window?: { from: number; to: number; exceptInterview?: string }) {
    const from = new Date(window?.from ?? 0).toISOString();
    const to = new Date(window?.to ?? 0).toISOString();
    const busy = window
      ? sql`(SELECT coalesce(json_agg(json_build_array(${epochMs("b.starts_at")}, ${epochMs("b.ends_at")})), '[]'::json)
               FROM ${busyTime} b WHERE b.user_id = u.id AND b.starts_at < ${to} AND b.ends_at > ${from}) AS imported,
            ${heldIntervalsJson(sql`u.id`, { from, to, exceptInterview: window.exceptInterview })} AS held`
      : sql`'[]'::json AS imported, '[]'::json AS held`;
    // The people asked about drive the statement; the name, zone and profile hours come from their
    // owners by key, and an id without a user has no name and is left out.
    const person = sql`u.id`;
    const result = await db.execute(sql`
      SELECT u.id, ${userNameOf(person)} AS name, ${userTimeZoneOf(person)} AS account_zone,
             a.time_zone, a.weekly_hours, a.exceptions, a.buffer_minutes,
             ${profileTimeZoneOf(person)} AS profile_zone, ${weeklyHoursOf(person)} AS profile_hours, ${busy}
      FROM unnest(${sql.param([...new Set(userIds)])}::text[]) AS u(id)
      LEFT JOIN ${availability} a ON a.user_id = u.id`);
    const rows = (result as unknown as { rows: (AvailabilityRow & { name: string | null })[] }).rows;
    return new Map(rows.filter((r) => r.name !== null).map((r) => [r.id, r as AvailabilityRow]));
  }

  /** Saved availability, or the default until the user saves their own (see availabilityOfRow). */
  async function availabilityOf(userId: string): Promise<AvailabilityView> {
    const row = (await rowsOf([userId])).get(userId);
    if (!row) throw new AppError("not_found");
    return availabilityOfRow(row);
  }

  /** Users as the slot search sees them: availability plus busy time in the window, and the name. */
  async function peopleOf(userIds: string[], from: number, to: number, exceptInterview?: string) {
    const people = new Map<string, Person & { name: string }>();
    for (const [id, row] of await rowsOf(userIds, { from, to, exceptInterview })) {
      const { isDefault: _, ...person } = availabilityOfRow(row);
      const busy = [...intervals(row.imported), ...intervals(row.held)];
      people.set(id, { ...person, name: row.name, busy });
    }
    return people;
  }

  /** One user as the slot search sees them (see peopleOf). */
  async function personOf(
    userId: string,
    from: number,
    to: number,
    exceptInterview?: string,
  ): Promise<Person> {
    const person = (await peopleOf([userId], from, to, exceptInterview)).get(userId);
    if (!person) throw new AppError("not_found");
    return person;
  }

  const viewOf = (row: typeof calendarImport.$inferSelect, busyCount: number): CalendarImport => ({
    id: row.id,
    kind: row.kind as CalendarImport["kind"],
    name: row.name,
    host: row.url ? new URL(row.url.replace(/^webcal:/i, "https:")).host : null,
    lastSyncedAt: row.lastSyncedAt?.toISOString() ?? null,
    lastError: row.lastError,
    syncPaused: row.kind === "url" && pausedBy(row.lastError),
    busyCount,
  });

  /** Busy time of an untrusted calendar in the import window, read off the event loop. */
  async function readBusy(ics: string, timeZone: string) {
    const t = now().getTime();
    const window: BusyWindow = { from: t - IMPORT_PAST_MS, to: t + IMPORT_AHEAD_MS, timeZone };
    const { icsReader } = await reader();
    return icsReader().busyFromIcs(ics, window);
  }

  /** Replaces an import's busy time with what the calendar says now. */
  async function storeBusy(importId: string, userId: string, busy: { start: number; end: number }[]) {
    await db.transaction(async (tx) => {
      await tx.delete(busyTime).where(eq(busyTime.importId, importId));
      if (busy.length)
        await tx
          .insert(busyTime)
          .values(
            busy.map((b) => ({ importId, userId, startsAt: new Date(b.start), endsAt: new Date(b.end) })),
          );
      await tx
        .update(calendarImport)
        .set({ lastSyncedAt: now(), lastError: null })
        .where(eq(calendarImport.id, importId));
    });
    return busy.length;
  }

  /** Fetches a subscription and stores its busy time; a failure is recorded on the import, not thrown. */
  async function sync(row: typeof calendarImport.$inferSelect) {
    try {
      const { fetchIcs } = await fetcher();
      const ics = await fetchIcs(row.url as string, {
        allowPrivate: options.allowPrivateCalendarUrls ?? false,
      });
      const { timeZone } = await availabilityOf(row.userId);
      await storeBusy(row.id, row.userId, await readBusy(ics, timeZone));
    } catch (error) {
      if (!(error instanceof ReasonError)) throw error;
      await db.update(calendarImport).set({ lastError: error.reason }).where(eq(calendarImport.id, row.id));
    }
  }

  async function busyCountOf(importId: string) {
    const [row] = await db.select({ n: count() }).from(busyTime).where(eq(busyTime.importId, importId));
    return row?.n ?? 0;
  }

  async function ownImport(actor: Actor, id: string) {
    const [row] = await db
      .select()
      .from(calendarImport)
      .where(and(eq(calendarImport.id, id), eq(calendarImport.userId, actor.userId)));
    if (!row) throw new AppError("not_found");
    return row;
  }

  async function requireRoom(actor: Actor) {
    const [row] = await db
      .select({ n: count() })
      .from(calendarImport)
      .where(eq(calendarImport.userId, actor.userId));
    if ((row?.n ?? 0) >= MAX_IMPORTS)
      throw new AppError("conflict", {
        reason: "calendar_import.limit",
        detail: `At most ${MAX_IMPORTS} calendars can be imported.`,
      });
  }

  return {
    availabilityOf,
    /** Several users' availability at once (e.g. their work zones for a list of interviews). */
    availabilitiesOf: async (userIds: string[]) =>
      new Map([...(await rowsOf(userIds))].map(([id, row]) => [id, availabilityOfRow(row)])),
    personOf,
    peopleOf,
    get: (actor: Actor) => availabilityOf(actor.userId),

    async save(actor: Actor, input: Availability): Promise<AvailabilityView> {
      const values = { ...input, updatedAt: now() };
      await db
        .insert(availability)
        .values({ userId: actor.userId, ...values })
        .onConflictDoUpdate({ target: availability.userId, set: values });
      return availabilityOf(actor.userId);
    },

    async imports(actor: Actor): Promise<CalendarImport[]> {
      const rows = await db
        .select({ row: calendarImport, busy: count(busyTime.importId) })
        .from(calendarImport)
        .leftJoin(busyTime, eq(busyTime.importId, calendarImport.id))
        .where(eq(calendarImport.userId, actor.userId))
        .groupBy(calendarImport.id)
        .orderBy(calendarImport.createdAt);
      return rows.map((r) => viewOf(r.row, r.busy));
    },

    /** Subscribes to a calendar URL and fetches it at once, so the user sees a problem right away. */
    async addUrl(actor: Actor, input: ImportUrlInput): Promise<CalendarImport> {
      await requireRoom(actor);
      const url = input.url.replace(/^webcal:/i, "https:");
      const [row] = await db
        .insert(calendarImport)
        .values({ userId: actor.userId, kind: "url", name: input.name, url })
        .returning();
      if (!row) throw new Error("insert returned no row");
      await sync(row);
      return viewOf(await ownImport(actor, row.id), await busyCountOf(row.id));
    },

    /** Reads an uploaded .ics file once; nothing is stored when it cannot be read. */
    async addFile(actor: Actor, name: string, text: string): Promise<CalendarImport> {
      await requireRoom(actor);
      const { timeZone } = await availabilityOf(actor.userId);
      // Read before writing anything: a file that cannot be read leaves no import behind.
      let busy: { start: number; end: number }[];
      try {
        busy = await readBusy(text, timeZone);
      } catch (error) {
        if (error instanceof IcsError) throw icsProblem(error);
        throw error;
      }
      const [row] = await db
        .insert(calendarImport)
        .values({ userId: actor.userId, kind: "file", name })
        .returning();
      if (!row) throw new Error("insert returned no row");
      const busyCount = await storeBusy(row.id, actor.userId, busy);
      return viewOf(await ownImport(actor, row.id), busyCount);
    },

    async syncNow(actor: Actor, id: string): Promise<CalendarImport> {
      const row = await ownImport(actor, id);
      if (row.kind !== "url")
        throw new AppError("conflict", {
          reason: "calendar_import.not_subscribed",
          detail: "A file is read once.",
        });
      await sync(row);
      return viewOf(await ownImport(actor, id), await busyCountOf(id));
    },

    async remove(actor: Actor, id: string) {
      await ownImport(actor, id);
      await db.delete(calendarImport).where(eq(calendarImport.id, id));
    },

    /**
     * The job's walk: every subscription not fetched within the interval, one after another, except
     * those refused for a bound (PAUSING_REASONS) until their owner syncs them by hand.
     */
    async syncDue(at = now()) {
      const due = await db
        .select()
        .from(calendarImport)
        .where(
          and(
            eq(calendarImport.kind, "url"),
            or(isNull(calendarImport.lastError), notInArray(calendarImport.lastError, PAUSING_REASONS)),
          ),
        );
      // A minute of slack: a sync that took a moment last time is still due at the next run.
      const cutoff = at.getTime() - SYNC_EVERY_MS + 60_000;
      for (const row of due) if (!row.lastSyncedAt || row.lastSyncedAt.getTime() <= cutoff) await sync(row);
      return due.length;
    },
  };
}

const ICS_PROBLEMS = {
  "ics.malformed": "unprocessable",
  "ics.too_complex": "unprocessable",
  "ics.too_large": "payload_too_large",
  "ics.busy": "unavailable",
} as const;

/** An unreadable calendar file as a problem with the library's reason. */
export function icsProblem(error: IcsError) {
  return new AppError(ICS_PROBLEMS[error.reason], {
    reason: error.reason,
    detail: error.message,
    errors: [{ field: "file", code: error.reason, message: error.message }],
    // The reader's queue is full: a matter of seconds (one file takes at most the reader's deadline).
    ...(error.reason === "ics.busy" ? { availableAt: new Date(Date.now() + 30_000) } : {}),
  });
}

export type AvailabilityService = ReturnType<typeof createAvailabilityService>;
