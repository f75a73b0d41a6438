import { expect, type Locator, type Page, test } from "@playwright/test";
import { expectAccessible } from "./support/a11y.ts";
import { daysFromNow, publishJobViaApi, seedUser } from "./support/marketplace.ts";
import { chooseFile, junkFile, pngFile } from "./support/sample-files.ts";
import { tr } from "./support/translations.ts";

test.use({ locale: "de-DE", timezoneId: "Europe/Berlin" });

const t = (key: string, values?: Record<string, string | number>) => tr("de", key, values);

async function fillSample(form: Locator, page: Page, title: string) {
  await form.getByRole("textbox", { name: t("samples.form.title"), exact: true }).fill(title);
  await form.getByRole("combobox", { name: t("samples.form.category"), exact: true }).click();
  await page.getByRole("option", { name: t("categories.social_media") }).click();
  const visibility = form.getByRole("radio", { name: t("samples.visibility.public") });
  // Bids only until chosen otherwise.
  await expect(visibility).not.toBeChecked();
  await visibility.check();
}

test("Arbeitsproben: Bild hochladen, falschen Inhalt abgelehnt bekommen, löschen", async ({ page }) => {
  await seedUser(page, "assistant", "de", "Petra Portfolio");
  await page
    .getByRole("navigation", { name: t("nav.sections") })
    .getByRole("link", { name: t("nav.portfolio"), exact: true })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: t("samples.portfolio.title") })).toBeVisible();
  await expect(page.getByText(t("samples.portfolio.empty"))).toBeVisible();
  await expectAccessible(page, "portfolio (empty)");

  const upload = page.getByRole("region", { name: t("samples.portfolio.uploadTitle") });
  const fileButton = upload.getByRole("button", { name: t("samples.form.file"), exact: true });
  const title = upload.getByRole("textbox", { name: t("samples.form.title"), exact: true });

  // Checked by content: binary junk called .pdf is refused with the server's reason, in German,
  // and everything typed stays for a second try.
  await fillSample(upload, page, "Instagram-Kampagne");
  await chooseFile(page, fileButton, junkFile("kampagne.pdf"));
  await upload.getByRole("button", { name: t("samples.form.upload") }).click();
  await expect(upload.getByRole("alert")).toHaveText(t("errors.reason.sample.type_not_allowed"));
  await expect(title).toHaveValue("Instagram-Kampagne");
  await expect(fileButton).toHaveText("kampagne.pdf");
  await expectAccessible(page, "portfolio upload refused");

  // The same form, now with a real image: a thumbnail in the list, shown publicly.
  await chooseFile(page, fileButton, pngFile("kampagne.png"));
  await upload.getByRole("button", { name: t("samples.form.upload") }).click();
  const item = page.getByRole("listitem", { name: "Instagram-Kampagne" });
  await expect(item.getByRole("link", { name: "Instagram-Kampagne", exact: true })).toHaveAttribute(
    "target",
    "_blank",
  );
  await expect(item.getByText(t("samples.visibility.public"), { exact: true })).toBeVisible();
  await expect(item.getByText(/^PNG · \d+ kB$/)).toBeVisible();
  // The thumbnail is decorative (the title names the sample), so it is found as an element, not a role.
  await expect
    .poll(() => item.locator("img").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
  await expect(title).toHaveValue("");
  await expect(upload.getByRole("alert")).toHaveCount(0);

  // A link sample beside it.
  const link = page.getByRole("region", { name: t("samples.portfolio.linkTitle") });
  await link
    .getByRole("textbox", { name: t("samples.form.url"), exact: true })
    .fill("https://example.com/blog");
  await fillSample(link, page, "Blogartikel über Zeitmanagement");
  await link.getByRole("button", { name: t("samples.form.addLink") }).click();
  await expect(
    page
      .getByRole("listitem", { name: "Blogartikel über Zeitmanagement" })
      .getByRole("link", { name: "Blogartikel über Zeitmanagement", exact: true }),
  ).toHaveAttribute("href", "https://example.com/blog");
  await expectAccessible(page, "portfolio with samples");

  // Deleting asks first.
  await item
    .getByRole("button", { name: t("samples.portfolio.delete", { title: "Instagram-Kampagne" }) })
    .click();
  await expect(
    item.getByText(t("samples.portfolio.confirmText", { title: "Instagram-Kampagne" })),
  ).toBeVisible();
  await item.getByRole("button", { name: t("samples.portfolio.confirmDelete") }).click();
  await expect(item).toHaveCount(0);
  await expect(page.getByRole("listitem", { name: "Blogartikel über Zeitmanagement" })).toBeVisible();
});

async function linkSampleViaApi(page: Page, title: string): Promise<string> {
  const created = await page.request.post("/api/v1/samples/links", {
    data: { title, category: "data_entry", visibility: "bids_only", url: "https://example.com/probe" },
  });
  expect(created.status(), await created.text()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

test("Angebot bearbeiten: angehängte Arbeitsproben bleiben oder werden getauscht", async ({
  page,
  browser,
}) => {
  const clientPage = await (await browser.newContext({ locale: "de-DE" })).newPage();
  await seedUser(clientPage, "client", "de", "Karl Kunde");
  const title = `Dateneingabe ${Date.now()}`;
  const jobId = await publishJobViaApi(clientPage, { title, maxRateMinor: 3000 });

  await seedUser(page, "assistant", "de", "Erika Eingabe");
  const first = await linkSampleViaApi(page, "Tabelle Kundendaten");
  await linkSampleViaApi(page, "Tabelle Lagerbestand");
  const bid = await page.request.post(`/api/v1/jobs/${jobId}/bids`, {
    data: {
      rateMinor: 2500,
      coverLetter: "Schnell und genau.",
      earliestStart: daysFromNow(7),
      sampleIds: [first],
    },
  });
  expect(bid.status(), await bid.text()).toBe(201);

  await page.goto("/my-bids");
  const card = page.getByRole("listitem").filter({ hasText: title });
  await expect(card.getByRole("link", { name: "Tabelle Kundendaten", exact: true })).toBeVisible();
  await card.getByRole("button", { name: t("bids.mine.edit") }).click();
  const kept = card.getByRole("checkbox", { name: "Tabelle Kundendaten" });
  const other = card.getByRole("checkbox", { name: "Tabelle Lagerbestand" });
  await expect(kept).toBeChecked();
  await expect(other).not.toBeChecked();
  await expectAccessible(page, "bid edit with samples");
  await kept.uncheck();
  await other.check();
  await card.getByRole("button", { name: t("bids.mine.save") }).click();
  await expect(card.getByRole("link", { name: "Tabelle Lagerbestand", exact: true })).toBeVisible();
  await expect(card.getByRole("link", { name: "Tabelle Kundendaten", exact: true })).toHaveCount(0);

  // Saved on the server, not only in the page.
  await page.reload();
  await expect(card.getByRole("link", { name: "Tabelle Lagerbestand", exact: true })).toBeVisible();
  await expect(card.getByRole("link", { name: "Tabelle Kundendaten", exact: true })).toHaveCount(0);
});
