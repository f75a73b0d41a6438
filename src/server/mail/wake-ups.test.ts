import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/client.ts";
import { type Jobs, startJobs } from "../jobs/boss.ts";
import { capturedLog } from "../jobs/testing.ts";
import { testDatabase } from "../testing/databases.ts";
import { mailDrainJob } from "./jobs.ts";

// The relay's queue as declared, with no worker: what waits is what the policy kept.
let database: Database;
let jobs: Jobs;
beforeAll(async () => {
  database = await testDatabase();
  jobs = await startJobs(database, capturedLog().log);
  await jobs.boss.createQueue(mailDrainJob.id, mailDrainJob.queue);
});
afterAll(async () => {
  await jobs.stop();
  await database.close();
});

const waiting = async () => (await jobs.boss.findJobs(mailDrainJob.id, { queued: true })).length;

describe("mail relay wake-ups", () => {
  it("keep one waiting however many are sent", async () => {
    expect(await jobs.send(mailDrainJob, {})).not.toBeNull();
    expect(await jobs.send(mailDrainJob, {})).toBeNull();
    expect(await jobs.send(mailDrainJob, {})).toBeNull();
    expect(await waiting()).toBe(1);
    await jobs.boss.deleteQueuedJobs(mailDrainJob.id);
  });

  it("are not held back by a retry waiting for its time", async () => {
    expect(await jobs.send(mailDrainJob, { retry: true }, { startAfterSeconds: 120 })).not.toBeNull();
    // A mail written now still wakes the relay now, not after the other mail's backoff.
    expect(await jobs.send(mailDrainJob, {})).not.toBeNull();
    expect(await jobs.send(mailDrainJob, { retry: true }, { startAfterSeconds: 2 })).toBeNull();
    expect(await waiting()).toBe(2);
  });
});
