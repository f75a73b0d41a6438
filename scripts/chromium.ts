// The system Chromium and its flags, for the e2e specs (playwright.config.ts) and the browser
// benches alike: nothing is downloaded (no `npx playwright install`).
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
