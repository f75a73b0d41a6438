import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/a11y.ts";
import { AccountPages } from "./support/account-pages.ts";
import { totp } from "./support/totp.ts";
import { uniqueEmail } from "./support/translations.ts";

test.use({ locale: "en-GB", timezoneId: "Europe/London" });

test("two-factor: set up, sign in with an app code, then with a recovery code, turn off", async ({
  page,
}) => {
  const ui = new AccountPages(page, "en");
  const account = { name: "Tess Factor", email: uniqueEmail("2fa"), password: "lantern-Orbit-73-quiet" };
  await page.goto("/");
  await ui.signUpAndConfirm(account);
  await page.getByRole("link", { name: ui.t("verified.continue") }).click();
  await ui.expectPage("settings.title");

  const section = page.getByRole("region", { name: ui.t("settings.twoFactor.title") });
  const passwordIn = (legendKey: string) =>
    section
      .getByRole("group", { name: ui.t(legendKey) })
      .getByRole("textbox", { name: ui.t("settings.twoFactor.password") });
  await passwordIn("settings.twoFactor.enableTitle").fill(account.password);
  await section.getByRole("button", { name: ui.t("settings.twoFactor.enable") }).click();
  await expect(section.getByRole("img", { name: ui.t("settings.twoFactor.qr") })).toBeVisible();
  await expectAccessible(page, "two-factor QR step");
  const secret = (await section.locator("code").first().textContent()) ?? "";
  await section.getByRole("textbox", { name: ui.t("settings.twoFactor.code") }).fill(totp(secret));
  await section.getByRole("button", { name: ui.t("settings.twoFactor.verify") }).click();
  const codes = section
    .getByRole("list", { name: ui.t("settings.twoFactor.codesTitle") })
    .getByRole("listitem");
  await expect(codes.first()).toBeVisible();
  const recoveryCode = (await codes.first().textContent()) ?? "";
  await expectAccessible(page, "recovery codes");
  await section.getByRole("button", { name: ui.t("settings.twoFactor.done") }).click();
  await expect(section.getByText(ui.t("settings.twoFactor.on"), { exact: true })).toBeVisible();

  await ui.signOut();
  await ui.signIn(account.email, account.password);
  await ui.expectPage("twoFactor.title");
  await ui.field("twoFactor.code").fill(totp(secret));
  await page.getByRole("button", { name: ui.t("twoFactor.submit") }).click();
  await ui.expectPage("settings.title");

  await ui.signOut();
  await ui.signIn(account.email, account.password);
  await page.getByRole("button", { name: ui.t("twoFactor.useRecovery") }).click();
  await ui.field("twoFactor.recoveryCode").fill(recoveryCode);
  await page.getByRole("button", { name: ui.t("twoFactor.submit") }).click();
  await ui.expectPage("settings.title");

  await passwordIn("settings.twoFactor.disableTitle").fill(account.password);
  await section.getByRole("button", { name: ui.t("settings.twoFactor.disable") }).click();
  await expect(section.getByText(ui.t("settings.twoFactor.off"), { exact: true })).toBeVisible();
});

test("forgotten password: reset by mail, then sign in with the new one", async ({ page }) => {
  const ui = new AccountPages(page, "en");
  const account = { name: "Rita Reset", email: uniqueEmail("reset"), password: "copper-Kettle-19-warm" };
  await page.goto("/");
  await ui.signUpAndConfirm(account);
  await ui.signOut();

  await ui
    .banner()
    .getByRole("link", { name: ui.t("nav.signIn") })
    .click();
  await page.getByRole("link", { name: ui.t("signIn.forgot") }).click();
  await ui.expectPage("forgot.title");
  await ui.field("forgot.email").fill(account.email);
  await page.getByRole("button", { name: ui.t("forgot.submit") }).click();
  await expect(page.getByText(ui.t("forgot.sent"))).toBeVisible();

  await ui.followMailLink(account.email, "resetPassword");
  await page.waitForURL("**/reset-password?token=*");
  await ui.expectPage("reset.title");
  const newPassword = "harbour-Lights-58-calm";
  await ui.field("reset.newPassword").fill(newPassword);
  await page.getByRole("button", { name: ui.t("reset.submit") }).click();
  await ui.expectPage("reset.doneTitle");

  await ui.signIn(account.email, newPassword);
  await ui.expectPage("settings.title");
});

