import { eq } from "drizzle-orm";
import type { Actor } from "../../server/auth/actor.ts";
import type { Db } from "../../server/db/client.ts";
import { AppError } from "../../server/errors.ts";
import { user } from "../accounts/tables.ts";
import type { AssistantProfileInput, ClientProfileInput, PublicAssistantProfile } from "./schema.ts";
import { assistantProfile, clientProfile } from "./tables.ts";

function requireRole(actor: Actor, role: "assistant" | "client") {
  if (!actor.roles.includes(role)) throw new AppError("forbidden", { reason: `role.${role}_required` });
}

export function createProfilesService(db: Db) {
  return {
    async saveAssistant(actor: Actor, input: AssistantProfileInput): Promise<PublicAssistantProfile> {
      requireRole(actor, "assistant");
      const values = { ...input, updatedAt: new Date() };
      await db
        .insert(assistantProfile)
        .values({ ...values, userId: actor.userId })
        .onConflictDoUpdate({ target: assistantProfile.userId, set: values });
      return this.getAssistant(actor.userId);
    },

    /** The public profile: readable by anyone, holding nothing private. */
    async getAssistant(userId: string): Promise<PublicAssistantProfile> {
      const [row] = await db
        .select({ profile: assistantProfile, name: user.name })
        .from(assistantProfile)
        .innerJoin(user, eq(user.id, assistantProfile.userId))
        .where(eq(assistantProfile.userId, userId));
      if (!row) throw new AppError("not_found");
      const p = row.profile;
      return {
        ...p,
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
