import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { type BuildOptions, buildApp } from "../app.ts";
import { type Config, parseConfig } from "../config.ts";
import type { Database } from "../db/client.ts";
import { testDatabase } from "./databases.ts";

export const TEST_ORIGIN = "http://localhost:3000";
/** The bearer token test apps serve /metrics with. */
export const TEST_METRICS_TOKEN = "test-metrics-token-test-metrics-token-0123";

/**
 * An app on its own fresh database, as the tests' `app.inject` target. Close it in afterAll.
 * Given `shared`, the app uses that database instead (a second instance beside the first) and
 * leaves closing it to its owner.
 */
export async function createTestApp(
  env: Record<string, string> = {},
  options: Omit<BuildOptions, "database"> = {},
  shared?: Database,
): Promise<FastifyInstance & { config: Config }> {
  const config = parseConfig({
    NODE_ENV: "test",
    PUBLIC_URL: TEST_ORIGIN,
    AUTH_SECRET: "test-secret-test-secret-test-secret-0123",
    DATA_DIR: mkdtempSync(join(tmpdir(), "assista-app-")),
    WEB_DIST_DIR: join(tmpdir(), "assista-no-web"),
    METRICS_TOKEN: TEST_METRICS_TOKEN,
    ...env,
  });
  const database = shared ?? (await testDatabase());
  const app = await buildApp(config, {
    logger: process.env.TEST_LOG === "1" ? { level: "error" } : false,
    ...options,
    database,
  });
  if (!shared) app.addHook("onClose", async () => database.close());
  return Object.assign(app, { config });
}
