import { eq } from "drizzle-orm";
import type { Auth } from "../../server/auth/auth.ts";
import type { Db } from "../../server/db/client.ts";
import type { Locale, Role } from "./schema.ts";
import { user } from "./tables.ts";

export interface NewUser {
  name: string;
  email: string;
  password: string;
  roles: Role[];
  locale?: Locale;
  timeZone?: string;
  emailVerified?: boolean;
}

/**
 * Creates a user with a password through Better Auth's own adapter (so hashing and ids match a
 * real sign-up), bypassing the HTTP sign-up flow. Used by the demo seed, the admin script and tests.
 */
export async function createUserWithPassword(
  auth: Auth,
  input: NewUser,
  /** The password's hash made already (the demo seed hashes its one shared password once). */
  passwordHash?: string,
): Promise<{ id: string }> {
  const ctx = await auth.$context;
  const created = await ctx.internalAdapter.createUser(
    {
      name: input.name,
      email: input.email.toLowerCase(),
      emailVerified: input.emailVerified ?? true,
      roles: input.roles,
      locale: input.locale ?? "de",
      timeZone: input.timeZone ?? "Europe/Berlin",
    },
    { method: "email-password" },
  );
  await ctx.internalAdapter.linkAccount({
    userId: created.id,
    providerId: "credential",
    accountId: created.id,
    password: passwordHash ?? (await ctx.password.hash(input.password)),
  });
  return { id: created.id };
}

export async function findUserByEmail(db: Db, email: string) {
  const [row] = await db.select().from(user).where(eq(user.email, email.toLowerCase()));
  return row;
}

/** The password's hash as Better Auth stores it. */
export async function hashPassword(auth: Auth, password: string): Promise<string> {
  return (await auth.$context).password.hash(password);
}
