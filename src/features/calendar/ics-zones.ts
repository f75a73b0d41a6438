import ICAL from "ical.js";
import { instantToWall, wallToInstant } from "../common/wall-clock.ts";

// Which clock a DATE or DATE-TIME in an imported calendar is read on. Recurrences are expanded on
// the wall clock (as RFC 5545 defines them) and each occurrence is then read on its zone's clock.

/** A clock that turns wall ms (see common/wall-clock.ts) into instants and back. */
export interface Clock {
  toInstant(wall: number): number;
  toWall(instant: number): number;
}

const utc: Clock = { toInstant: (wall) => wall, toWall: (instant) => instant };

const ianaNames = new Map<string, boolean>();
function isIana(name: string): boolean {
  let known = ianaNames.get(name);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat("en", { timeZone: name });
      known = true;
    } catch {
      known = false;
    }
    ianaNames.set(name, known);
  }
  return known;
}

/** The clock of an IANA zone, by the runtime's tz database and RFC 5545's rule for skipped and repeated times. */
export function ianaClock(timeZone: string): Clock {
  return {
    toInstant: (wall) => wallToInstant(wall, timeZone),
    toWall: (instant) => instantToWall(instant, timeZone),
  };
}

/** The clock a calendar's own VTIMEZONE describes (Outlook's "W. Europe Standard Time" and the like), via ical.js. */
function vtimezoneClock(zone: ICAL.Timezone): Clock {
  return {
    toInstant(wall) {
      const d = new Date(wall);
      const time = ICAL.Time.fromData(
        {
          year: d.getUTCFullYear(),
          month: d.getUTCMonth() + 1,
          day: d.getUTCDate(),
          hour: d.getUTCHours(),
          minute: d.getUTCMinutes(),
          second: d.getUTCSeconds(),
          isDate: false,
        },
        zone,
      );
      return time.toUnixTime() * 1000;
    },
    toWall(instant) {
      return wallOf(ICAL.Time.fromJSDate(new Date(instant), true).convertToZone(zone));
    },
  };
}

/** The wall ms of a parsed DATE or DATE-TIME (a DATE is its midnight). */
export function wallOf(t: ICAL.Time): number {
  return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
}

// An IANA TZID is read with the runtime's tz database even where the file brings a VTIMEZONE:
// Google's and Apple's repeat the same rules, and the runtime also knows past changes.
/** The clock of a value: UTC for "…Z", its TZID's zone, else `floating` (the owner's, for DATEs and floating times). */
export function clockOf(value: ICAL.Time, property: ICAL.Property, floating: Clock): Clock {
  if (value.isDate) return floating;
  if (value.zone === ICAL.Timezone.utcTimezone) return utc;
  const tzid = property.getParameter("tzid");
  const name = typeof tzid === "string" ? tzid : undefined;
  if (name && isIana(name)) return ianaClock(name);
  if (name && value.zone instanceof ICAL.Timezone && value.zone.component) return vtimezoneClock(value.zone);
  return floating;
}

/** The instant a parsed value names (a DATE: its midnight on `floating`). */
export function instantOf(value: ICAL.Time, property: ICAL.Property, floating: Clock): number {
  return clockOf(value, property, floating).toInstant(wallOf(value));
}
