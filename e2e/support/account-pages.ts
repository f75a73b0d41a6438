import { expect, type Page } from "@playwright/test";
import { zoneLabel } from "../../src/web/kit/zone-label.ts";
import { expectAccessible } from "./a11y.ts";
import { type Lang, MAILS, tr } from "./translations.ts";

export interface NewAccount {
  name: string;
  email: string;
  password: string;
}

/** Page-level steps of the account journey, in the language the interface currently speaks. */
export class AccountPages {
  private readonly page: Page;
  /** Pages already scanned with axe in the same language; each scan costs seconds on a slow machine. */
  private readonly scanned = new Set<string>();
  /** Switches when the test changes the interface language. */
  lang: Lang;

  constructor(page: Page, lang: Lang) {
    this.page = page;
    this.lang = lang;
  }

  t(key: string, values?: Record<string, string | number>) {
    return tr(this.lang, key, values);
  }

  heading(key: string) {
    return this.page.getByRole("heading", { level: 1, name: this.t(key) });
  }

  /** A text box by its label (Mantine marks required ones with a "*" that is not part of the name). */
  field(labelKey: string) {
    return this.page.getByRole("textbox", { name: this.t(labelKey), exact: true });
  }

  timeZone() {
    return this.page.getByRole("combobox", { name: this.t("timeZone.label"), exact: true });
  }

  banner() {
    return this.page.getByRole("banner");
  }

  async expectPage(titleKey: string) {
    await expect(this.heading(titleKey)).toBeVisible();
    await expect(this.page.locator("html")).toHaveAttribute("lang", this.lang);
    const key = `${this.lang} ${titleKey}`;
    if (this.scanned.has(key)) return;
    this.scanned.add(key);
    await expectAccessible(this.page, titleKey);
  }

  async fillSignUp(account: NewAccount) {
    await this.field("signUp.name").fill(account.name);
    await this.field("signUp.email").fill(account.email);
    await this.field("signUp.password").fill(account.password);
    await this.page.getByRole("radio", { name: this.t("roles.assistant") }).check();
  }

  async submitSignUp() {
    await this.page.getByRole("button", { name: this.t("signUp.submit") }).click();
  }

  /** Signs up from the header link, then confirms the address; ends signed in on /verified. */
  async signUpAndConfirm(account: NewAccount, browserTimeZone?: string) {
    await this.banner()
      .getByRole("link", { name: this.t("nav.signUp") })
      .click();
    await this.expectPage("signUp.title");
    // The form preselects the browser's zone.
    if (browserTimeZone) await expect(this.timeZone()).toHaveValue(zoneLabel(browserTimeZone, this.lang));
    await this.fillSignUp(account);
    await this.submitSignUp();
    await this.expectPage("checkMail.title");
    await expect(this.page.getByText(account.email)).toBeVisible();
    await this.followMailLink(account.email, "verifyEmail");
    await this.page.waitForURL("**/verified");
    await this.expectPage("verified.title");
  }

  /** Opens the newest such mail in the dev mail viewer and follows its link (which targets _top). */
  async followMailLink(email: string, mail: keyof typeof MAILS) {
    const { subject, link } = MAILS[mail][this.lang];
    const row = this.page.getByRole("row").filter({ hasText: email }).filter({ hasText: subject }).first();
    // The mail is written with the request, but the list is a plain page: reload until it shows.
    await expect(async () => {
      await this.page.goto("/dev/mail");
      await expect(row).toBeVisible({ timeout: 1_000 });
    }).toPass();
    await expectAccessible(this.page, "dev mail list");
    await row.getByRole("link").click();
    await expectAccessible(this.page, "dev mail message");
    await this.page.frameLocator("iframe").getByRole("link", { name: link }).click();
  }

  async signIn(email: string, password: string) {
    await this.banner()
      .getByRole("link", { name: this.t("nav.signIn") })
      .click();
    await this.expectPage("signIn.title");
    await this.field("signIn.email").fill(email);
    await this.field("signIn.password").fill(password);
    await this.page.getByRole("button", { name: this.t("signIn.submit") }).click();
  }

  async signOut() {
    await this.banner()
      .getByRole("button", { name: this.t("nav.signOut") })
      .click();
    await this.expectPage("landing.title");
    await expect(this.banner().getByRole("link", { name: this.t("nav.signIn") })).toBeVisible();
  }

  async chooseTimeZone(zone: string) {
    const input = this.timeZone();
    await input.click();
    await input.fill(zone.split("/").pop() ?? zone);
    // The list says zones as people do ("Tokyo (GMT+9)"); the value saved is still the IANA id.
    const label = zoneLabel(zone, this.lang);
    await this.page.getByRole("option", { name: label, exact: true }).click();
    await expect(input).toHaveValue(label);
    await this.page.getByRole("button", { name: this.t("settings.timeZone.save") }).click();
  }
}
