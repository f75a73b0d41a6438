import { createPlugin } from "@fullcalendar/core";
import { NamedTimeZoneImpl } from "@fullcalendar/core/internal";
import { instantOfWall, wallAt } from "./zoned.ts";

// FullCalendar shows the reader's named zone (not the browser's) through a plugin. Its own for this
// is built on Luxon (~22 KB gzip); the browser's zone data does the same in a few lines (zoned.ts).

/** FullCalendar's date arrays: [year, month 0-11, day, hours, minutes, seconds, milliseconds]. */
const toMs = (a: number[]) =>
  Date.UTC(a[0] as number, a[1] ?? 0, a[2] ?? 1, a[3] ?? 0, a[4] ?? 0, a[5] ?? 0, a[6] ?? 0);

class IntlNamedTimeZone extends NamedTimeZoneImpl {
  /** The zone's offset in minutes when its wall clock shows `a`. */
  offsetForArray(a: number[]): number {
    const wall = toMs(a);
    return (wall - instantOfWall(wall, this.timeZoneName)) / 60_000;
  }

  /** What the zone's wall clock shows at an instant. */
  timestampToArray(ms: number): number[] {
    const d = new Date(wallAt(ms, this.timeZoneName));
    return [
      d.getUTCFullYear(),
      d.getUTCMonth(),
      d.getUTCDate(),
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
      d.getUTCMilliseconds(),
    ];
  }
}

export const namedZonesPlugin = createPlugin({
  name: "assista-named-zones",
  namedTimeZonedImpl: IntlNamedTimeZone,
});
