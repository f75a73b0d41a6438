import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM, CHROMIUM_ARGS } from "./scripts/chromium.ts";
import { startCommand } from "./scripts/start-command.ts";

// E2E_PORT lets two runs (e.g. a CI check beside a developer's run) share a machine.
const PORT = Number(process.env.E2E_PORT ?? 3210);
const BASE_URL = `http://127.0.0.1:${PORT}`;

// A fresh database per run. Workers load this file again; the variable (inherited from the main
// process) keeps them from each making a directory of their own.
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), "assista-e2e-"));

/** Specs that need fake media devices (their own project below). */
const MEDIA_SPECS = /(video-room|contract-call)\.spec\.ts$/;

export default defineConfig({
  testDir: "e2e",
  // One at a time by default: on two cores, two workers ran the suite in 18.0 instead of 20.4 min
  // but timed out a mail-driven spec under load. Each test seeds its own data, so E2E_WORKERS=2 works
  // on a bigger machine.
  workers: Number(process.env.E2E_WORKERS ?? 1),
  retries: 0,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  reporter: "list",
  // The account journeys visit ~10 pages with an axe scan each (a few seconds apiece).
  timeout: 180_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      testIgnore: MEDIA_SPECS,
      use: { ...devices["Desktop Chrome"], launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS } },
    },
    {
      // The video calls: fake camera and microphone (a test pattern and a tone), no permission
      // prompts, and WebRTC between two contexts on the one host.
      name: "chromium-media",
      testMatch: MEDIA_SPECS,
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: CHROMIUM,
          args: [
            ...CHROMIUM_ARGS,
            "--use-fake-device-for-media-stream",
            "--use-fake-ui-for-media-stream",
            "--allow-loopback-in-peer-connection",
            "--autoplay-policy=no-user-gesture-required",
          ],
        },
      },
    },
  ],
  webServer: {
    // The built server, as `npm start` runs it.
    command: startCommand(),
    url: `${BASE_URL}/api/ready`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      HOST: "127.0.0.1",
      PUBLIC_URL: BASE_URL,
      DATA_DIR: process.env.E2E_DATA_DIR,
      SEED_DEMO: "false",
      LOG_LEVEL: "warn",
      // Every browser and API call of the suite comes from 127.0.0.1: the per-address sign-up and
      // sign-in limits (tested on their own in the API tests) would otherwise throttle the suite.
      AUTH_ATTEMPTS_PER_MINUTE: "1000",
      // The same address for the API's overall limit: with E2E_WORKERS above 1 the calls add up.
      RATE_LIMIT_PER_MINUTE: "100000",
      // The video room spec books the next free half hour and joins at once: no minimum notice, and
      // the room opens an hour ahead. Both only widen what is allowed; other specs are unaffected.
      INTERVIEW_NOTICE_MINUTES: "0",
      ROOM_OPENS_BEFORE_MINUTES: "60",
      // The calendar imports spec subscribes to a calendar its own server serves on 127.0.0.1.
      CALENDAR_URLS_ALLOW_PRIVATE: "true",
      // npm test hands over a PostgreSQL database when TEST_DATABASE_URL is set; otherwise PGlite in
      // DATA_DIR. Set either way, so a DATABASE_URL in the caller's shell cannot leak in.
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
    },
  },
});
