import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../testing/databases.ts";
import type { Database } from "./client.ts";

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(() => database.close());

// Catalog questions in plain SQL, on whichever of the two databases the suite runs.
async function rows<T>(text: string, params: unknown[] = []): Promise<T[]> {
  const result =
    database.kind === "pglite"
      ? await database.pglite.query<T>(text, params)
      : await database.pool.query(text, params);
  return result.rows as T[];
}

describe("the migrated schema", () => {
  // PGlite runs in the app's process: loading an extension (a WebAssembly side module) made every
  // process.nextTick about seven times slower (decision 0010). A migration that needs one must
  // come with that measurement, so this list changes on purpose only.
  it("needs no PostgreSQL extension beyond plpgsql", async () => {
    const extensions = await rows<{ extname: string }>("select extname from pg_extension order by 1");
    expect(extensions.map((r) => r.extname)).toEqual(["plpgsql"]);
  });

  it("keeps one person out of two overlapping holds, and lets two people share a time", async () => {
    const [constraint] = await rows<{ def: string }>(
      "select pg_get_constraintdef(oid) as def from pg_constraint where conname = 'interview_hold_no_overlap'",
    );
    expect(constraint?.def).toContain("person_range(user_id, user_id");
    const overlaps = async (a: string, b: string) => {
      const [row] = await rows<{ overlap: boolean }>(
        "select person_range($1::text, $1::text, '[]') && person_range($2::text, $2::text, '[]') as overlap",
        [a, b],
      );
      return row?.overlap;
    };
    expect(await overlaps("user-a", "user-a")).toBe(true);
    // Byte comparison (collation "C"): ids differing only in case or by a prefix are different people.
    expect(await overlaps("user-a", "User-a")).toBe(false);
    expect(await overlaps("user-a", "user-ab")).toBe(false);
  });
});
