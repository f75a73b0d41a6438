import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openPglite } from "./client.ts";
import { migrate } from "./migrate.ts";

// The embedded database of `npm start` runs in its own thread (decision 0024): the app must see
// PGlite's behaviour through it (rows, types, errors, transactions) and keep its event loop free
// while a query runs.
let database: Database;
const rows = async (query: ReturnType<typeof sql>) =>
  ((await database.db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;

beforeAll(async () => {
  database = await openPglite(mkdtempSync(join(tmpdir(), "assista-thread-")));
  await migrate(database);
  await database.db.execute(sql`CREATE TABLE thread_probe (id int PRIMARY KEY, at timestamptz, body jsonb)`);
}, 60_000);
afterAll(() => database?.close());

describe("PGlite in its own thread", () => {
  it("answers queries with their values and types", async () => {
    const at = new Date("2026-12-04T10:00:00.000Z");
    await database.db.execute(
      sql`INSERT INTO thread_probe VALUES (1, ${at.toISOString()}, ${JSON.stringify({ a: [1, 2] })})`,
    );
    const [row] = await rows(sql`SELECT id, at, body, 2::bigint AS big FROM thread_probe WHERE id = ${1}`);
    expect(row?.id).toBe(1);
    expect(new Date(String(row?.at)).toISOString()).toBe(at.toISOString());
    expect(row?.body).toEqual({ a: [1, 2] });
  });

  it("passes PostgreSQL's error fields on, so a unique violation is recognised", async () => {
    type Fields = { code?: string; constraint?: string; cause?: Fields };
    const error = (await database.db
      .execute(sql`INSERT INTO thread_probe (id) VALUES (1)`)
      .catch((e: unknown) => e)) as Fields;
    const cause = error.cause ?? error;
    expect(cause.code).toBe("23505");
    expect(cause.constraint).toBe("thread_probe_pkey");
  });

  it("commits a transaction's writes together and rolls all of them back on an error", async () => {
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO thread_probe (id) VALUES (2)`);
      await tx.execute(sql`INSERT INTO thread_probe (id) VALUES (3)`);
    });
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO thread_probe (id) VALUES (4)`);
        await tx.execute(sql`INSERT INTO thread_probe (id) VALUES (1)`);
      }),
    ).rejects.toThrow();
    const ids = (await rows(sql`SELECT id FROM thread_probe ORDER BY id`)).map((r) => r.id);
    expect(ids).toEqual([1, 2, 3]);
  });

  it("keeps statements from outside an open transaction out of it", async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const inside = database.db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO thread_probe (id) VALUES (5)`);
      await held;
      await tx.execute(sql`DELETE FROM thread_probe WHERE id = 5`);
    });
    // Waits for the transaction: it must not see (or be part of) its uncommitted row.
    const outside = rows(sql`SELECT count(*)::int AS n FROM thread_probe WHERE id = 5`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    await inside;
    expect((await outside)[0]?.n).toBe(0);
  });

  it("leaves the event loop free while a slow query runs", async () => {
    let longestGap = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 5);
    const started = performance.now();
    await rows(sql`SELECT count(*) FROM generate_series(1, 3000000)`);
    const took = performance.now() - started;
    clearInterval(timer);
    expect(took).toBeGreaterThan(100);
    expect(longestGap).toBeLessThan(took / 3);
  });
});
