import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/a11y.ts";
import { daysFromNow, publishJobViaApi, seedUser } from "./support/marketplace.ts";
import { tr } from "./support/translations.ts";

test.use({ locale: "en-GB", timezoneId: "Europe/London" });

const t = (key: string, values?: Record<string, string | number>) => tr("en", key, values);

test("a bid above the job's maximum is refused by the form and by the API", async ({ browser }) => {
  const title = `Travel planning ${Date.now()}`;
  const clientPage = await (await browser.newContext({ locale: "en-GB" })).newPage();
  await seedUser(clientPage, "client", "en", "Chris Client");
  const jobId = await publishJobViaApi(clientPage, { title, maxRateMinor: 3500 });

  const page = await (await browser.newContext({ locale: "en-GB" })).newPage();
  await seedUser(page, "assistant", "en", "Alex Assistant");
  const bidRequests: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().endsWith(`/jobs/${jobId}/bids`))
      bidRequests.push(request.url());
  });

  await page.goto(`/jobs/${jobId}`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const rate = page.getByRole("textbox", { name: t("bids.form.rateHourly"), exact: true });
  await rate.fill("35.01");
  await page
    .getByRole("textbox", { name: t("bids.form.coverLetter"), exact: true })
    .fill("I plan trips well.");
  await page.getByRole("button", { name: t("bids.place.submit") }).click();

  const maximum = t("money.perHour", { amount: "€35.00" });
  await expect(rate).toHaveAttribute("aria-invalid", "true");
  await expect(rate).toHaveAccessibleDescription(
    new RegExp(t("errors.field.rate_above_maximum", { maximum })),
  );
  await expect(page.getByText(t("errors.field.rate_above_maximum", { maximum }))).toBeVisible();
  await expectAccessible(page, "bid form with the rate refused");
  expect(bidRequests).toEqual([]);

  // Past the form, the API refuses it too, with the stable reason and the field named.
  const response = await page.request.post(`/api/v1/jobs/${jobId}/bids`, {
    data: { rateMinor: 3501, coverLetter: "I plan trips well.", answers: [], earliestStart: daysFromNow(7) },
  });
  expect(response.status()).toBe(422);
  expect(response.headers()["content-type"]).toContain("application/problem+json");
  const problem = (await response.json()) as { reason?: string; errors?: { field: string; code: string }[] };
  expect(problem.reason).toBe("bid.rate_above_maximum");
  expect(problem.errors).toContainEqual(
    expect.objectContaining({ field: "rateMinor", code: "rate_above_maximum" }),
  );

  // At the maximum itself the form sends, and the bid is taken.
  await rate.fill("35.00");
  await page.getByRole("button", { name: t("bids.place.submit") }).click();
  await expect(page.getByRole("status").getByText(t("bids.place.sent"))).toBeVisible();
  expect(bidRequests).toHaveLength(1);
});
