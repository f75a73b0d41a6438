import { expect, type Page, test } from "@playwright/test";
import { zoneLabel } from "../src/web/kit/zone-label.ts";
import { expectAccessible } from "./support/a11y.ts";
import { placeBidViaApi, publishJobViaApi, signedIn, signedInGerman } from "./support/marketplace.ts";
import { tr } from "./support/translations.ts";

const t = (key: string, values?: Record<string, string | number>) => tr("de", key, values);
const BERLIN = "Europe/Berlin";
const MANILA = "Asia/Manila";
const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/** "10:00" in a zone, as the app writes it (de, two-digit hours and minutes). */
const clock = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat("de", { timeZone, hour: "2-digit", minute: "2-digit" }).format(new Date(iso));

/** "Freitag, 27. November": a day heading in a zone, as the slot picker names its groups. */
const day = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat("de", { timeZone, weekday: "long", day: "numeric", month: "long" }).format(
    new Date(iso),
  );

/** The signed-in user's hours for interviews, every day, in their own zone. */
async function saveAvailability(page: Page, timeZone: string, from: string, to: string) {
  const saved = await page.request.put("/api/v1/me/availability", {
    data: { timeZone, weeklyHours: DAYS.map((day) => ({ day, from, to })), exceptions: [], bufferMinutes: 0 },
  });
  expect(saved.ok(), await saved.text()).toBe(true);
}

async function expectPage(page: Page, title: string | RegExp, label: string) {
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expectAccessible(page, label);
}

test("Interview anfragen, in Manila bestätigen, in Berlin sehen", async ({ browser }) => {
  const title = `Buchhaltung mit Interview ${Date.now()}`;
  const client = await signedInGerman(browser, "client", "Clara Kanzlei");
  const assistant = await signedIn(browser, "de", "assistant", "Anna Assistenz", { timezoneId: MANILA });
  // The assistant lives in Manila: the account's zone and the hours (up to midnight) say so.
  const zone = await assistant.request.post("/api/auth/update-user", {
    data: { timeZone: MANILA },
    headers: { origin: new URL(assistant.url()).origin },
  });
  expect(zone.ok(), await zone.text()).toBe(true);
  await saveAvailability(client, BERLIN, "08:00", "20:00");
  await saveAvailability(assistant, MANILA, "13:00", "24:00");

  const jobId = await publishJobViaApi(client, { title, maxRateMinor: 3_500 });
  const bidId = await placeBidViaApi(assistant, jobId, { rateMinor: 3_000, coverLetter: "Gern per Video." });
  const slots = await client.request.get(`/api/v1/bids/${bidId}/interview-slots?durationMinutes=30`);
  expect(slots.ok(), await slots.text()).toBe(true);
  const { slots: common } = (await slots.json()) as { slots: { start: string; end: string }[] };
  expect(common.length).toBeGreaterThanOrEqual(2);
  const [first, second] = common as [{ start: string; end: string }, { start: string; end: string }];
  const optionFor = (slot: { start: string; end: string }) =>
    t("interviews.slots.option", {
      from: clock(slot.start, BERLIN),
      to: clock(slot.end, BERLIN),
      name: "Anna Assistenz",
      other: clock(slot.start, MANILA),
      zone: zoneLabel(MANILA, "de", new Date(slot.start)),
    });

  // The client sets their hours on the availability page (the saved ones show) …
  await client.goto("/availability");
  await expectPage(client, t("availability.title"), "availability");
  await expect(client.getByRole("textbox", { name: t("availability.imports.url") })).toBeVisible();

  // … and offers two times from the bid review, shown in Berlin with Manila beside.
  await client.goto(`/my-jobs/${jobId}/bids`);
  await expect(client.getByRole("heading", { level: 1, name: new RegExp(title) })).toBeVisible();
  await client.getByRole("button", { name: t("interviews.request.open") }).click();
  const dialog = client.getByRole("dialog", {
    name: t("interviews.request.title", { name: "Anna Assistenz" }),
  });
  await expect(dialog).toBeVisible();
  // Each day is a group named by its date in Berlin; the times repeat from day to day.
  const pick = (slot: { start: string; end: string }) =>
    dialog
      .getByRole("group", { name: day(slot.start, BERLIN), exact: true })
      .getByRole("checkbox", { name: optionFor(slot), exact: true })
      .check();
  await pick(first);
  await pick(second);
  await expectAccessible(client, "request an interview");
  await dialog.getByRole("button", { name: t("interviews.request.submit", { count: 2 }) }).click();
  await expectPage(client, t("interviews.page.title", { job: title }), "interview (requested, client)");
  await expect(client.getByText(t("interviews.status.requested"), { exact: true })).toBeVisible();

  // The assistant finds it under Interviews and sees the times in Manila time, Berlin beside.
  await assistant.goto("/");
  await assistant
    .getByRole("navigation", { name: t("nav.sections") })
    .getByRole("link", { name: t("nav.interviews"), exact: true })
    .click();
  await expectPage(assistant, t("interviews.title"), "interviews (assistant)");
  await assistant
    .getByRole("link", { name: t("interviews.with", { name: "Clara Kanzlei", job: title }) })
    .click();
  await expectPage(assistant, t("interviews.page.title", { job: title }), "interview (requested, assistant)");
  const manila = (slot: { start: string; end: string }) =>
    `${clock(slot.start, MANILA)} – ${clock(slot.end, MANILA)} · Clara Kanzlei: ${clock(slot.start, BERLIN)}, ${zoneLabel(BERLIN, "de", new Date(slot.start))}`;
  await expect(assistant.getByRole("radio", { name: manila(first) })).toBeVisible();
  await assistant.getByRole("radio", { name: manila(second) }).check();
  await assistant.getByRole("button", { name: t("interviews.page.confirm") }).click();
  await expect(assistant.getByText(t("interviews.status.confirmed"), { exact: true })).toBeVisible();
  await expect(assistant.getByText(manila(second))).toBeVisible();
  await expectAccessible(assistant, "interview (confirmed, assistant)");

  // The client sees it confirmed at the Berlin time, with the room's opening time.
  await client.reload();
  await expect(client.getByText(t("interviews.status.confirmed"), { exact: true })).toBeVisible();
  await expect(
    client.getByText(
      `${clock(second.start, BERLIN)} – ${clock(second.end, BERLIN)} · Anna Assistenz: ${clock(second.start, MANILA)}, ${zoneLabel(MANILA, "de", new Date(second.start))}`,
    ),
  ).toBeVisible();
  // A button until the room opens, then a link (the e2e server opens rooms an hour ahead).
  await expect(
    client
      .getByRole("button", { name: t("interviews.page.join") })
      .or(client.getByRole("link", { name: t("interviews.page.join") })),
  ).toBeVisible();
  await expectAccessible(client, "interview (confirmed, client)");
});
