import { expect, type Page, test } from "@playwright/test";
import { zoneLabel } from "../src/web/kit/zone-label.ts";
import { expectAccessible } from "./support/a11y.ts";
import { livesIn, placeBidViaApi, publishJobViaApi, signedInEnglish } from "./support/marketplace.ts";
import { tr } from "./support/translations.ts";

const t = (key: string, values?: Record<string, string | number>) => tr("en", key, values);
const NEW_YORK = "America/New_York";
const BERLIN = "Europe/Berlin";
type Slot = { start: string; end: string };

/** An instant in a zone, formatted by the browser itself (its ICU decides e.g. the spaces around AM). */
const inBrowser = (page: Page, iso: string, timeZone: string, options: Intl.DateTimeFormatOptions) =>
  page.evaluate(
    ([at, zone, opts]) =>
      new Intl.DateTimeFormat("en", {
        ...(opts as Intl.DateTimeFormatOptions),
        timeZone: zone as string,
      }).format(new Date(at as string)),
    [iso, timeZone, options] as const,
  );
/** "10:00 AM": a slot's clock. */
const clock = (page: Page, iso: string, timeZone: string) =>
  inBrowser(page, iso, timeZone, { hour: "2-digit", minute: "2-digit" });
/** "Tuesday, December 1": the slot picker's day group. */
const day = (page: Page, iso: string, timeZone: string) =>
  inBrowser(page, iso, timeZone, { weekday: "long", day: "numeric", month: "long" });

async function expectPage(page: Page, title: string, label: string) {
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expectAccessible(page, label);
}

test("Request one time from New York, confirm in Berlin, move it, cancel it, find it among past interviews", async ({
  browser,
}) => {
  const title = `Inbox triage ${Date.now()}`;
  const client = await signedInEnglish(browser, "client", "Nora Newyork", { timezoneId: NEW_YORK });
  const assistant = await signedInEnglish(browser, "assistant", "Bea Berlin", { timezoneId: BERLIN });
  await livesIn(client, NEW_YORK, "07:00", "19:00");
  await livesIn(assistant, BERLIN, "09:00", "21:00");
  const jobId = await publishJobViaApi(client, { title, maxRateMinor: 4_000 });
  const bidId = await placeBidViaApi(assistant, jobId, { rateMinor: 3_500, coverLetter: "Happy to talk." });
  const commonSlots = async () => {
    const res = await client.request.get(`/api/v1/bids/${bidId}/interview-slots?durationMinutes=30`);
    expect(res.ok(), await res.text()).toBe(true);
    return ((await res.json()) as { slots: Slot[] }).slots;
  };
  const [first] = await commonSlots();
  if (!first) throw new Error("no common time this week");
  /** A slot as a viewer reads it: their clock, then the other party's with its zone. */
  const seenBy = async (viewer: Page, slot: Slot, mine: string, other: string, otherName: string) =>
    `${await clock(viewer, slot.start, mine)} – ${await clock(viewer, slot.end, mine)} · ${otherName}: ${await clock(viewer, slot.start, other)}, ${zoneLabel(other, "en", new Date(slot.start))}`;

  // The client asks for one time, to be confirmed.
  await client.goto(`/my-jobs/${jobId}/bids`);
  await client.getByRole("button", { name: t("interviews.request.open") }).click();
  const dialog = client.getByRole("dialog", { name: t("interviews.request.title", { name: "Bea Berlin" }) });
  await dialog
    .getByRole("group", { name: await day(client, first.start, NEW_YORK), exact: true })
    .getByRole("checkbox", { name: await seenBy(client, first, NEW_YORK, BERLIN, "Bea Berlin"), exact: true })
    .check();
  await dialog.getByRole("button", { name: t("interviews.request.submit_one") }).click();
  await expectPage(client, t("interviews.page.title", { job: title }), "interview requested (en, client)");

  // The assistant narrows the list to requests and confirms the one time.
  await assistant.goto("/interviews");
  await expectPage(assistant, t("interviews.title"), "interviews (en, assistant)");
  await assistant.getByRole("combobox", { name: t("interviews.filter.status") }).click();
  await assistant.getByRole("option", { name: t("interviews.status.requested") }).click();
  await expect(assistant).toHaveURL(/status=requested/);
  await assistant
    .getByRole("link", { name: t("interviews.with", { name: "Nora Newyork", job: title }) })
    .click();
  await expect(
    assistant.getByRole("radio", { name: await seenBy(assistant, first, BERLIN, NEW_YORK, "Nora Newyork") }),
  ).toBeChecked();
  await assistant.getByRole("button", { name: t("interviews.page.confirm") }).click();
  await expect(assistant.getByText(t("interviews.status.confirmed"), { exact: true })).toBeVisible();

  // The client moves it to a later common time (the first one is now held), with a reason.
  const later = (await commonSlots()).find((s) => Date.parse(s.start) >= Date.parse(first.end) + 3_600_000);
  if (!later) throw new Error("no later common time this week");
  await client.reload();
  await client.getByRole("button", { name: t("interviews.page.move") }).click();
  const move = client.getByRole("region", { name: t("interviews.page.moveTitle") });
  await move
    .getByRole("group", { name: await day(client, later.start, NEW_YORK), exact: true })
    .getByRole("radio", { name: await seenBy(client, later, NEW_YORK, BERLIN, "Bea Berlin"), exact: true })
    .check();
  await move.getByRole("button", { name: t("interviews.page.confirmMove") }).click();
  await expect(move.getByText(t("errors.field.required"))).toBeVisible();
  await move
    .getByRole("textbox", { name: t("interviews.page.reason") })
    .fill("A client call moved into that hour.");
  await expectAccessible(client, "move an interview (en)");
  await move.getByRole("button", { name: t("interviews.page.confirmMove") }).click();
  await expect(client.getByText(await seenBy(client, later, NEW_YORK, BERLIN, "Bea Berlin"))).toBeVisible();

  // The assistant sees the new time in Berlin, then cancels with a reason.
  await assistant.reload();
  await expect(
    assistant.getByText(await seenBy(assistant, later, BERLIN, NEW_YORK, "Nora Newyork")),
  ).toBeVisible();
  await assistant.getByRole("button", { name: t("interviews.page.cancel"), exact: true }).click();
  await assistant.getByRole("textbox", { name: t("interviews.page.reason") }).fill("I took another role.");
  await assistant.getByRole("button", { name: t("interviews.page.confirmCancel") }).click();
  await expect(
    assistant.getByText(t("interviews.page.cancelReason", { reason: "I took another role." })),
  ).toBeVisible();

  // For the client it has left the upcoming list and is among the past ones, as cancelled.
  await client.goto("/interviews");
  await expect(client.getByText(t("interviews.noneUpcoming"))).toBeVisible();
  await client.getByText(t("interviews.past"), { exact: true }).click();
  await expect(client).toHaveURL(/view=past/);
  const card = client.getByRole("listitem").filter({
    has: client.getByRole("link", { name: t("interviews.with", { name: "Bea Berlin", job: title }) }),
  });
  await expect(card.getByText(t("interviews.status.cancelled"), { exact: true })).toBeVisible();
  await expectPage(client, t("interviews.title"), "past interviews (en, client)");
});
