import { expect, type Page } from "@playwright/test";
import { zoneLabel } from "../../src/web/kit/zone-label.ts";
import { AccountPages } from "./account-pages.ts";
import { type Lang, uniqueEmail } from "./translations.ts";

export interface JourneyOptions {
  lang: Lang;
  /** The browser's zone; sign-up must preselect it. */
  browserTimeZone: string;
  /** The zone chosen later in the settings. */
  newTimeZone: string;
}

const LANGUAGE_NAMES: Record<Lang, string> = { de: "Deutsch", en: "English" };

async function me(page: Page): Promise<{ name: string; timeZone: string; locale: string }> {
  const response = await page.request.get("/api/v1/me");
  expect(response.ok()).toBe(true);
  return response.json();
}

/**
 * The whole first-day journey: sign up, confirm the address, adjust the settings, sign out, sign
 * in again with the password, sign out. Every page on the way is checked with axe.
 */
export async function accountJourney(page: Page, options: JourneyOptions): Promise<void> {
  const ui = new AccountPages(page, options.lang);
  const other: Lang = options.lang === "de" ? "en" : "de";
  const account = {
    name: "Erika Beispiel",
    email: uniqueEmail(options.lang),
    password: "sonnen-Blume-42-Wolke",
  };

  await page.goto("/");
  await ui.expectPage("landing.title");

  await ui.signUpAndConfirm(account, options.browserTimeZone);
  await expect(ui.banner().getByText(account.name)).toBeVisible();

  await page.getByRole("link", { name: ui.t("verified.continue") }).click();
  await ui.expectPage("settings.title");

  const newName = `${account.name} Neu`;
  await ui.field("settings.profile.name").fill(newName);
  await page.getByRole("button", { name: ui.t("settings.profile.save") }).click();
  await expect(ui.banner().getByText(newName)).toBeVisible();

  await ui.chooseTimeZone(options.newTimeZone);
  await expect.poll(async () => (await me(page)).timeZone).toBe(options.newTimeZone);

  await page.getByRole("radio", { name: LANGUAGE_NAMES[other] }).check();
  ui.lang = other;
  await ui.expectPage("settings.title");
  await expect.poll(async () => (await me(page)).locale).toBe(other);

  await ui.signOut();
  await ui.signIn(account.email, account.password);
  // The saved language and name come back with the session.
  await ui.expectPage("settings.title");
  await expect(ui.banner().getByText(newName)).toBeVisible();
  await expect(ui.timeZone()).toHaveValue(zoneLabel(options.newTimeZone, ui.lang));
  await ui.signOut();
}
