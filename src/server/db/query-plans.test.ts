import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setTestAvailability, weekdayAt } from "../../features/interviews/testing.ts";
import { jobInput } from "../../features/jobs/testing.ts";
import { encodeCursor } from "../cursor.ts";
import { createTestApp } from "../testing/app.ts";
import { testDatabase } from "../testing/databases.ts";
import { Browser, nextIp, signedIn } from "../testing/http.ts";
import type { Database } from "./client.ts";

// The hot lists must not cost more as the tables grow: over seeded tables, after ANALYZE, the
// planner has to choose an index by itself for each of them. The statements are the ones the
// routes send (captured from Drizzle's logger), so a changed query is checked as it is.

/** Rows cloned into each large table; enough that a sequential scan or a full sort costs more. */
const N = 10_000;
/** A Sort node over more rows than this sorts the whole list, not a page of it. */
const SORT_LIMIT = 1_000;
const LARGE = new Set(["job", "bid", "user", "notification", "thread", "thread_participant", "interview"]);

let database: Database;
let app: Awaited<ReturnType<typeof createTestApp>>;
let client: Awaited<ReturnType<typeof signedIn>>;
let assistant: Awaited<ReturnType<typeof signedIn>>;
let jobId: string;
let captured: { sql: string; params: unknown[] }[] = [];

async function run(text: string, params: unknown[] = []) {
  if (database.kind === "pglite")
    return (await database.pglite.query<Record<string, unknown>>(text, params)).rows;
  return (await database.pool.query(text, params)).rows as Record<string, unknown>[];
}

/**
 * Copies the rows `where` picks from `table` once per row of `source` (which yields `g`), with the
 * columns in `set` computed from it: unique columns get new values, the rest stay the template's
 * (generated columns are left to PostgreSQL).
 */
async function clone(table: string, where: string, source: string, set: Record<string, string>) {
  const cols = (
    await run(
      "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position",
      [table],
    )
  ).map((r) => String(r.column_name));
  const values = cols.map((c) => set[c] ?? `t."${c}"`).join(", ");
  await run(
    `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(", ")}) SELECT ${values} FROM "${table}" t, ${source} WHERE ${where}`,
  );
}

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Plan Rows": number; Plans?: PlanNode[] };

async function planOf(statement: { sql: string; params: unknown[] }): Promise<PlanNode> {
  const [row] = await run(`EXPLAIN (FORMAT JSON) ${statement.sql}`, statement.params);
  const value = Object.values(row ?? {})[0];
  const parsed = (typeof value === "string" ? JSON.parse(value) : value) as { Plan: PlanNode }[];
  return parsed[0]?.Plan as PlanNode;
}

/** What in a plan grows with the data: sequential scans of large tables and sorts of whole lists. */
function problems(node: PlanNode, out: string[] = []): string[] {
  if (node["Node Type"] === "Seq Scan" && LARGE.has(node["Relation Name"] ?? ""))
    out.push(`Seq Scan on ${node["Relation Name"]}`);
  if (node["Node Type"] === "Sort" && node["Plan Rows"] > SORT_LIMIT)
    out.push(`Sort of ${node["Plan Rows"]} rows`);
  for (const child of node.Plans ?? []) problems(child, out);
  return out;
}

/** The statement a request sends that `pick` recognises (the list query itself). */
async function statementOf(request: () => Promise<{ statusCode: number; body: string }>, pick: RegExp) {
  captured = [];
  const res = await request();
  expect(res.statusCode, res.body).toBe(200);
  const found = captured.filter((s) => pick.test(s.sql));
  expect(found.length, `no statement matched ${pick}`).toBeGreaterThan(0);
  return found[0] as { sql: string; params: unknown[] };
}

async function expectIndexed(request: () => Promise<{ statusCode: number; body: string }>, pick: RegExp) {
  const statement = await statementOf(request, pick);
  const plan = await planOf(statement);
  expect(problems(plan), `${statement.sql}\n${JSON.stringify(plan, null, 1)}`).toEqual([]);
}

type Analyzed = PlanNode & {
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Rows Removed by Filter"?: number;
  Plans?: Analyzed[];
};

/** Scans of large tables that read more rows than a sort may hold (found and filtered out alike). */
function overreads(node: Analyzed, out: string[] = []): string[] {
  const relation = node["Relation Name"] ?? "";
  const read =
    ((node["Actual Rows"] ?? 0) + (node["Rows Removed by Filter"] ?? 0)) * (node["Actual Loops"] ?? 1);
  if (LARGE.has(relation) && read > SORT_LIMIT)
    out.push(`${node["Node Type"]} on ${relation} read ${read} rows`);
  for (const child of node.Plans ?? []) overreads(child, out);
  return out;
}

/**
 * A page from the middle of a list must cost what the first does: the cursor has to bound the
 * index scan, not filter what the scan has read from the top (EXPLAIN ANALYZE counts both).
 * `cursorRow` finds the row the cursor stands at, as `at` (a time or a number) and `id`.
 */
