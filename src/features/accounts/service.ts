import { eq, sql } from "drizzle-orm";
import type { Actor } from "../../server/auth/actor.ts";
import type { SessionCache } from "../../server/auth/session-cache.ts";
import type { Db } from "../../server/db/client.ts";
import { AppError } from "../../server/errors.ts";
import type { Me, Role, SelfServiceRole } from "./schema.ts";
import { user } from "./tables.ts";

export function createAccountsService(db: Db, sessions: Pick<SessionCache, "evictUser">) {
  async function getMe(actor: Actor): Promise<Me> {
    const [row] = await db.select().from(user).where(eq(user.id, actor.userId));
    if (!row) throw new AppError("not_found");
    return {
      id: row.id,
      name: row.name,
      email: row.email,
      emailVerified: row.emailVerified,
      roles: row.roles as Role[],
      locale: row.locale === "en" ? "en" : "de",
      timeZone: row.timeZone,
      twoFactorEnabled: row.twoFactorEnabled,
      createdAt: row.createdAt.toISOString(),
    };
  }

  /** Adds client or assistant to the actor's roles; adding one already held changes nothing. */
  async function addRole(actor: Actor, role: SelfServiceRole): Promise<Me> {
    await db
      .update(user)
      .set({ roles: sql`array_append(${user.roles}, ${role}::text)`, updatedAt: new Date() })
      .where(sql`${user.id} = ${actor.userId} AND NOT (${role}::text = ANY(${user.roles}))`);
    // The new role counts on the next request, not once a cached session lapses.
    sessions.evictUser(actor.userId);
    return getMe(actor);
  }

  return { getMe, addRole };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
