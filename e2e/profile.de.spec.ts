import { type Browser, expect, type Page, test } from "@playwright/test";
import { zoneLabel } from "../src/web/kit/zone-label.ts";
import { expectAccessible } from "./support/a11y.ts";
import { type MarketRole, seedUser } from "./support/marketplace.ts";
import { tr } from "./support/translations.ts";

const t = (key: string, values?: Record<string, string | number>) => tr("de", key, values);
const CONTEXT = { locale: "de-DE", timezoneId: "Europe/Berlin" } as const;
// A 1×1 PNG: the server turns any photo into a 512 px square, so the smallest one will do.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

async function signedIn(browser: Browser, role: MarketRole, name: string) {
  const page = await (await browser.newContext(CONTEXT)).newPage();
  const user = await seedUser(page, role, "de", name);
  return { page, email: user.email };
}

async function expectPage(page: Page, title: string, label: string) {
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expectAccessible(page, label);
}

const textbox = (page: Page, key: string, values?: Record<string, string | number>) =>
  page.getByRole("textbox", { name: t(key, values), exact: true });

/** Picks an option of a Mantine select, typing part of it first where the select is searchable. */
async function choose(page: Page, label: string, option: string) {
  const input = page.getByRole("combobox", { name: label, exact: true });
  await input.click();
  if (await input.isEditable()) await input.fill(option.slice(0, 4));
  await page.getByRole("option", { name: option, exact: true }).click();
}

test("Eine Assistenz füllt ihr Profil aus; Besucher ohne Konto sehen es öffentlich (deutsch)", async ({
  browser,
}) => {
  const name = "Anna Profil";
  const { page, email } = await signedIn(browser, "assistant", name);

  // Public work samples, added through the API: the portfolio screens are not part of this page.
  const link = await page.request.post("/api/v1/samples/links", {
    data: {
      title: "Redaktionsplan für einen Blog",
      category: "blog_writing",
      visibility: "public",
      url: "https://example.org/redaktionsplan",
    },
  });
  expect(link.status(), await link.text()).toBe(201);
  const image = await page.request.post("/api/v1/samples", {
    multipart: {
      title: "Reisekostenabrechnung",
      category: "bookkeeping",
      visibility: "public",
      file: { name: "abrechnung.png", mimeType: "image/png", buffer: PNG },
    },
  });
  expect(image.status(), await image.text()).toBe(201);

  await page
    .getByRole("navigation", { name: t("nav.sections") })
    .getByRole("link", { name: t("nav.assistantProfile"), exact: true })
    .click();
  await expectPage(page, t("profiles.assistant.title"), "assistant profile editor (empty)");

  await textbox(page, "profiles.assistant.headline").fill("Büroassistenz für Buchhaltung und Termine");
  await textbox(page, "profiles.assistant.bio").fill(
    "Ich arbeite seit Jahren mit **DATEV**.\n\n<b>roh</b> soll nie als HTML erscheinen.",
  );
  await page.getByRole("tab", { name: t("profiles.assistant.bioPreview") }).click();
  await expect(page.getByRole("tabpanel").getByText("DATEV", { exact: true })).toBeVisible();
  await page.getByRole("tab", { name: t("profiles.assistant.bioWrite") }).click();
  await textbox(page, "profiles.assistant.yearsExperience").fill("12");
  await page.getByRole("checkbox", { name: t("categories.bookkeeping") }).check();
  await page.getByRole("checkbox", { name: t("categories.scheduling") }).check();
  const tags = page.getByRole("combobox", { name: t("profiles.assistant.tags"), exact: true });
  await tags.fill("Lexoffice");
  await tags.press("Enter");

  await choose(page, t("profiles.assistant.newLanguage"), "Deutsch");
  await page.getByRole("button", { name: t("profiles.assistant.addLanguage") }).click();
  await choose(
    page,
    t("profiles.assistant.languageLevel", { language: "Deutsch" }),
    t("profiles.levels.native"),
  );
  await choose(page, t("profiles.assistant.newLanguage"), "Englisch");
  await page.getByRole("button", { name: t("profiles.assistant.addLanguage") }).click();

  await textbox(page, "profiles.assistant.hourlyRate").fill("35,00");
  await choose(page, t("profiles.assistant.newPrice"), t("categories.bookkeeping"));
  await page.getByRole("button", { name: t("profiles.assistant.addPrice") }).click();
  await textbox(page, "profiles.assistant.priceFor", { category: t("categories.bookkeeping") }).fill("25,00");

  await page.getByRole("button", { name: t("profiles.assistant.addSlot", { day: "Montag" }) }).click();
  await page.getByRole("button", { name: t("profiles.assistant.addSlot", { day: "Dienstag" }) }).click();
  const mondayEnd = page.getByLabel(t("profiles.assistant.slotTo", { day: "Montag", number: 1 }));
  await mondayEnd.fill("08:00");
  await page.getByRole("radio", { name: t("profiles.availability.limited") }).check();
  await expectAccessible(page, "assistant profile editor (filled)");

  // A slot that ends before it starts is refused with a German message; nothing typed is lost.
  await page.getByRole("button", { name: t("profiles.assistant.save") }).click();
  await expect(page.getByText(t("errors.field.time_range_invalid"))).toBeVisible();
  await expect(textbox(page, "profiles.assistant.hourlyRate")).toHaveValue("35,00");
  await mondayEnd.fill("17:00");
  await page.getByRole("button", { name: t("profiles.assistant.save") }).click();
  await expect(page.getByText(t("profiles.assistant.saved"))).toBeVisible();

  // Once the profile exists, a photo can go with it.
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: t("profiles.photo.upload") }).click();
  await (await chooser).setFiles({ name: "anna.png", mimeType: "image/png", buffer: PNG });
  await expect(page.getByText(t("profiles.photo.saved"))).toBeVisible();
  await expect(page.getByRole("img", { name: t("profiles.photo.alt", { name }) })).toBeVisible();

  await page.getByRole("link", { name: t("profiles.assistant.viewPublic") }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const publicUrl = page.url();

  // A visitor without an account opens the same address.
  const visitor = await (await browser.newContext(CONTEXT)).newPage();
  await visitor.goto(publicUrl);
  await expectPage(visitor, name, "public assistant profile");
  await expect(visitor.getByRole("banner").getByRole("link", { name: t("nav.signIn") })).toBeVisible();
  await expect(visitor.getByText("Büroassistenz für Buchhaltung und Termine")).toBeVisible();
  await expect(visitor.getByRole("img", { name: t("profiles.photo.alt", { name }) })).toBeVisible();
  await expect(visitor.getByText("DATEV", { exact: true })).toBeVisible();
  await expect(visitor.getByText("<b>roh</b>")).toHaveCount(0);
  await expect(visitor.getByText(t("profiles.availability.limited"))).toBeVisible();
  const facts = (label: string) => visitor.getByRole("row", { name: new RegExp(`^${label}`) });
  await expect(facts(t("profiles.public.experience"))).toContainText(
    t("profiles.public.years", { count: 12 }),
  );
  await expect(facts(t("profiles.public.skills"))).toContainText(t("categories.scheduling"));
  await expect(facts(t("profiles.public.tags"))).toContainText("Lexoffice");
  await expect(facts(t("profiles.public.languages"))).toContainText(
    `Deutsch (${t("profiles.levels.native")}), Englisch (${t("profiles.levels.fluent")})`,
  );
  await expect(facts(t("profiles.public.hourlyRate"))).toContainText(
    t("money.perHour", { amount: "35,00 €" }),
  );
  await expect(facts(t("profiles.public.priceList"))).toContainText(
    `${t("categories.bookkeeping")}: ${t("money.perTask", { amount: "25,00 €" })}`,
  );
  await expect(facts(t("profiles.public.timeZone"))).toContainText(zoneLabel("Europe/Berlin", "de"));
  await expect(facts(t("profiles.public.weeklyHours"))).toContainText("Montag: 09:00–17:00");
  await expect(facts(t("profiles.public.weeklyHours"))).toContainText("Dienstag: 09:00–17:00");

  const samples = visitor.getByRole("region", { name: t("profiles.public.samples") });
  await expect(
    samples.getByRole("link", {
      name: t("profiles.public.openLink", { title: "Redaktionsplan für einen Blog" }),
    }),
  ).toHaveAttribute("href", "https://example.org/redaktionsplan");
  const file = samples.getByRole("link", {
    name: t("profiles.public.openFile", { title: "Reisekostenabrechnung" }),
  });
  await expect(file).toHaveAttribute("href", /\/api\/v1\/samples\/[0-9a-f-]+\/file$/);
  const opened = await visitor.request.get((await file.getAttribute("href")) ?? "");
  expect(opened.headers()["content-disposition"]).toMatch(/^inline/);

  // Nothing private: the e-mail address appears nowhere on the page.
  expect(await visitor.content()).not.toContain(email);
});

