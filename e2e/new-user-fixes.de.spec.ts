import { expect, type Locator, type Page, test } from "@playwright/test";
import { zoneLabel } from "../src/web/kit/zone-label.ts";
import { expectAccessible } from "./support/a11y.ts";
import { livesIn, placeBidViaApi, publishJobViaApi, signedIn } from "./support/marketplace.ts";
import { tr } from "./support/translations.ts";

// What a new user ran into at 1280 × 900 in German: a header in two rows, contracts that could not
// be told apart, an offer without a sender, zones as IANA ids, and an interview page that did not
// move on after the assistant confirmed.

const t = (key: string, values?: Record<string, string | number>) => tr("de", key, values);
const SCREEN = { viewport: { width: 1280, height: 900 } } as const;
const BERLIN = "Europe/Berlin";
const MANILA = "Asia/Manila";

const sections = (page: Page) => page.getByRole("navigation", { name: t("nav.sections") });

/** Whether the element shows all of its text (nothing cut off with an ellipsis). */
const showsWhole = (element: Locator) => element.evaluate((el) => el.scrollWidth <= el.clientWidth);

test("Navigation, Verträge, Vertragsangebot, Zeitzonen und bestätigtes Interview (1280 × 900)", async ({
  browser,
}) => {
  const title = `Terminplanung für eine Praxis ${Date.now()}`;
  const client = await signedIn(browser, "de", "client", "Clara Kanzlei", SCREEN);
  const assistant = await signedIn(browser, "de", "assistant", "Anna Assistenz", {
    ...SCREEN,
    timezoneId: MANILA,
  });
  await livesIn(client, BERLIN, "08:00", "20:00");
  await livesIn(assistant, MANILA, "13:00", "24:00");

  // The sections are a sidebar beside the page, every link in view; the header above is one row.
  await client.goto("/my-jobs");
  await expect(client.getByRole("heading", { level: 1, name: t("jobs.mine.title") })).toBeVisible();
  const nav = sections(client);
  for (const key of ["nav.jobBoard", "nav.myJobs", "nav.contracts", "nav.interviews", "nav.availability"]) {
    await expect(nav.getByRole("link", { name: t(key), exact: true })).toBeInViewport();
  }
  await expect(nav.getByRole("link", { name: t("nav.myBids"), exact: true })).toHaveCount(0);
  const sidebar = await nav.boundingBox();
  const main = await client.getByRole("main").boundingBox();
  expect(sidebar && main && sidebar.x + sidebar.width <= main.x + 1).toBe(true);
  const header = client.getByRole("banner");
  const box = await header.boundingBox();
  expect(box?.height).toBeLessThanOrEqual(80);
  // One row: the name of the app and the sign-out button sit side by side, not one above the other.
  const brand = await header.getByRole("link", { name: t("app.name") }).boundingBox();
  const signOut = await header.getByRole("button", { name: t("nav.signOut") }).boundingBox();
  expect(
    Math.abs((brand?.y ?? 0) + (brand?.height ?? 0) / 2 - ((signOut?.y ?? 0) + (signOut?.height ?? 0) / 2)),
  ).toBeLessThan(12);
  await expectAccessible(client, "sidebar (client)");

  // The client asks for an interview at one time; the assistant in Manila confirms it.
  const jobId = await publishJobViaApi(client, { title, maxRateMinor: 3_500 });
  const bidId = await placeBidViaApi(assistant, jobId, { rateMinor: 3_000, coverLetter: "Gern per Video." });
  const slots = await client.request.get(`/api/v1/bids/${bidId}/interview-slots?durationMinutes=30`);
  expect(slots.ok(), await slots.text()).toBe(true);
  const [slot] = ((await slots.json()) as { slots: { start: string; end: string }[] }).slots;
  if (!slot) throw new Error("no common time this week");
  const requested = await client.request.post(`/api/v1/bids/${bidId}/interviews`, {
    data: { durationMinutes: 30, proposals: [slot.start] },
  });
  expect(requested.status(), await requested.text()).toBe(201);
  const { id: interviewId } = (await requested.json()) as { id: string };
  await client.goto(`/interviews/${interviewId}`);
  await expect(client.getByText(t("interviews.page.waiting", { name: "Anna Assistenz" }))).toBeVisible();

  const confirmed = await assistant.request.post(`/api/v1/interviews/${interviewId}/confirm`, {
    data: { start: slot.start },
  });
  expect(confirmed.ok(), await confirmed.text()).toBe(true);

  // The open page moves on by itself (the notice arrives live): the set time in Berlin, said as a
  // place, the way into the room and what comes next; the request's prompt is gone.
  const at = new Date(slot.start);
  const set = client.getByRole("region", { name: t("interviews.page.confirmedTitle") });
  await expect(set).toBeVisible();
  await expect(set.getByText(zoneLabel(BERLIN, "de", at), { exact: false })).toBeVisible();
  await expect(
    set
      .getByRole("button", { name: t("interviews.page.join") })
      .or(set.getByRole("link", { name: t("interviews.page.join") })),
  ).toBeVisible();
  await expect(set.getByText(t("interviews.page.nextClient", { name: "Anna Assistenz" }))).toBeVisible();
  await expect(client.getByText(t("interviews.page.waiting", { name: "Anna Assistenz" }))).toHaveCount(0);
  await expect(client.getByText(t("interviews.page.pickTime"))).toHaveCount(0);
  // Beside the time, the assistant's clock with her zone as people say it.
  await expect(client.getByText(zoneLabel(MANILA, "de", at), { exact: false }).first()).toBeVisible();
  await expect(client.getByText(MANILA)).toHaveCount(0);
  await expectAccessible(client, "interview (confirmed, client)");

  // The bell told her too.
  await client
    .getByRole("banner")
    .getByRole("link", { name: /^Benachrichtigungen/ })
    .click();
  const notice = client.getByRole("listitem").filter({
    hasText: t("notifications.types.interview.confirmed", {
      actor: "Anna Assistenz",
      job: title,
      time: "–",
    }).split(": –")[0],
  });
  await expect(notice).toBeVisible();
  await notice.getByRole("link", { name: t("notifications.open.interview.confirmed") }).click();
  await expect(client).toHaveURL(new RegExp(`/interviews/${interviewId}$`));

  // The assistant's offer page names who the contract offer is from.
  const offered = await client.request.post(`/api/v1/bids/${bidId}/offers`, {
    data: { pricingModel: "hourly", rateMinor: 3_000, weeklyHourCap: 10, startDate: "2027-06-01" },
  });
  expect(offered.status(), await offered.text()).toBe(201);
  const { id: offerId } = (await offered.json()) as { id: string };
  await assistant.goto(`/offers/${offerId}`);
  await expect(assistant.getByRole("heading", { level: 1, name: t("offers.page.title") })).toBeVisible();
  await expect(assistant.getByRole("row", { name: new RegExp(`^${t("offers.page.from")}`) })).toContainText(
    "Clara Kanzlei",
  );
  await expectAccessible(assistant, "offer with its sender");

  // Hired: the client's contracts list names the assistant and shows the whole status.
  await assistant.getByRole("button", { name: t("offers.page.accept") }).click();
  await expect(assistant.getByRole("status").getByText(t("offers.page.accepted"))).toBeVisible();
  await sections(client)
    .getByRole("link", { name: t("nav.contracts"), exact: true })
    .click();
  await expect(client.getByRole("heading", { level: 1, name: t("contracts.title") })).toBeVisible();
  const row = client.getByRole("row").filter({ hasText: title });
  await expect(row.getByText("Anna Assistenz", { exact: true })).toBeVisible();
  const status = row.getByText(t("contracts.status.active"), { exact: true });
  await expect(status).toBeVisible();
  expect(await showsWhole(status)).toBe(true);
  await expectAccessible(client, "contracts (client)");
});