async function expectDeepPageBounded(
  path: (cursor: string) => string,
  browser: { get(url: string): Promise<{ statusCode: number; body: string }> },
  pick: RegExp,
  cursorRow: string,
) {
  const [row] = await run(cursorRow);
  expect(row, cursorRow).toBeDefined();
  const at = row?.at instanceof Date ? row.at : new Date(Number(row?.at));
  const cursor = encodeCursor(at, String(row?.id));
  const statement = await statementOf(() => browser.get(path(cursor)), pick);
  const [result] = await run(`EXPLAIN (ANALYZE, FORMAT JSON) ${statement.sql}`, statement.params);
  const value = Object.values(result ?? {})[0];
  const plan = ((typeof value === "string" ? JSON.parse(value) : value) as { Plan: Analyzed }[])[0]
    ?.Plan as Analyzed;
  expect(overreads(plan), `${statement.sql}\n${JSON.stringify(plan, null, 1)}`).toEqual([]);
}

beforeAll(async () => {
  database = await testDatabase();
  app = await createTestApp({}, {}, database);
  // Drizzle logs every statement with its parameters; the test keeps them to EXPLAIN.
  const session = (database.db as unknown as { session: { logger: unknown } }).session;
  session.logger = {
    logQuery: (text: string, params: unknown[]) => captured.push({ sql: text, params }),
  };

  client = await signedIn(app, ["client"]);
  const created = (await client.post("/api/v1/jobs", jobInput())).json();
  jobId = created.id;
  await client.post(`/api/v1/jobs/${jobId}/transitions`, { action: "publish" });
  assistant = await signedIn(app, ["assistant"]);
  const bidRes = await assistant.post(`/api/v1/jobs/${jobId}/bids`, {
    rateMinor: 3000,
    coverLetter: "Ich habe 12 Jahre Erfahrung als Büroleiterin.",
    answers: ["DATEV und Lexware"],
    earliestStart: "2027-01-04",
  });
  expect(bidRes.statusCode, bidRes.body).toBe(201);
  const templateBid = bidRes.json().id as string;
  const threadRes = await client.post(`/api/v1/bids/${templateBid}/thread`);
  expect(threadRes.statusCode, threadRes.body).toBe(201);
  const templateThread = threadRes.json().id as string;
  await setTestAvailability(client, assistant);
  const interviewRes = await client.post(`/api/v1/bids/${templateBid}/interviews`, {
    durationMinutes: 30,
    proposals: [weekdayAt(10).toISOString()],
  });
  expect(interviewRes.statusCode, interviewRes.body).toBe(201);
  const templateInterview = interviewRes.json().id as string;

  const series = `generate_series(1, ${N}) g`;
  await clone("user", `t.id = '${assistant.userId}'`, series, {
    id: `'seed-' || g`,
    email: `'seed-' || g || '@example.test'`,
  });
  // Open jobs of other clients, published over the last days.
  await clone("job", `t.id = '${jobId}'`, series, {
    id: "gen_random_uuid()",
    client_id: `'seed-' || g`,
    published_at: `now() - g * interval '1 minute'`,
    created_at: `now() - g * interval '1 minute'`,
  });
  // Bids on the one job, from as many assistants, with rates and overlaps spread out.
  await clone("bid", `t.id = '${templateBid}'`, series, {
    id: "gen_random_uuid()",
    assistant_id: `'seed-' || g`,
    rate_minor: "1 + (g * 7919) % 3500",
    overlap_minutes: "CASE WHEN g % 10 = 0 THEN NULL ELSE (g * 31) % 480 END",
    years_experience: "CASE WHEN g % 9 = 0 THEN NULL ELSE g % 40 END",
    created_at: `now() - g * interval '1 second'`,
  });
  // Notifications: as many for the client as for everyone else together.
  await clone("notification", `t.user_id = '${client.userId}'`, series, {
    id: "gen_random_uuid()",
    user_id: `CASE WHEN g % 2 = 0 THEN '${client.userId}' ELSE 'seed-' || g END`,
    created_at: `now() - g * interval '1 second'`,
  });
  // A thread per seeded bid, each with the client and the bid's assistant, active over the last hours.
  await clone(
    "thread",
    `t.id = '${templateThread}'`,
    `(SELECT id AS bid_id, row_number() OVER () AS g FROM bid WHERE job_id = '${jobId}' AND id <> '${templateBid}') s`,
    { id: "gen_random_uuid()", bid_id: "s.bid_id", last_activity_at: `now() - s.g * interval '1 second'` },
  );
  await run(
    `INSERT INTO thread_participant (thread_id, user_id, last_activity_at)
     SELECT t.id, p.user_id, t.last_activity_at FROM thread t JOIN bid b ON b.id = t.bid_id,
       LATERAL (VALUES ('${client.userId}'), (b.assistant_id)) p(user_id)
     WHERE t.id <> '${templateThread}'`,
  );
  // Interviews, half the client's and half the assistant's, with others; nearly all of them past.
  await clone("interview", `t.id = '${templateInterview}'`, series, {
    id: "gen_random_uuid()",
    client_id: `CASE WHEN g % 2 = 0 THEN '${client.userId}' ELSE 'seed-' || g END`,
    assistant_id: `CASE WHEN g % 2 = 0 THEN 'seed-' || g ELSE '${assistant.userId}' END`,
    status: `CASE WHEN g % 7 = 0 THEN 'cancelled' ELSE 'confirmed' END`,
    starts_at: `now() + (20 - g) * interval '1 hour'`,
    ends_at: `now() + (20 - g) * interval '1 hour' + interval '30 minutes'`,
  });
  await run("ANALYZE");
}, 120_000);