test("Ein Auftraggeber speichert sein Profil; eine falsche USt-IdNr. wird abgelehnt (deutsch)", async ({
  browser,
}) => {
  const { page } = await signedIn(browser, "client", "Clara Firma");
  await page
    .getByRole("navigation", { name: t("nav.sections") })
    .getByRole("link", { name: t("nav.clientProfile"), exact: true })
    .click();
  await expectPage(page, t("profiles.client.title"), "client profile editor");

  await textbox(page, "profiles.client.displayName").fill("Clara Firma GmbH");
  await expect(page.getByRole("combobox", { name: t("profiles.client.country"), exact: true })).toHaveValue(
    "Deutschland",
  );
  await choose(page, t("profiles.client.country"), "Österreich");
  await textbox(page, "profiles.client.address.line1").fill("Ringstraße 1");
  await textbox(page, "profiles.client.address.postalCode").fill("1010");
  await textbox(page, "profiles.client.address.city").fill("Wien");
  const vatId = textbox(page, "profiles.client.vatId");
  await vatId.fill("ATU123");
  await page.getByRole("button", { name: t("profiles.client.save") }).click();
  await expect(page.getByText(t("errors.field.vat_id_invalid"))).toBeVisible();
  await expect(vatId).toHaveAttribute("aria-invalid", "true");
  await expect(vatId).toHaveValue("ATU123");
  await expect(textbox(page, "profiles.client.address.city")).toHaveValue("Wien");
  await expectAccessible(page, "client profile editor with an error");

  await vatId.fill("ATU12345678");
  await page.getByRole("button", { name: t("profiles.client.save") }).click();
  await expect(page.getByText(t("profiles.client.saved"))).toBeVisible();
  await expect(page.getByText(t("errors.field.vat_id_invalid"))).toHaveCount(0);

  // Saved on the server: a fresh load shows the same details.
  await page.reload();
  await expectPage(page, t("profiles.client.title"), "client profile editor (saved)");
  await expect(textbox(page, "profiles.client.vatId")).toHaveValue("ATU12345678");
  await expect(page.getByRole("combobox", { name: t("profiles.client.country"), exact: true })).toHaveValue(
    "Österreich",
  );
});
