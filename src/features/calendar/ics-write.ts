import { TZDate } from "@date-fns/tz";
import ICAL from "ical.js";
import ical, {
  escape as escapeText,
  formatDateTZ,
  type ICalAttendeeData,
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalAttendeeType,
  type ICalCalendar,
  ICalCalendarMethod,
  type ICalEventData,
  ICalEventStatus,
} from "ical-generator";
import { tzlib_get_ical_block } from "timezones-ical-library";

// iCalendar text for invitations (RFC 5546 iTIP: REQUEST and CANCEL) and subscription feeds.
// Instants are epoch ms, written in UTC ("…Z"), which every client reads right. Given a time zone,
// an invitation and a feed's recurring events carry that TZID instead, with a VTIMEZONE from
// timezones-ical-library: a recurring event then keeps its wall-clock time across DST (in UTC a
// weekly 09:00 Berlin meeting would move to 10:00 in summer). A feed's one-off events stay in UTC:
// the zone changes nothing for them, and writing 1,000 zoned times costs five times as much.

export interface Party {
  name: string;
  email: string;
}
interface EventText {
  uid: string;
  start: number;
  end: number;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
}
export interface InvitationInput extends EventText {
  method: "REQUEST" | "CANCEL";
  sequence: number;
  organizer: Party;
  attendees: Party[];
  timeZone?: string;
  /** DTSTAMP: when this version of the invitation was made; defaults to the clock. */
  now?: number;
}
export interface FeedEvent extends EventText {
  /** An RRULE value such as "FREQ=WEEKLY;BYDAY=MO" (with or without the "RRULE:" prefix). */
  rrule?: string;
  /** The zone a recurring event repeats in (its wall clock across DST); the feed's zone otherwise. */
  timeZone?: string;
  /** A series' deleted occurrences, by the start the rule gives them: EXDATE in the series' zone. */
  exclude?: number[];
  /**
   * Set on one changed occurrence of a series: the start the rule gives it (RECURRENCE-ID, in the
   * series' zone). Written with the series' UID, after the series.
   */
  recurrenceId?: number;
  sequence?: number;
  status?: "confirmed" | "tentative" | "cancelled";
}
export interface FeedInput {
  name: string;
  events: FeedEvent[];
  timeZone?: string;
  now?: number;
}

// How often subscribers should fetch the feed again: new bookings show within a quarter hour.
const FEED_TTL_SECONDS = 15 * 60;
const STATUS = {
  confirmed: ICalEventStatus.CONFIRMED,
  tentative: ICalEventStatus.TENTATIVE,
  cancelled: ICalEventStatus.CANCELLED,
};

/** The VTIMEZONE of an IANA zone; an unknown zone is refused rather than written without one. */
function vtimezone(timeZone: string): string {
  const block = tzlib_get_ical_block(timeZone);
  if (!Array.isArray(block) || !block[0]) throw new RangeError(`unknown time zone: ${timeZone}`);
  return block[0];
}

function calendar(timeZone: string | undefined, extra: { method?: ICalCalendarMethod; name?: string } = {}) {
  if (timeZone) vtimezone(timeZone);
  return ical({
    prodId: { company: "Assista", product: "Calendar", language: "EN" },
    // No calendar-wide zone (X-WR-TIMEZONE): with one, ical-generator writes DTSTAMP as local time
    // without "Z". The events name their zone themselves and the generator adds its VTIMEZONE.
    ...(timeZone ? { timezone: { name: null, generator: vtimezone } } : {}),
    ...(extra.method ? { method: extra.method } : {}),
    // ical-generator writes the name as given; escaped here so a comma or line break stays text.
    ...(extra.name ? { name: escapeText(extra.name, false), ttl: FEED_TTL_SECONDS } : {}),
  });
}

/** The address as it goes after "mailto:", which ical-generator writes unescaped. */
function mailbox(email: string): string {
  if (!/^[^\s;:,"<>\\]+@[^\s;:,"<>\\]+$/.test(email))
    throw new TypeError(`not a plain e-mail address: ${email}`);
  return email;
}