afterAll(() => app?.close());

describe("the hot lists use their indexes over large tables", () => {
  it("the job board's first page", async () => {
    const anonymous = new Browser(app, nextIp());
    await expectIndexed(() => anonymous.get("/api/v1/job-board"), /from "job"[\s\S]*order by/i);
  });

  for (const sort of ["submitted", "rate", "overlap", "experience"] as const) {
    for (const order of ["desc", "asc"] as const) {
      it(`a job's bids sorted by ${sort} (${order})`, async () => {
        await expectIndexed(
          () => client.get(`/api/v1/jobs/${jobId}/bids?sort=${sort}&order=${order}`),
          /from "bid"[\s\S]*order by/i,
        );
      });
    }
  }

  it("a user's notifications", async () => {
    await expectIndexed(() => client.get("/api/v1/notifications"), /from "notification"[\s\S]*order by/i);
  });

  const MIDDLE = N / 4;
  describe("a page from the middle", () => {
    it("of the job board", async () => {
      await expectDeepPageBounded(
        (c) => `/api/v1/job-board?cursor=${c}`,
        new Browser(app, nextIp()),
        /from "job"[\s\S]*order by/i,
        `SELECT published_at AS at, id FROM job WHERE status = 'open' ORDER BY published_at DESC, id DESC OFFSET ${MIDDLE} LIMIT 1`,
      );
    });

    const keys = {
      submitted: "created_at",
      rate: "rate_minor",
      overlap: "coalesce(overlap_minutes, -1)",
      experience: "coalesce(years_experience, -1)",
    };
    for (const [sort, key] of Object.entries(keys)) {
      for (const order of ["desc", "asc"] as const) {
        it(`of a job's bids sorted by ${sort} (${order})`, async () => {
          await expectDeepPageBounded(
            (c) => `/api/v1/jobs/${jobId}/bids?sort=${sort}&order=${order}&cursor=${c}`,
            client,
            /from "bid"[\s\S]*order by/i,
            `SELECT ${key} AS at, id FROM bid WHERE job_id = '${jobId}' ORDER BY ${key} ${order}, id ${order} OFFSET ${MIDDLE} LIMIT 1`,
          );
        });
      }
    }

    it("of a user's notifications", async () => {
      await expectDeepPageBounded(
        (c) => `/api/v1/notifications?cursor=${c}`,
        client,
        /from "notification"[\s\S]*order by/i,
        `SELECT created_at AS at, id FROM notification WHERE user_id = '${client.userId}' ORDER BY created_at DESC, id DESC OFFSET ${MIDDLE} LIMIT 1`,
      );
    });

    it("of a user's threads", async () => {
      await expectDeepPageBounded(
        (c) => `/api/v1/threads?cursor=${c}`,
        client,
        /from "thread_participant"[\s\S]*order by/i,
        `SELECT last_activity_at AS at, thread_id AS id FROM thread_participant WHERE user_id = '${client.userId}' ORDER BY last_activity_at DESC, thread_id DESC OFFSET ${MIDDLE} LIMIT 1`,
      );
    });

    it("of a user's past interviews", async () => {
      await expectDeepPageBounded(
        (c) => `/api/v1/interviews?view=past&cursor=${c}`,
        client,
        /from "interview"[\s\S]*order by/i,
        `SELECT first_at AS at, id FROM interview WHERE client_id = '${client.userId}' ORDER BY first_at DESC, id DESC OFFSET ${MIDDLE} LIMIT 1`,
      );
    });
  });

  it("a user's threads", async () => {
    await expectIndexed(() => client.get("/api/v1/threads"), /from "thread_participant"[\s\S]*order by/i);
  });

  for (const view of ["upcoming", "past"] as const) {
    for (const who of ["client", "assistant"] as const) {
      it(`a user's ${view} interviews (as ${who})`, async () => {
        const browser = who === "client" ? client : assistant;
        await expectIndexed(
          () => browser.get(`/api/v1/interviews?view=${view}`),
          /from "interview"[\s\S]*order by/i,
        );
      });
    }
  }
});
