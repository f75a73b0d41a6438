import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Database } from "../db/client.ts";
import { testDatabase } from "../testing/databases.ts";
import { type Jobs, startJobs } from "./boss.ts";
import { defineJob, JobPayloadError } from "./define.ts";
import { capturedLog } from "./testing.ts";

interface Seen {
  seen: unknown[];
}

const fast = { pollingIntervalSeconds: 0.5 };

const greeting = defineJob({
  id: "test.greeting",
  version: 1,
  payload: z.object({
    name: z.string().min(1),
    at: z.iso.datetime().transform((s) => new Date(s)),
    times: z.number().int().default(1),
  }),
  work: fast,
  handler: async (payload, context: Seen) => void context.seen.push(payload),
});

const dated = defineJob({
  id: "test.dated",
  version: 1,
  payload: z.object({ when: z.date() }),
  handler: async (payload, context: Seen) => void context.seen.push(payload),
});

/** The same job before and after its payload changed; the new schema would still parse old ones. */
const renamed = (version: number, retryLimit = 0) =>
  defineJob({
    id: "test.renamed",
    version,
    payload: z.object({ name: z.string() }),
    queue: { retryLimit },
    work: fast,
    handler: async (payload, context: Seen) => void context.seen.push(payload),
  });

let database: Database;
let jobs: Jobs;
const { log, lines } = capturedLog();
const context: Seen = { seen: [] };

beforeAll(async () => {
  database = await testDatabase();
  jobs = await startJobs(database, log);
});
afterAll(async () => {
  await jobs.stop();
  await database.close();
});

const settled = (name: string, id: string) =>
  vi.waitFor(
    async () => {
      const [job] = await jobs.boss.findJobs(name, { id });
      if (!job || !["completed", "failed", "retry"].includes(job.state)) throw new Error("not yet");
      return job;
    },
    { timeout: 20_000, interval: 100 },
  );

describe("declared jobs", () => {
  it("refuses a payload its schema does not accept at send, naming the job and the fields", async () => {
    await jobs.run([greeting, dated], context);
    const sent = jobs.send(greeting, { name: "", at: "yesterday" });
    await expect(sent).rejects.toThrow(JobPayloadError);
    await expect(sent).rejects.toThrow(/job test\.greeting v1: payload refused[\s\S]*name[\s\S]*at/);
    // @ts-expect-error: send accepts only the job's payload type
    await expect(jobs.send(greeting, { nom: "Ada", at: "2026-01-02T03:04:05Z" })).rejects.toThrow(
      /expected string/,
    );
    // A Date reaches the worker as a string: refused here, where the mistake is.
    await expect(jobs.send(dated, { when: new Date() })).rejects.toThrow(/job test\.dated v1/);
    expect(await jobs.boss.findJobs(greeting.id)).toEqual([]);
    expect(await jobs.boss.findJobs(dated.id)).toEqual([]);
  });

  it("gives the handler the payload its schema parsed", async () => {
    const id = await jobs.send(greeting, { name: "Ada", at: "2026-01-02T03:04:05Z" });
    expect((await settled(greeting.id, id as string)).state).toBe("completed");
    expect(context.seen).toEqual([{ name: "Ada", at: new Date("2026-01-02T03:04:05Z"), times: 1 }]);
  });

  it("does not run an older version's payload with the new handler: failed at once, with a log line", async () => {
    await jobs.boss.createQueue("test.renamed", { retryLimit: 3 });
    const old = await jobs.send(renamed(1), { name: "Ada" });
    context.seen.length = 0;
    await jobs.run([renamed(2, 3)], context);
    const job = await settled("test.renamed", old as string);
    expect(job.state).toBe("failed");
    expect(job.retryCount).toBe(0);
    expect(job.output).toMatchObject({ version: 1, refused: "older than the handler's v2" });
    expect(context.seen).toEqual([]);
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 50,
        job: "test.renamed",
        msg: "job test.renamed: payload older than the handler's v2; not run, failed without retry",
      }),
    );
  });

  it("leaves a newer version's payload for a newer server, and fails a stored payload that does not parse", async () => {
    const newer = await jobs.send(renamed(3), { name: "Ada" });
    expect((await settled("test.renamed", newer as string)).state).toMatch(/^(retry|failed)$/);
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 40, msg: expect.stringMatching(/newer than this server's v2/) }),
    );
    for (const data of [{ version: 2, payload: { name: 7 } }, { name: "Ada" }]) {
      const id = await jobs.boss.send("test.renamed", data);
      const job = await settled("test.renamed", id as string);
      expect(job.state).toBe("failed");
      expect(job.retryCount).toBe(0);
    }
    expect(lines.map((l) => l.msg)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/payload does not parse: .*name/s),
        expect.stringMatching(/payload stored without a version/),
      ]),
    );
    expect(context.seen).toEqual([]);
  });

  it("refuses to start a job whose queue exists with another policy, and drops a schedule no longer declared", async () => {
    const once = (policy: "short" | "standard", cron?: string) =>
      defineJob({
        id: "test.swept",
        version: 1,
        payload: z.object({}),
        queue: { policy },
        ...(cron ? { schedule: { cron } } : {}),
        handler: async (_payload, _context: object) => {},
      });
    await jobs.run([once("short", "0 4 * * *")], {});
    expect((await jobs.boss.getSchedules("test.swept")).map((s) => s.cron)).toEqual(["0 4 * * *"]);
    await expect(jobs.run([once("standard")], {})).rejects.toThrow(
      'job test.swept: its queue has policy "short", declared "standard"',
    );
    await jobs.run([once("short")], {});
    expect(await jobs.boss.getSchedules("test.swept")).toEqual([]);
  });
});
