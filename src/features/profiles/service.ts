import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { fileTypeFromBuffer } from "file-type";
import type { Actor } from "../../server/auth/actor.ts";
import type { Db } from "../../server/db/client.ts";
import { AppError } from "../../server/errors.ts";
import { imageTools } from "../../server/images.ts";
import type { Storage } from "../../server/storage/storage.ts";
import { userNameOf } from "../accounts/people.ts";
import { syncAssistantExperience } from "../bids/experience-sync.ts";
import { syncAssistantOverlaps } from "../bids/overlap-sync.ts";
import type { AssistantProfileInput, ClientProfileInput, PublicAssistantProfile } from "./schema.ts";
import { assistantProfile, clientProfile } from "./tables.ts";

function requireRole(actor: Actor, role: "assistant" | "client") {
  if (!actor.roles.includes(role)) throw new AppError("forbidden", { reason: `role.${role}_required` });
}

const PHOTO_TYPES = ["image/png", "image/jpeg", "image/webp"];
/** Square and small enough for lists and the profile page alike; the original is not kept. */
const PHOTO_SIZE = 512;

/** A square WebP of the upload, or a clear error when the content is not a photo we take. */
async function photoFrom(bytes: Buffer): Promise<Buffer> {
  const type = (await fileTypeFromBuffer(bytes))?.mime;
  if (!type || !PHOTO_TYPES.includes(type)) {
    throw new AppError("unsupported_media_type", {
      reason: "profile.photo_type",
      detail: "A photo must be a PNG, JPEG or WebP image.",
    });
  }
  try {
    return await (await imageTools())(bytes)
      .rotate()
      .resize(PHOTO_SIZE, PHOTO_SIZE, { fit: "cover" })
      .webp({ quality: 82 })
      .toBuffer();
  } catch {
    throw new AppError("unprocessable", {
      reason: "profile.photo_unreadable",
      detail: "The image could not be read.",
      errors: [{ field: "file", code: "image_unreadable", message: "The image could not be read." }],
    });
  }
}

export function createProfilesService(db: Db, storage: Storage) {
  async function ownPhotoKey(actor: Actor) {
    requireRole(actor, "assistant");
    const [row] = await db
      .select({ photoKey: assistantProfile.photoKey })
      .from(assistantProfile)
      .where(eq(assistantProfile.userId, actor.userId));
    // A photo belongs to a profile: the profile comes first.
    if (!row) throw new AppError("not_found", { detail: "Save your profile before adding a photo." });
    return row.photoKey;
  }

  return {
    async saveAssistant(actor: Actor, input: AssistantProfileInput): Promise<PublicAssistantProfile> {
      requireRole(actor, "assistant");
      const values = { ...input, updatedAt: new Date() };
      await db.transaction(async (tx) => {
        const [saved] = await tx
          .insert(assistantProfile)
          .values({ ...values, userId: actor.userId })
          .onConflictDoUpdate({ target: assistantProfile.userId, set: values })
          .returning({
            weeklyHours: assistantProfile.weeklyHours,
            timeZone: assistantProfile.timeZone,
            yearsExperience: assistantProfile.yearsExperience,
          });
        // Clients sort bids by working-hour overlap and by experience: both show in the bids at once.
        if (saved) {
          await syncAssistantOverlaps(tx, actor.userId, saved);
          await syncAssistantExperience(tx, actor.userId, saved.yearsExperience);
        }
      });
      return this.getAssistant(actor.userId);
    },

    /** Replaces the profile photo; the old file is removed once the new one is in place. */
    async setPhoto(actor: Actor, bytes: Buffer): Promise<PublicAssistantProfile> {
      const previous = await ownPhotoKey(actor);
      const photo = await photoFrom(bytes);
      const key = `photos/${randomUUID()}`;
      await storage.put(key, photo, "image/webp");
      try {
        await db
          .update(assistantProfile)
          .set({ photoKey: key, updatedAt: new Date() })
          .where(eq(assistantProfile.userId, actor.userId));
      } catch (error) {
        await storage.delete(key);
        throw error;
      }
      if (previous) await storage.delete(previous);
      return this.getAssistant(actor.userId);
    },

    async removePhoto(actor: Actor): Promise<void> {
      const previous = await ownPhotoKey(actor);
      if (!previous) return;
      await db
        .update(assistantProfile)
        .set({ photoKey: null, updatedAt: new Date() })
        .where(eq(assistantProfile.userId, actor.userId));
      await storage.delete(previous);
    },

    /** The photo's bytes: public like the profile it belongs to. */
    async openPhoto(userId: string) {
      const [row] = await db
        .select({ photoKey: assistantProfile.photoKey })
        .from(assistantProfile)
        .where(eq(assistantProfile.userId, userId));
      const stream = row?.photoKey ? await storage.get(row.photoKey) : undefined;
      if (!stream) throw new AppError("not_found");
      return stream;
    },

    /** The public profile: readable by anyone, holding nothing private. */
    async getAssistant(userId: string): Promise<PublicAssistantProfile> {
      const [row] = await db
        .select({ profile: assistantProfile, name: userNameOf(assistantProfile.userId) })
        .from(assistantProfile)
        .where(eq(assistantProfile.userId, userId));
      if (!row) throw new AppError("not_found");
      const { photoKey, ...p } = row.profile;
      return {
        ...p,
        hasPhoto: photoKey !== null,
        name: row.name,
        skills: p.skills as PublicAssistantProfile["skills"],
        languages: p.languages as PublicAssistantProfile["languages"],
        priceList: p.priceList as PublicAssistantProfile["priceList"],
        currency: p.currency as PublicAssistantProfile["currency"],
        weeklyHours: p.weeklyHours as PublicAssistantProfile["weeklyHours"],
        availability: p.availability as PublicAssistantProfile["availability"],
        updatedAt: p.updatedAt.toISOString(),
      };
    },

    async saveClient(actor: Actor, input: ClientProfileInput) {
      requireRole(actor, "client");
      const values = { ...input, updatedAt: new Date() };
      await db
        .insert(clientProfile)
        .values({ ...values, userId: actor.userId })
        .onConflictDoUpdate({ target: clientProfile.userId, set: values });
      return this.getOwnClient(actor);
    },

    /** A client's billing details are theirs alone. */
    async getOwnClient(actor: Actor) {
      const [row] = await db.select().from(clientProfile).where(eq(clientProfile.userId, actor.userId));
      if (!row) throw new AppError("not_found");
      return { ...row, updatedAt: row.updatedAt.toISOString() };
    },
  };
}

export type ProfilesService = ReturnType<typeof createProfilesService>;
