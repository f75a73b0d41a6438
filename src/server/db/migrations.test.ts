import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../testing/databases.ts";
import type { Database } from "./client.ts";

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(() => database.close());

describe("the migrated schema", () => {
  // PGlite runs in the app's process: loading an extension (a WebAssembly side module) made every
  // process.nextTick about seven times slower (decision 0010). A migration that needs one must
  // come with that measurement, so this list changes on purpose only.
  it("needs no PostgreSQL extension beyond plpgsql", async () => {
    const { rows } = await database.db.execute<{ extname: string }>(
      sql`select extname from pg_extension order by extname`,
    );
    expect(rows.map((r) => r.extname)).toEqual(["plpgsql"]);
  });

  it("keeps one person out of two overlapping holds, and lets two people share a time", async () => {
    const { rows } = await database.db.execute<{ def: string }>(
      sql`select pg_get_constraintdef(oid) as def from pg_constraint where conname = 'interview_hold_no_overlap'`,
    );
    expect(rows[0]?.def).toContain("person_range(user_id, user_id");
    const overlaps = async (a: string, b: string) => {
      const { rows: r } = await database.db.execute<{ overlap: boolean }>(
        sql`select person_range(${a}::text, ${a}::text, '[]') && person_range(${b}::text, ${b}::text, '[]') as overlap`,
      );
      return r[0]?.overlap;
    };
    expect(await overlaps("user-a", "user-a")).toBe(true);
    // Byte comparison (collation "C"): ids differing only in case or by a prefix are different people.
    expect(await overlaps("user-a", "User-a")).toBe(false);
    expect(await overlaps("user-a", "user-ab")).toBe(false);
  });
});
