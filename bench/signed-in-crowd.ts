// Many signed-in people for a bench, without paying a password hash each: signing up and in
// through the API costs two scrypt runs (~150 ms of a core each), so a thousand people took minutes
// of setup before a twenty-second measurement. One person per role goes through the real sign-up
// and sign-in; the others are copies of that person's rows (same password hash) with a session of
// their own, its cookie signed with the server's secret as Better Auth signs it. One copied cookie
// is checked against the API before the crowd is handed out.
import { randomBytes, randomUUID } from "node:crypto";
import type pg from "pg";
import { signUpVerified } from "./bench-postgres.ts";

export interface Person {
  id: string;
  cookie: string;
}

/** Better Auth's cookie value: the token, a dot and its HMAC-SHA-256 in base64, URL-encoded. */
async function signedToken(token: string, secret: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const signature = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(token));
  return encodeURIComponent(`${token}.${Buffer.from(signature).toString("base64")}`);
}

/**
 * `count` people of `role` (`n` numbers them, as in signUpVerified), signed in on the server at
 * `origin` that signs cookies with `secret`.
 */
export async function signedInCrowd(
  origin: string,
  db: pg.Client,
  secret: string,
  role: string,
  count: number,
  n: number,
): Promise<Person[]> {
  const first = await signUpVerified(origin, db, n, role);
  const cookieName = first.cookie.split("=")[0] as string;
  const people: Person[] = [first];
  const users: unknown[] = [];
  const sessions: unknown[] = [];
  const expires = new Date(Date.now() + 7 * 86_400_000).toISOString();
  for (let i = 1; i < count; i++) {
    const id = randomUUID();
    const token = randomBytes(24).toString("base64url");
    users.push({ id, email: `${role}-${n + i}@bench.assista.test`, name: `${role} ${n + i}` });
    sessions.push({ id: randomUUID(), token, user_id: id, expires_at: expires });
    people.push({ id, cookie: `${cookieName}=${await signedToken(token, secret)}` });
  }
  await db.query(
    `INSERT INTO "user" (id, name, email, email_verified, roles, locale, time_zone)
     SELECT u.id, u.name, u.email, true, f.roles, f.locale, f.time_zone
     FROM jsonb_to_recordset($1::jsonb) AS u(id text, email text, name text), "user" f WHERE f.id = $2`,
    [JSON.stringify(users), first.id],
  );
  await db.query(
    `INSERT INTO account (id, account_id, provider_id, user_id, password)
     SELECT gen_random_uuid()::text, u.id, 'credential', u.id, a.password
     FROM jsonb_to_recordset($1::jsonb) AS u(id text), account a
     WHERE a.user_id = $2 AND a.provider_id = 'credential'`,
    [JSON.stringify(users), first.id],
  );
  await db.query(
    `INSERT INTO session (id, token, user_id, expires_at)
     SELECT s.id, s.token, s.user_id, s.expires_at FROM jsonb_to_recordset($1::jsonb)
       AS s(id text, token text, user_id text, expires_at timestamptz)`,
    [JSON.stringify(sessions)],
  );
  const copy = people.at(-1) as Person;
  const me = await fetch(`${origin}/api/v1/threads`, { headers: { cookie: copy.cookie } });
  if (!me.ok) throw new Error(`a copied session is refused: ${me.status} ${await me.text()}`);
  return people;
}
