import { expect, type Page, test } from "@playwright/test";
import { expectAccessible } from "./support/a11y.ts";
import {
  daysFromNow,
  publishJobViaApi,
  saveAssistantProfileViaApi,
  signedInEnglish,
} from "./support/marketplace.ts";
import { tr } from "./support/translations.ts";

const t = (key: string, values?: Record<string, string | number>) => tr("en", key, values);
const QUESTION = "Which booking tools do you know?";

async function bid(page: Page, jobId: string, rateMinor: number) {
  const response = await page.request.post(`/api/v1/jobs/${jobId}/bids`, {
    data: {
      rateMinor,
      coverLetter: `I can do it for ${rateMinor / 100}.`,
      answers: ["Amadeus"],
      earliestStart: daysFromNow(7),
    },
  });
  expect(response.status(), await response.text()).toBe(201);
}

test("the client sorts, compares and rejects bids; the assistant edits and withdraws", async ({
  browser,
}) => {
  const title = `Travel planning for a sales team ${Date.now()}`;
  const client = await signedInEnglish(browser, "client", "Chris Client");
  const jobId = await publishJobViaApi(client, {
    title,
    maxRateMinor: 4000,
    screeningQuestions: [QUESTION],
    overlap: { hours: 3, timeZone: "Europe/Berlin", from: "09:00", to: "17:00" },
  });
  const [ada, ben, cleo] = [
    await signedInEnglish(browser, "assistant", "Ada Able"),
    await signedInEnglish(browser, "assistant", "Ben Baker"),
    await signedInEnglish(browser, "assistant", "Cleo Cole"),
  ];
  // Ada works 09:00–13:00 London time, 10:00–14:00 in Berlin: 4 h inside the job's window.
  await saveAssistantProfileViaApi(ada, {
    yearsExperience: 8,
    timeZone: "Europe/London",
    from: "09:00",
    to: "13:00",
  });
  await bid(ada, jobId, 3000);
  await bid(ben, jobId, 3900);
  await bid(cleo, jobId, 2500);

  // The owner edits the job and pauses it; only the actions a paused job allows are offered.
  await client.goto(`/my-jobs/${jobId}`);
  await expect(client.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await client.getByRole("button", { name: t("jobs.owner.edit") }).click();
  await client.getByRole("textbox", { name: t("jobs.form.title"), exact: true }).fill(`${title} (EU)`);
  await expectAccessible(client, "job edit form");
  await client.getByRole("button", { name: t("jobs.owner.save") }).click();
  await expect(client.getByRole("heading", { level: 1, name: `${title} (EU)` })).toBeVisible();
  await client.getByRole("button", { name: t("jobs.actions.pause") }).click();
  await expect(client.getByText(t("jobs.status.paused"), { exact: true })).toBeVisible();
  await expect(client.getByRole("button", { name: t("jobs.actions.pause") })).toHaveCount(0);
  await client.getByRole("button", { name: t("jobs.actions.resume") }).click();
  await expect(client.getByText(t("jobs.status.open"), { exact: true })).toBeVisible();

  // Sorted by rate, highest first.
  await client.getByRole("link", { name: t("jobs.owner.reviewBids") }).click();
  await expect(
    client.getByRole("heading", { level: 1, name: t("bids.review.titleFor", { job: `${title} (EU)` }) }),
  ).toBeVisible();
  await client.getByRole("combobox", { name: t("bids.review.sort") }).click();
  await client.getByRole("option", { name: t("bids.review.sorts.rate") }).click();
  await client.getByRole("combobox", { name: t("bids.review.order") }).click();
  await client.getByRole("option", { name: t("bids.review.orders.desc") }).click();
  const items = client.getByRole("main").getByRole("list").first().getByRole("listitem");
  await expect(items.getByRole("heading", { level: 2 })).toHaveText(["Ben Baker", "Ada Able", "Cleo Cole"]);

  // Three side by side.
  for (const name of ["Ada Able", "Ben Baker", "Cleo Cole"]) {
    await client.getByRole("checkbox", { name: t("bids.review.compare", { name }) }).check();
  }
  const comparison = client.getByRole("region", { name: t("bids.review.compareTitle") });
  await expect(comparison.getByRole("columnheader")).toHaveText(["Ben Baker", "Ada Able", "Cleo Cole"]);
  await expect(comparison.getByRole("rowheader", { name: QUESTION })).toBeVisible();
  await expectAccessible(client, "bid comparison");

  // Experience and overlap from Ada's profile; Ben and Cleo have none, so their cards say nothing of it.
  const experience = t("bids.review.experience", { count: 8 });
  const adaBid = client.getByRole("listitem", { name: "Ada Able" });
  await expect(adaBid.getByText(`${experience} · ${t("bids.review.overlap", { hours: "4" })}`)).toBeVisible();
  await expect(
    comparison
      .getByRole("row")
      .filter({ has: client.getByRole("rowheader", { name: t("bids.review.experienceLabel") }) }),
  ).toContainText(experience);
  await expect(client.getByRole("listitem", { name: "Ben Baker" }).getByText(/experience/)).toHaveCount(0);
  await client.getByRole("combobox", { name: t("bids.review.sort") }).click();
  await client.getByRole("option", { name: t("bids.review.sorts.experience") }).click();
  await expect(items.getByRole("heading", { level: 2 }).first()).toHaveText("Ada Able");

  // Rejected with a note, then found through the status filter.
  const benBid = client.getByRole("listitem", { name: "Ben Baker" });
  await benBid.getByRole("button", { name: t("bids.review.reject") }).click();
  await benBid
    .getByRole("textbox", { name: t("bids.review.rejectMessage") })
    .fill("Above our budget, sorry.");
  await benBid.getByRole("button", { name: t("bids.review.confirmReject") }).click();
  await expect(benBid.getByText(t("bids.status.rejected"), { exact: true })).toBeVisible();
  await client.getByRole("combobox", { name: t("bids.review.status") }).click();
  await client.getByRole("option", { name: t("bids.status.rejected") }).click();
  await expect(items.getByRole("heading", { level: 2 })).toHaveText(["Ben Baker"]);

  await ben.goto("/my-bids");
  await expect(ben.getByRole("heading", { level: 1, name: t("bids.mine.title") })).toBeVisible();
  await expect(ben.getByText("Above our budget, sorry.")).toBeVisible();
  await expect(ben.getByRole("button", { name: t("bids.mine.withdraw") })).toHaveCount(0);

  // Cleo edits her bid while it is still only submitted, then withdraws it.
  await cleo.goto("/my-bids");
  await cleo.getByRole("button", { name: t("bids.mine.edit") }).click();
  await cleo.getByRole("textbox", { name: t("bids.form.rateHourly"), exact: true }).fill("28.00");
  await cleo.getByRole("button", { name: t("bids.mine.save") }).click();
  await expect(
    cleo.getByText(`${t("bids.mine.rate")}: ${t("money.perHour", { amount: "€28.00" })}`),
  ).toBeVisible();
  await cleo.getByRole("button", { name: t("bids.mine.withdraw") }).click();
  await expect(cleo.getByText(t("bids.status.withdrawn"), { exact: true })).toBeVisible();
  await expectAccessible(cleo, "my bids after withdrawing");
});
