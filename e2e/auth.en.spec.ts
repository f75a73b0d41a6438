import { test } from "@playwright/test";
import { accountJourney } from "./support/account-journey.ts";

test.use({ locale: "en-US", timezoneId: "America/New_York" });

test("sign up, confirm, settings, sign out and in again (English)", async ({ page }) => {
  await accountJourney(page, {
    lang: "en",
    browserTimeZone: "America/New_York",
    newTimeZone: "Europe/Lisbon",
  });
});