/** An RRULE checked by ical.js and written back in its canonical form, so nothing else can ride along. */
function recurrence(rrule: string): string {
  const value = rrule.replace(/^RRULE:/i, "");
  if (!/^[A-Za-z0-9=;,+\-:]+$/.test(value)) throw new TypeError("RRULE has characters a rule cannot have");
  const recur = ICAL.Recur.fromString(value);
  if (!recur.freq) throw new TypeError("RRULE without FREQ");
  return recur.toString();
}

/**
 * The RRULE and its EXDATEs, as ical-generator takes a rule given as text (it writes the lines as
 * they are; its own EXDATE needs the rule as options, which cannot hold every rule). Each EXDATE
 * is written like DTSTART, in the zone, so calendar apps match it to the occurrence.
 */
function repeating(rrule: string, exclude: number[], timeZone: string | undefined): string {
  const lines = [`RRULE:${recurrence(rrule)}`];
  for (const ms of exclude) {
    lines.push(
      timeZone
        ? formatDateTZ(timeZone, "EXDATE", new TZDate(ms, timeZone), { timezone: timeZone })
        : formatDateTZ(null, "EXDATE", new Date(ms)),
    );
  }
  return lines.join("\r\n");
}

function addEvent(
  cal: ICalCalendar,
  e: EventText,
  timeZone: string | undefined,
  more: Partial<ICalEventData>,
) {
  const time = (ms: number) => (timeZone ? new TZDate(ms, timeZone) : new Date(ms));
  return cal.createEvent({
    id: e.uid,
    start: time(e.start),
    end: time(e.end),
    summary: e.summary,
    ...(timeZone ? { timezone: timeZone } : {}),
    ...(e.description ? { description: e.description } : {}),
    ...(e.location ? { location: e.location } : {}),
    ...(e.url ? { url: e.url } : {}),
    ...more,
  });
}

/** An iTIP invitation (REQUEST) or its cancellation (CANCEL) as iCalendar text with CRLF lines. */
export function invitation(input: InvitationInput): string {
  const request = input.method === "REQUEST";
  const cal = calendar(input.timeZone, {
    method: request ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.CANCEL,
  });
  const attendee = (p: Party): ICalAttendeeData => ({
    name: p.name,
    email: mailbox(p.email),
    role: ICalAttendeeRole.REQ,
    type: ICalAttendeeType.INDIVIDUAL,
    status: ICalAttendeeStatus.NEEDSACTION,
    // A request asks each attendee to answer; a cancellation asks nothing.
    rsvp: request,
  });
  addEvent(cal, input, input.timeZone, {
    sequence: input.sequence,
    stamp: new Date(input.now ?? Date.now()),
    status: request ? ICalEventStatus.CONFIRMED : ICalEventStatus.CANCELLED,
    organizer: { name: input.organizer.name, email: mailbox(input.organizer.email) },
    attendees: input.attendees.map(attendee),
  });
  return cal.toString();
}

/** A subscription feed (no METHOD) named for calendar apps and refreshed every 15 minutes. */
export function feed(input: FeedInput): string {
  // Any zone switches the VTIMEZONE generator on; it writes one block per zone the events use.
  const zoned = input.timeZone ?? input.events.find((e) => e.rrule && e.timeZone)?.timeZone;
  const cal = calendar(zoned, { name: input.name });
  const stamp = new Date(input.now ?? Date.now());
  for (const e of input.events) {
    // A changed occurrence is written in its series' zone, so its RECURRENCE-ID reads as DTSTART does.
    const zone = e.rrule || e.recurrenceId !== undefined ? (e.timeZone ?? input.timeZone) : undefined;
    addEvent(cal, e, zone, {
      stamp,
      ...(e.sequence !== undefined ? { sequence: e.sequence } : {}),
      ...(e.status ? { status: STATUS[e.status] } : {}),
      ...(e.rrule ? { repeating: repeating(e.rrule, e.exclude ?? [], zone) } : {}),
      ...(e.recurrenceId !== undefined
        ? { recurrenceId: zone ? new TZDate(e.recurrenceId, zone) : new Date(e.recurrenceId) }
        : {}),
    });
  }
  return cal.toString();
}
