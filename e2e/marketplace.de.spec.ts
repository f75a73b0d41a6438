import { expect, type Page, test } from "@playwright/test";
import { expectAccessible } from "./support/a11y.ts";
import { daysFromNow, signedInGerman } from "./support/marketplace.ts";
import { chooseFile, pdfFile } from "./support/sample-files.ts";
import { tr } from "./support/translations.ts";

const t = (key: string, values?: Record<string, string | number>) => tr("de", key, values);
const euro = (amount: number) =>
  new Intl.NumberFormat("de-DE", { style: "currency", currency: "EUR" }).format(amount);

/** The page's one h1 by name, then an axe scan of the page as it is. */
async function expectPage(page: Page, title: string | RegExp, label: string) {
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expectAccessible(page, label);
}

const nav = (page: Page, key: string) =>
  page.getByRole("navigation", { name: t("nav.sections") }).getByRole("link", { name: t(key), exact: true });
const field = (page: Page, key: string, values?: Record<string, string | number>) =>
  page.getByRole("textbox", { name: t(key, values), exact: true });

test("Ausschreiben, bieten, Vertrag anbieten und annehmen (deutsch)", async ({ browser }) => {
  const title = `Buchhaltung für eine Kanzlei ${Date.now()}`;
  const question = "Mit welcher Buchhaltungssoftware arbeiten Sie?";
  const sampleTitle = "Monatsabschluss einer Kanzlei";
  const client = await signedInGerman(browser, "client", "Clara Kanzlei");
  const assistant = await signedInGerman(browser, "assistant", "Anna Assistenz");

  // The client posts a job with a maximum rate, saves it as a draft and publishes it.
  await nav(client, "nav.myJobs").click();
  await expectPage(client, t("jobs.mine.title"), "my jobs (empty)");
  await client.getByRole("link", { name: t("jobs.mine.post") }).click();
  await expectPage(client, t("jobs.post.title"), "post a job");
  await field(client, "jobs.form.title").fill(title);
  await field(client, "jobs.form.description").fill(
    "Belege erfassen, Rechnungen ablegen, Mahnungen vorbereiten.",
  );
  await client.getByRole("checkbox", { name: t("categories.bookkeeping") }).check();
  await client.getByRole("radio", { name: t("pricingModels.hourly") }).check();
  await field(client, "jobs.form.maxRateHourly").fill("35,00");
  await field(client, "jobs.form.volumeHourly").fill("10");
  await client.getByLabel(t("jobs.form.startDate")).fill(daysFromNow(14));
  await client.getByRole("button", { name: t("jobs.form.addQuestion") }).click();
  await field(client, "jobs.form.question", { number: 1 }).fill(question);
  await client.getByLabel(t("jobs.form.bidDeadline")).fill(`${daysFromNow(30)}T18:00`);
  await client.getByRole("button", { name: t("jobs.post.submit") }).click();
  await expectPage(client, title, "own job (draft)");
  await expect(client.getByText(t("jobs.status.draft"), { exact: true })).toBeVisible();
  await client.getByRole("button", { name: t("jobs.actions.publish") }).click();
  await expect(client.getByText(t("jobs.status.open"), { exact: true })).toBeVisible();
  // Only the actions an open job allows.
  await expect(client.getByRole("button", { name: t("jobs.actions.publish") })).toHaveCount(0);
  await expect(client.getByRole("button", { name: t("jobs.actions.pause") })).toBeVisible();
  await expectAccessible(client, "own job (open)");

  // The assistant finds it on the board and bids below the maximum.
  await nav(assistant, "nav.jobBoard").click();
  await expectPage(assistant, t("jobs.board.title"), "job board");
  await assistant.getByRole("link", { name: title }).click();
  await expectPage(assistant, title, "public job page with bid form");
  await expect(
    assistant.getByText(`${t("jobs.details.maxRate")}: ${t("money.perHour", { amount: euro(35) })}`),
  ).toBeVisible();
  await field(assistant, "bids.form.rateHourly").fill("32,50");
  await field(assistant, "bids.form.coverLetter").fill(
    "Ich führe seit zwölf Jahren die Buchhaltung einer Steuerkanzlei.",
  );
  await assistant.getByRole("textbox", { name: question }).fill("DATEV und Lexoffice.");

  // A work sample uploaded right in the bid form: it joins the portfolio and is attached at once.
  await assistant.getByRole("button", { name: t("samples.attach.uploadNew") }).click();
  const upload = assistant.getByRole("region", { name: t("samples.attach.uploadTitle") });
  await upload.getByRole("textbox", { name: t("samples.form.title"), exact: true }).fill(sampleTitle);
  await expect(upload.getByRole("combobox", { name: t("samples.form.category"), exact: true })).toHaveValue(
    t("categories.bookkeeping"),
  );
  await chooseFile(
    assistant,
    upload.getByRole("button", { name: t("samples.form.file"), exact: true }),
    pdfFile("monatsabschluss.pdf"),
  );
  await expectAccessible(assistant, "bid form with the sample upload");
  await upload.getByRole("button", { name: t("samples.attach.uploadSubmit") }).click();
  await expect(assistant.getByRole("checkbox", { name: sampleTitle })).toBeChecked();
  await expect(upload).toHaveCount(0);
  await assistant.getByRole("button", { name: t("bids.place.submit") }).click();
  await expect(assistant.getByRole("status").getByText(t("bids.place.sent"))).toBeVisible();
  await assistant.getByRole("link", { name: t("bids.place.toMyBids") }).click();
  await expectPage(assistant, t("bids.mine.title"), "my bids");
  const myBid = assistant.getByRole("listitem").filter({ hasText: title });
  await expect(myBid.getByText(t("bids.status.submitted"), { exact: true })).toBeVisible();
  await expect(myBid.getByRole("link", { name: sampleTitle, exact: true })).toBeVisible();

  // The client reviews the bid, shortlists it and offers a contract.
  await nav(client, "nav.myJobs").click();
  await expectPage(client, t("jobs.mine.title"), "my jobs");
  await expect(
    client.getByRole("row").filter({ hasText: title }).getByRole("cell", { name: "1", exact: true }),
  ).toBeVisible();
  await client.getByRole("link", { name: title }).click();
  await client.getByRole("link", { name: t("jobs.owner.reviewBids") }).click();
  await expectPage(client, t("bids.review.titleFor", { job: title }), "bid review");
  const bid = client.getByRole("listitem", { name: "Anna Assistenz" });

  // The attached sample opens in a new tab, shown inline as a PDF.
  const sampleLink = bid.getByRole("link", { name: sampleTitle, exact: true });
  await expect(sampleLink).toHaveAttribute("target", "_blank");
  const fileResponse = client
    .context()
    .waitForEvent("response", (response) => /\/api\/v1\/samples\/[^/]+\/file$/.test(response.url()));
  const popup = client.waitForEvent("popup");
  await sampleLink.click();
  const response = await fileResponse;
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["content-disposition"]).toMatch(/^inline;/);
  await (await popup).close();

  await bid.getByRole("button", { name: t("bids.review.shortlist") }).click();
  await expect(bid.getByText(t("bids.status.shortlisted"), { exact: true })).toBeVisible();
  await bid.getByRole("button", { name: t("bids.review.makeOffer") }).click();
  await expect(bid.getByRole("textbox", { name: t("offers.form.rateHourly"), exact: true })).toHaveValue(
    "32,50",
  );
  await bid.getByRole("textbox", { name: t("offers.form.message"), exact: true }).fill("Willkommen an Bord!");
  await expectAccessible(client, "offer form");
  await bid.getByRole("button", { name: t("offers.form.submit") }).click();
  await expect(bid.getByText(t("bids.status.offered"), { exact: true })).toBeVisible();

  // The assistant opens the offer from the notification and accepts it.
  await assistant.reload();
  await assistant
    .getByRole("banner")
    .getByRole("link", { name: /^Benachrichtigungen/ })
    .click();
  await expectPage(assistant, t("notifications.title"), "notifications");
  const notice = assistant
    .getByRole("listitem")
    .filter({ hasText: t("notifications.types.offer.received", { job: title }) });
  await notice.getByRole("link", { name: t("notifications.open.offer.received") }).click();
  await expectPage(assistant, t("offers.page.title"), "offer");
  await expect(assistant.getByRole("link", { name: title })).toBeVisible();
  await assistant.getByRole("button", { name: t("offers.page.accept") }).click();
  await expect(assistant.getByRole("status").getByText(t("offers.page.accepted"))).toBeVisible();
  await assistant.getByRole("link", { name: t("offers.page.toContracts") }).click();
  await expectPage(assistant, t("contracts.title"), "contracts (assistant)");
  const assistantRow = assistant.getByRole("row").filter({ hasText: title });
  await expect(assistantRow.getByText(t("contracts.status.active"))).toBeVisible();
  await expect(assistantRow.getByText(t("contracts.yourClient"))).toBeVisible();

  // Both sides see the active contract.
  await nav(client, "nav.contracts").click();
  await expectPage(client, t("contracts.title"), "contracts (client)");
  const clientRow = client.getByRole("row").filter({ hasText: title });
  await expect(clientRow.getByText(t("contracts.status.active"))).toBeVisible();
  await expect(clientRow.getByText(t("money.perHour", { amount: euro(32.5) }))).toBeVisible();
});
