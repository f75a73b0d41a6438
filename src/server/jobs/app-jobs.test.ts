import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { createTestApp } from "../testing/app.ts";
import { type Jobs, startJobs } from "./boss.ts";
import { defineJob } from "./define.ts";
import { APP_JOBS } from "./registry.ts";
import { capturedLog } from "./testing.ts";

let app: Awaited<ReturnType<typeof createTestApp>>;
/** A second server's queue on the app's database, as another instance would have. */
let other: Jobs;

beforeAll(async () => {
  app = await createTestApp();
  other = await startJobs(app.database, capturedLog().log);
});
afterAll(async () => {
  await other.stop();
  await app.close();
});

describe("the app's jobs", () => {
  it("has each declared job's queue with its settings, and its schedule", async () => {
    const queues = new Map((await other.boss.getQueues()).map((q) => [q.name, q]));
    const schedules = new Map((await other.boss.getSchedules()).map((s) => [s.name, s]));
    for (const job of APP_JOBS) {
      const queue = queues.get(job.id);
      expect(queue, job.id).toMatchObject({ policy: "standard", ...job.queue });
      expect(schedules.get(job.id)?.cron, job.id).toBe(job.schedule?.cron);
      if (job.schedule) expect(schedules.get(job.id)?.data).toEqual({ version: job.version, payload: {} });
    }
    // The relay's wake-up coalesces, and the sweeps run every minute (decision 0004).
    expect(queues.get("mail.drain")?.policy).toBe("short");
    expect(schedules.get("mail.drain")?.cron).toBe("* * * * *");
    expect(schedules.get("interviews.reminders")?.cron).toBe("* * * * *");
  });

  it("runs a job sent inside a transaction only if the transaction commits", async () => {
    const ran: number[] = [];
    const probe = defineJob({
      id: "test.probe",
      version: 1,
      payload: z.object({ n: z.number().int() }),
      work: { pollingIntervalSeconds: 0.5 },
      handler: async ({ n }, context: { ran: number[] }) => void context.ran.push(n),
    });
    await other.run([probe], { ran });
    const db = app.database.db;
    await expect(
      db.transaction(async (tx) => {
        await other.send(probe, { n: 1 }, { tx });
        // Seen inside the transaction it was written in…
        const inside = await tx.execute(
          sql`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'test.probe'`,
        );
        expect((inside as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(1);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    await db.transaction(async (tx) => {
      await other.send(probe, { n: 2 }, { tx });
    });
    // …and gone with it: only the committed job was ever stored, and run.
    const stored = async () =>
      (await other.boss.findJobs<{ payload: { n: number } }>("test.probe")).map((j) => [
        j.data.payload.n,
        j.state,
      ]);
    await vi.waitFor(async () => expect(await stored()).toEqual([[2, "completed"]]), {
      timeout: 20_000,
      interval: 100,
    });
    expect(ran).toEqual([2]);
  });
});
