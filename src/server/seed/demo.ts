import { count, inArray, or } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { createUserWithPassword, hashPassword, type NewUser } from "../../features/accounts/factory.ts";
import type { Role } from "../../features/accounts/schema.ts";
import { user } from "../../features/accounts/tables.ts";
import { contract } from "../../features/contracts/tables.ts";
import { seedMarketplace } from "./marketplace.ts";

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
    name: "Lena Hoffmann",
    email: "lena@demo.assista.app",
    password: DEMO_PASSWORD,
    roles: ["assistant"],
    locale: "de",
    timeZone: "Europe/Vienna",
  },
  {
    name: "Priya Nair",
    email: "priya@demo.assista.app",
    password: DEMO_PASSWORD,
    roles: ["assistant"],
    locale: "en",
    timeZone: "Europe/London",
  },
  {
    name: "Thomas Weber",
    email: "thomas@demo.assista.app",
    password: DEMO_PASSWORD,
    roles: ["client"],
    locale: "de",
    timeZone: "Europe/Berlin",
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

/** Replaces the demo accounts (and only those, with all they made) with fresh ones. */
export async function seedDemo(app: FastifyInstance): Promise<void> {
  const emails = DEMO_USERS.map((u) => u.email);
  const old = await app.database.db
    .select({ id: user.id, roles: user.roles })
    .from(user)
    .where(inArray(user.email, emails));
  // Their rows go with the accounts (foreign keys cascade); their stored files are removed first.
  for (const u of old) {
    const actor = { userId: u.id, roles: u.roles as Role[] };
    for (const sample of await app.services.samples.listOwn(actor))
      await app.services.samples.remove(actor, sample.id);
  }
  // Contracts are records that keep their parties (no cascade); demo ones go explicitly.
  const oldIds = old.map((u) => u.id);
  if (oldIds.length) {
    await app.database.db
      .delete(contract)
      .where(or(inArray(contract.clientId, oldIds), inArray(contract.assistantId, oldIds)));
  }
  await app.database.db.delete(user).where(inArray(user.email, emails));
  const ids = new Map<string, { id: string; roles: Role[] }>();
  // One hash for the one published password: each is a deliberately slow scrypt (~0.1 s of a core),
  // eight of them were a noticeable part of a first start, and a shared salt protects nothing
  // for a password printed in the README.
  const hash = await hashPassword(app.auth, DEMO_PASSWORD);
  for (const demo of DEMO_USERS) {
    const { id } = await createUserWithPassword(
      app.auth,
      demo,
      demo.password === DEMO_PASSWORD ? hash : undefined,
    );
    ids.set(demo.email, { id, roles: demo.roles });
  }
  await seedMarketplace(app, ids);
  app.log.info({ accounts: emails }, `demo accounts ready (password ${DEMO_PASSWORD})`);
}
