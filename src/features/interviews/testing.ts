import type { Browser } from "../../server/testing/http.ts";

/** A weekday at least a week ahead, at the given UTC hour: inside the test availabilities below. */
export function weekdayAt(hourUtc: number, weeksAhead = 1, minute = 0): Date {
  const d = new Date(Date.now() + weeksAhead * 7 * 86_400_000);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  d.setUTCHours(hourUtc, minute, 0, 0);
  return d;
}

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"] as const;

/**
 * Berlin office hours for the client and Manila afternoons for the assistant: in winter they
 * meet 08:00–14:00 UTC, in summer 07:00–14:00 UTC — 10:00 UTC always suits both.
 */
export async function setTestAvailability(client: Browser, assistant: Browser) {
  await client.request("PUT", "/api/v1/me/availability", {
    timeZone: "Europe/Berlin",
    weeklyHours: WEEKDAYS.map((day) => ({ day, from: "09:00", to: "17:00" })),
  });
  await assistant.request("PUT", "/api/v1/me/availability", {
    timeZone: "Asia/Manila",
    weeklyHours: WEEKDAYS.map((day) => ({ day, from: "14:00", to: "22:00" })),
  });
}
