import pg from "pg";
import { adminUrl } from "../src/server/testing/databases.ts";
import { signIn } from "./sign-in.ts";

/** PostgreSQL for a bench run: BENCH_DATABASE_URL or the local server. */
const BASE = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** Settings every bench server shares: one client address per simulated person, no demo data. */
export const BENCH_SERVER_ENV = {
  TRUST_PROXY: "true",
  RATE_LIMIT_PER_MINUTE: "100000000",
  SEED_DEMO: "false",
};

export const BENCH_PASSWORD = "benchmark-password-2026";

/** A fresh database for one run, a client on it for setup and checks, and its removal. */
export async function benchDatabase(prefix: string) {
  const name = `${prefix}_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl(BASE) });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = adminUrl(BASE, name);
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  return {
    url,
    db,
    async drop() {
      await db.end();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/**
 * Signs a person up through the API from their own address (sign-up and sign-in are throttled
 * per address), confirms the e-mail in the database and signs in: their session cookie and id.
 */
export async function signUpVerified(
  origin: string,
  db: pg.Client,
  n: number,
  role: string,
  name = `${role} ${n}`,
) {
  const email = `${role}-${n}@bench.assista.test`;
  const address = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
  await fetch(`${origin}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin, "x-forwarded-for": address },
    body: JSON.stringify({ name, email, password: BENCH_PASSWORD, role }),
  });
  await db.query(`UPDATE "user" SET email_verified = true WHERE email = $1`, [email]);
  return signIn(origin, email, BENCH_PASSWORD, address);
}
