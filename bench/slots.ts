// Common free slots of two people (src/features/calendar/slots.ts), in process.
//   node bench/slots.ts [runs]
// Two people in Berlin and New York, Mon–Fri hours, 200 busy events each over four weeks that
// include the US change to summer time; 30-minute slots over the four weeks. Target: p95 ≤ 5 ms.

import { commonSlots, type Person } from "../src/features/calendar/slots.ts";
import type { WEEKDAYS } from "../src/features/profiles/schema.ts";
import { percentiles, seeded, timeRuns } from "./timing.ts";

const runs = Number(process.argv[2] ?? 2000);
const DAY = 86_400_000;
const from = Date.parse("2027-03-01T00:00:00Z");
const to = from + 28 * DAY;
const random = seeded(2027);

function busy(count: number) {
  return Array.from({ length: count }, () => {
    const start = from + Math.floor(random() * 28 * 96) * 15 * 60_000;
    return { start, end: start + (1 + Math.floor(random() * 8)) * 15 * 60_000 };
  });
}
const workweek = (from: string, to: string) =>
  (["mon", "tue", "wed", "thu", "fri"] as (typeof WEEKDAYS)[number][]).map((day) => ({ day, from, to }));
const assistant: Person = {
  timeZone: "Europe/Berlin",
  weeklyHours: [...workweek("08:00", "12:00"), ...workweek("13:00", "18:00")],
  exceptions: [{ date: "2027-03-10" }, { date: "2027-03-19", from: "09:00", to: "11:00" }],
  bufferMinutes: 10,
  busy: busy(200),
};
const client: Person = {
  timeZone: "America/New_York",
  weeklyHours: workweek("08:00", "17:00"),
  exceptions: [],
  bufferMinutes: 0,
  busy: busy(200),
};
const query = { from, to, durationMinutes: 30 as const, notBefore: from };

const found = commonSlots(assistant, client, query).length;
const times = timeRuns(() => commonSlots(assistant, client, query), runs);
console.log(`common slots over 4 weeks, 2 × 200 busy events: ${found} slots; ${runs} runs`);
console.log(`  ${percentiles(times, [0.5, 0.95, 0.99])} (target p95 ≤ 5 ms)`);
