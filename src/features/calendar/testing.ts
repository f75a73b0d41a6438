// Test data shared by the calendar's and the feeds' tests.

import { ReasonError } from "./reason-error.ts";

/** The reason a promise fails with ("resolved" if it does not): for the reader's and fetcher's refusals. */
export async function reasonOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "resolved";
  } catch (err) {
    return err instanceof ReasonError ? err.reason : `not a ReasonError: ${String(err)}`;
  }
}

/**
 * A weekly 09:00–09:30 in Berlin through 12 April 2027, across the change to summer time on the
 * 28 March: five Mondays, 08:00 UTC on the 15th and 22nd, 07:00 UTC from 29 March.
 */
export const weeklyInBerlin = {
  title: "Wochenbesprechung",
  start: "2027-03-15T09:00",
  end: "2027-03-15T09:30",
  timeZone: "Europe/Berlin",
  rrule: "FREQ=WEEKLY;UNTIL=20270412",
};
