// A subscription feed of 1,000 events (src/features/calendar/ics-write.ts), in process.
//   node bench/ics-feed.ts [runs]
// A contract calendar a year deep: one event in ten recurs weekly; German text that needs
// escaping and folding. Target: p95 ≤ 50 ms per feed.
import { type FeedEvent, feed } from "../src/features/calendar/ics-write.ts";
import { percentiles, seeded, timeRuns } from "./timing.ts";

const runs = Number(process.argv[2] ?? 300);
const random = seeded(1000);
const from = Date.parse("2026-01-05T08:00:00Z");
const events: FeedEvent[] = Array.from({ length: 1000 }, (_, i) => {
  const start = from + Math.floor(random() * 365 * 48) * 30 * 60_000;
  return {
    uid: `event-${i}@assista.example`,
    start,
    end: start + (1 + Math.floor(random() * 4)) * 30 * 60_000,
    summary: `Termin ${i}: Rücksprache mit Frau Müller, Buchhaltung; Belege prüfen`,
    description: "Unterlagen im Ordner „Steuern 2026“ ablegen.\nBei Fragen: Telefon, E-Mail; gern auch Chat.",
    location: "Videoraum",
    url: `https://assista.example/calendar/events/${i}`,
    sequence: i % 3,
    ...(i % 10 === 0 ? { rrule: "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=20" } : {}),
  };
});
const input = { name: "Assista – Vertrag 42", events, timeZone: "Europe/Berlin", now: from };

const bytes = Buffer.byteLength(feed(input));
const times = timeRuns(() => feed(input), runs);
console.log(`feed of 1,000 events (100 recurring): ${(bytes / 1024).toFixed(0)} KiB; ${runs} runs`);
console.log(`  ${percentiles(times, [0.5, 0.95])} (target p95 ≤ 50 ms)`);
