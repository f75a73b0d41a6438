import { expect, type Locator, type Page, test } from "@playwright/test";
import { expectAccessible } from "./support/a11y.ts";
import { signedInEnglish } from "./support/marketplace.ts";
import { tr } from "./support/translations.ts";

// The header on a phone (below Mantine's sm breakpoint): one row with the name, the messages link
// and the bell; everything else in a menu behind a burger. Wide screens keep the full row, which the
// other specs use.

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;
const en = (key: string) => tr("en", key);
const de = (key: string) => tr("de", key);

const banner = (page: Page) => page.getByRole("banner");

/** Presses Tab until `target` has the focus, as a keyboard user would (at most `limit` times). */
async function tabTo(page: Page, target: Locator, limit = 15) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

/** Whether the focus is on something inside `dialog`. */
const focusInside = (dialog: Locator) => dialog.evaluate((el) => el.contains(document.activeElement));

test("the header on a phone: one short row, the rest in a menu that works by keyboard (English)", async ({
  browser,
}) => {
  const page = await signedInEnglish(browser, "assistant", "Nora North", PHONE);

  // One row: the name, the live messages link and the bell stay; the other links wait in the menu.
  const header = await banner(page).boundingBox();
  expect(header?.height).toBeLessThanOrEqual(120);
  await expect(banner(page).getByRole("link", { name: /^Messages/ })).toBeVisible();
  await expect(
    banner(page).getByRole("link", { name: new RegExp(`^${en("notifications.title")}`) }),
  ).toBeVisible();
  await expect(banner(page).getByRole("link", { name: en("nav.myBids") })).toHaveCount(0);
  const burger = banner(page).getByRole("button", { name: en("nav.menu"), exact: true });
  await expect(burger).toHaveAttribute("aria-expanded", "false");

  // Enter opens the menu and moves the focus into it; Escape closes it and gives the focus back.
  await burger.focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("dialog", { name: en("nav.menu") });
  await expect(menu).toBeVisible();
  await expect(burger).toHaveAttribute("aria-expanded", "true");
  await expect(menu.getByRole("link", { name: en("nav.myBids") })).toBeVisible();
  await expect(menu.getByText("Nora North")).toBeVisible();
  await expect(menu.getByRole("group", { name: en("language.label") })).toBeVisible();
  await expect.poll(() => focusInside(menu)).toBe(true);
  await expectAccessible(page, "phone menu open");
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(burger).toBeFocused();
  await expect(burger).toHaveAttribute("aria-expanded", "false");

  // Space opens it again; Tab reaches a link, Enter follows it and the menu closes behind it.
  await page.keyboard.press("Space");
  await expect(menu).toBeVisible();
  await tabTo(page, menu.getByRole("link", { name: en("nav.myBids") }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/my-bids$/);
  await expect(page.getByRole("heading", { level: 1, name: en("bids.mine.title") })).toBeVisible();
  await expect(menu).toBeHidden();
  await expect(burger).toBeFocused();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
});

test("the menu on a phone for a visitor: sign-in, sign-up and the language (German, then English)", async ({
  browser,
}) => {
  const page = await (await browser.newContext({ ...PHONE, locale: "de-DE" })).newPage();
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");

  await banner(page)
    .getByRole("button", { name: de("nav.menu"), exact: true })
    .tap();
  const menu = page.getByRole("dialog", { name: de("nav.menu") });
  await expect(menu.getByRole("link", { name: de("nav.signIn") })).toBeVisible();
  await expect(menu.getByRole("link", { name: de("nav.signUp") })).toBeVisible();
  await expectAccessible(page, "phone menu for a visitor");

  // Switching the language keeps the menu open, now in English.
  await menu.getByRole("button", { name: "English" }).tap();
  const english = page.getByRole("dialog", { name: en("nav.menu") });
  await expect(english.getByRole("button", { name: "English" })).toHaveAttribute("aria-pressed", "true");
  await expect(banner(page).getByRole("button", { name: en("nav.menu"), exact: true })).toHaveAttribute(
    "aria-expanded",
    "true",
  );

  // The close button closes it; a link closes it too.
  await english.getByRole("button", { name: en("nav.closeMenu") }).tap();
  await expect(english).toBeHidden();
  await banner(page)
    .getByRole("button", { name: en("nav.menu"), exact: true })
    .tap();
  await english.getByRole("link", { name: en("nav.signIn") }).tap();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(english).toBeHidden();
});
