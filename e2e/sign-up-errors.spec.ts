import { expect, test } from "@playwright/test";
import { zoneLabel } from "../src/web/kit/zone-label.ts";
import { expectAccessible } from "./support/a11y.ts";
import { AccountPages } from "./support/account-pages.ts";
import { type Lang, uniqueEmail } from "./support/translations.ts";

const BROWSER_LOCALES: Record<Lang, string> = { de: "de-DE", en: "en-GB" };

for (const lang of ["de", "en"] as const) {
  test.describe(`sign-up password errors (${lang})`, () => {
    test.use({ locale: BROWSER_LOCALES[lang], timezoneId: "Europe/Vienna" });

    test("shows a localized error beside the password and keeps the other values", async ({ page }) => {
      const ui = new AccountPages(page, lang);
      const account = { name: "Max Muster", email: uniqueEmail(`pw-${lang}`), password: "zu-kurz" };
      await page.goto("/sign-up");
      await ui.expectPage("signUp.title");
      await ui.fillSignUp(account);
      const password = ui.field("signUp.password");

      // Too short: caught by the shared schema before the request.
      await ui.submitSignUp();
      await expect(password).toHaveAttribute("aria-invalid", "true");
      await expect(password).toHaveAccessibleDescription(
        new RegExp(ui.t("errors.field.password_too_short", { min: 12 })),
      );
      await expectAccessible(page, "sign-up with a field error");

      // Long enough but on the common list: only the server knows, and answers with a field error.
      await password.fill("password1234");
      await ui.submitSignUp();
      await expect(password).toHaveAccessibleDescription(new RegExp(ui.t("errors.field.password_common")));
      await expect(page.getByText(ui.t("errors.field.password_common"))).toBeVisible();

      await expect(ui.field("signUp.name")).toHaveValue(account.name);
      await expect(ui.field("signUp.email")).toHaveValue(account.email);
      await expect(password).toHaveValue("password1234");
      await expect(page.getByRole("radio", { name: ui.t("roles.assistant") })).toBeChecked();
      await expect(ui.timeZone()).toHaveValue(zoneLabel("Europe/Vienna", lang));
    });
  });
}
