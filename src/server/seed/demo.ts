import { count, inArray } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { createUserWithPassword, type NewUser } from "../../features/accounts/factory.ts";
import { user } from "../../features/accounts/tables.ts";

/** The demo logins the README lists. One password for all, long enough for the policy. */
export const DEMO_PASSWORD = "assista-demo-2026";
export const DEMO_USERS: NewUser[] = [
  {
    name: "Clara Berger",
    email: "client@demo.assista.app",
    password: DEMO_PASSWORD,
    roles: ["client"],
    locale: "de",
    timeZone: "Europe/Berlin",
  },
  {
    name: "Anna Schmidt",
    email: "anna@demo.assista.app",
    password: DEMO_PASSWORD,
    roles: ["assistant"],
    locale: "de",
    timeZone: "Europe/Berlin",
  },
  {
    name: "Maria Santos",
    email: "maria@demo.assista.app",
    password: DEMO_PASSWORD,
    roles: ["assistant"],
    locale: "en",
    timeZone: "Asia/Manila",
  },
  {
    name: "James Miller",
    email: "james@demo.assista.app",
    password: DEMO_PASSWORD,
    roles: ["assistant", "client"],
    locale: "en",
    timeZone: "America/New_York",
  },
  {
    name: "Admin",
    email: "admin@demo.assista.app",
    password: DEMO_PASSWORD,
    roles: ["admin"],
    locale: "de",
    timeZone: "Europe/Berlin",
  },
];

/** First start: seed only a database without any user, so real data is never touched. */
export async function seedDemoIfEmpty(app: FastifyInstance): Promise<boolean> {
  const [row] = await app.database.db.select({ n: count() }).from(user);
  if ((row?.n ?? 0) > 0) return false;
  await seedDemo(app);
  return true;
}

/** Replaces the demo accounts (and only those) with fresh ones. */
export async function seedDemo(app: FastifyInstance): Promise<void> {
  const emails = DEMO_USERS.map((u) => u.email);
  await app.database.db.delete(user).where(inArray(user.email, emails));
  for (const demo of DEMO_USERS) await createUserWithPassword(app.auth, demo);
  app.log.info({ accounts: emails }, `demo accounts ready (password ${DEMO_PASSWORD})`);
}
