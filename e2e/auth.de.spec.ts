import { test } from "@playwright/test";
import { accountJourney } from "./support/account-journey.ts";

test.use({ locale: "de-DE", timezoneId: "Europe/Berlin" });

test("Registrierung, Bestätigung, Einstellungen, Ab- und Anmelden (deutsch)", async ({ page }) => {
  await accountJourney(page, {
    lang: "de",
    browserTimeZone: "Europe/Berlin",
    newTimeZone: "Asia/Tokyo",
  });
});
