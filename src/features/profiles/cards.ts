import { inArray } from "drizzle-orm";
import type { Tx } from "../../server/db/client.ts";
import { assistantProfile, clientProfile } from "./tables.ts";

/** How other features show a person: their public profile's link and photo, where they have them. */
export interface ProfileCard {
  /** The public profile at /assistants/{userId}; only assistants have one. */
  profileUserId: string;
  /** The photo's address, versioned by the profile's last change (a new photo, a new URL). */
  photoUrl: string | null;
}

/** Cards of the users among `userIds` with an assistant profile, by user id (one query). */
export async function profileCards(db: Tx, userIds: readonly string[]): Promise<Map<string, ProfileCard>> {
  const cards = new Map<string, ProfileCard>();
  if (!userIds.length) return cards;
  const rows = await db
    .select({
      userId: assistantProfile.userId,
      photoKey: assistantProfile.photoKey,
      updatedAt: assistantProfile.updatedAt,
    })
    .from(assistantProfile)
    .where(inArray(assistantProfile.userId, [...userIds]));
  for (const r of rows) {
    const version = encodeURIComponent(r.updatedAt.toISOString());
    cards.set(r.userId, {
      profileUserId: r.userId,
      photoUrl: r.photoKey ? `/api/v1/assistants/${encodeURIComponent(r.userId)}/photo?v=${version}` : null,
    });
  }
  return cards;
}

/** The names clients give themselves on their profile (a company, a practice), by user id (one query). */
export async function clientDisplayNames(db: Tx, userIds: readonly string[]): Promise<Map<string, string>> {
  if (!userIds.length) return new Map();
  const rows = await db
    .select({ userId: clientProfile.userId, displayName: clientProfile.displayName })
    .from(clientProfile)
    .where(inArray(clientProfile.userId, [...userIds]));
  return new Map(rows.map((r) => [r.userId, r.displayName]));
}
