import { eq, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Tx } from "../../server/db/client.ts";
import { lookup } from "../../server/db/lookup.ts";
import { assistantProfile } from "./tables.ts";

// What other features read of an assistant's profile: the working hours the bids' overlap and
// the calendar use, and the experience the bid review sorts by.

export type WorkingHours = Pick<typeof assistantProfile.$inferSelect, "weeklyHours" | "timeZone">;

/** An assistant's weekly hours and zone, or undefined without a profile. */
export async function profileHoursOf(tx: Tx, userId: string): Promise<WorkingHours | undefined> {
  const [row] = await tx
    .select({ weeklyHours: assistantProfile.weeklyHours, timeZone: assistantProfile.timeZone })
    .from(assistantProfile)
    .where(eq(assistantProfile.userId, userId));
  return row;
}

/** An assistant's weekly hours as a column of the caller's query (null without a profile). */
export const weeklyHoursOf = (userId: AnyPgColumn | SQL) =>
  lookup<WorkingHours["weeklyHours"] | null>(
    assistantProfile.weeklyHours,
    assistantProfile.userId,
    userId,
  ).mapWith(assistantProfile.weeklyHours);

/** The zone an assistant's hours are in, as a column of the caller's query (null without a profile). */
export const profileTimeZoneOf = (userId: AnyPgColumn | SQL) =>
  lookup<string | null>(assistantProfile.timeZone, assistantProfile.userId, userId);

/** Years of experience as a column of the caller's query (null without a profile). */
export const yearsExperienceOf = (userId: AnyPgColumn | SQL) =>
  lookup<number | null>(assistantProfile.yearsExperience, assistantProfile.userId, userId);
