/** Formatting of instants in a named IANA zone (the viewer's or the other party's), not the browser's. */

/** "2025-03-14": the calendar day of an instant in a zone, for grouping slots by day. */
export function dayKey(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(iso));
}

/** "10:00": the clock time of an instant in a zone. */
export function clock(iso: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, hour: "2-digit", minute: "2-digit" }).format(
    new Date(iso),
  );
}

/** "Freitag, 14. März": the day of an instant in a zone, as a heading. */
export function dayLabel(iso: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, weekday: "long", day: "numeric", month: "long" }).format(
    new Date(iso),
  );
}

/** "Fr., 14.03., 10:00": day and time of an instant in a zone. */
export function dayAndClock(iso: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(iso));
}

/** The other party's clock time, with their weekday when their date differs from the viewer's. */
export function otherClock(iso: string, viewerZone: string, otherZone: string, locale: string): string {
  return dayKey(iso, viewerZone) === dayKey(iso, otherZone)
    ? clock(iso, otherZone, locale)
    : dayAndClock(iso, otherZone, locale);
}

export interface DayGroup<T extends { start: string }> {
  key: string;
  label: string;
  items: T[];
}

/** Slots grouped by their day in the viewer's zone, in time order. */
export function groupByDay<T extends { start: string }>(
  items: readonly T[],
  timeZone: string,
  locale: string,
) {
  const groups = new Map<string, DayGroup<T>>();
  for (const item of [...items].sort((a, b) => a.start.localeCompare(b.start))) {
    const key = dayKey(item.start, timeZone);
    let group = groups.get(key);
    if (!group) {
      group = { key, label: dayLabel(item.start, timeZone, locale), items: [] };
      groups.set(key, group);
    }
    group.items.push(item);
  }
  return [...groups.values()];
}