test("sessions: other devices show up and can be signed out", async ({ page, playwright, baseURL }) => {
  const ui = new AccountPages(page, "en");
  const account = {
    name: "Sam Sessions",
    email: uniqueEmail("sessions"),
    password: "meadow-Signal-64-brisk",
  };
  await page.goto("/");
  await ui.signUpAndConfirm(account);

  // Two more devices, signed in through the API with their own cookie jars.
  const firefox = ui.t("settings.sessions.device", { browser: "Firefox", system: "Windows" });
  const devices = await Promise.all(
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0", "curl/8.0"].map(
      async (userAgent) => {
        const device = await playwright.request.newContext({
          baseURL,
          extraHTTPHeaders: { origin: baseURL ?? "", "user-agent": userAgent },
        });
        const signIn = await device.post("/api/auth/sign-in/email", {
          data: { email: account.email, password: account.password },
        });
        expect(signIn.ok()).toBe(true);
        return device;
      },
    ),
  );

  await page.getByRole("link", { name: ui.t("verified.continue") }).click();
  await ui.expectPage("settings.title");
  const sessions = page.getByRole("region", { name: ui.t("settings.sessions.title") });
  const rows = sessions.getByRole("row").filter({ has: page.getByRole("cell") });
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: ui.t("settings.sessions.current") })).toHaveCount(1);

  await sessions
    .getByRole("button", { name: ui.t("settings.sessions.revokeNamed", { device: firefox }) })
    .click();
  await expect(rows).toHaveCount(2);
  expect((await devices[0]?.get("/api/v1/me"))?.status()).toBe(401);

  await sessions.getByRole("button", { name: ui.t("settings.sessions.revokeOthers") }).click();
  await expect(rows).toHaveCount(1);
  expect((await devices[1]?.get("/api/v1/me"))?.status()).toBe(401);
  await Promise.all(devices.map((device) => device.dispose()));
});

test("password change: every other device is signed out, this one stays", async ({
  page,
  playwright,
  baseURL,
}) => {
  const ui = new AccountPages(page, "en");
  const account = { name: "Pia Change", email: uniqueEmail("change"), password: "willow-Anchor-81-steady" };
  await page.goto("/");
  await ui.signUpAndConfirm(account);
  const other = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL ?? "" } });
  const signIn = await other.post("/api/auth/sign-in/email", {
    data: { email: account.email, password: account.password },
  });
  expect(signIn.ok()).toBe(true);

  await page.getByRole("link", { name: ui.t("verified.continue") }).click();
  await ui.expectPage("settings.title");
  const section = page.getByRole("region", { name: ui.t("settings.password.title") });
  // Said before it happens: there is nothing to tick.
  await expect(section.getByText(ui.t("settings.password.othersSignedOut"))).toBeVisible();
  await expect(section.getByRole("checkbox")).toHaveCount(0);
  await section
    .getByRole("textbox", { name: ui.t("settings.password.current"), exact: true })
    .fill(account.password);
  await section
    .getByRole("textbox", { name: ui.t("settings.password.new"), exact: true })
    .fill("prairie-Beacon-27-gentle");
  await section.getByRole("button", { name: ui.t("settings.password.save") }).click();
  await expect(page.getByText(ui.t("common.saved"))).toBeVisible();

  expect((await other.get("/api/v1/me")).status()).toBe(401);
  await page.reload();
  await ui.expectPage("settings.title");
  await other.dispose();
});
