import { expect, type Page, test } from "@playwright/test";
import { expectAccessible } from "./support/a11y.ts";
import { contractViaApi, signedIn, signedInGerman } from "./support/marketplace.ts";
import { inboxIn } from "./support/messaging.ts";
import { tr } from "./support/translations.ts";

const t = (key: string, values?: Record<string, string | number>) => tr("de", key, values);
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;
const inbox = inboxIn("de");

/** The workspace's tabs. */
const tabs = (page: Page) => page.getByRole("navigation", { name: t("workspace.nav") });
/** The note a paused or ended contract shows above every tab. */
const statusNote = (page: Page, status: "paused" | "ended") =>
  page.getByRole("status").filter({ hasText: t(`workspace.statusNote.${status}`) });

/** Opens the action's dialog, gives the reason (if any) and confirms; the dialog closes. */
async function act(page: Page, action: "pause" | "resume" | "end", reason?: string) {
  await page.getByRole("button", { name: t(`workspace.actions.${action}`), exact: true }).click();
  const dialog = page.getByRole("dialog", { name: t(`workspace.dialog.title_${action}`) });
  await expect(dialog).toBeVisible();
  if (reason !== undefined)
    await dialog.getByRole("textbox", { name: t("workspace.dialog.reason") }).fill(reason);
  await dialog.getByRole("button", { name: t(`workspace.dialog.confirm_${action}`) }).click();
  await expect(dialog).toBeHidden();
}

test("Vertragsbereich: die Auftraggeberin öffnet ihn aus der Liste, pausiert; die Assistentin (Handy) sieht die Pause und kann nicht anrufen; Fortsetzen, Beenden mit Begründung", async ({
  browser,
}) => {
  const job = `Buchhaltung Café Lind ${Date.now()}`;
  const client = await signedInGerman(browser, "client", "Clara Lind");
  const assistant = await signedIn(browser, "de", "assistant", "Anna Arbeit", PHONE);
  const contractId = await contractViaApi(client, assistant, job);
  const overview = `/contracts/${contractId}`;

  // The client opens the workspace from her contracts: the assistant by name, the terms, active.
  await client.goto("/contracts");
  await client
    .getByRole("row")
    .filter({ hasText: job })
    .getByRole("link", { name: t("contracts.openWorkspace") })
    .click();
  await client.waitForURL(`**${overview}`);
  await expect(client.getByRole("heading", { level: 1, name: t("workspace.title", { job }) })).toBeVisible();
  await expect(client.getByRole("heading", { level: 2, name: "Anna Arbeit" })).toBeVisible();
  await expect(client.getByRole("row", { name: new RegExp(t("offers.page.weeklyHourCap")) })).toContainText(
    t("offers.page.hours", { count: 10 }),
  );
  await expect(tabs(client).getByRole("link", { name: t("workspace.tabs.overview") })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(tabs(client).getByRole("link", { name: t("workspace.tabs.call") })).toBeVisible();
  await expect(client.getByText(t("workspace.history.empty"))).toBeVisible();
  await expectAccessible(client, "contract workspace (de)");

  // Pausing needs a reason: without one the dialog says so and stays.
  await client.getByRole("button", { name: t("workspace.actions.pause"), exact: true }).click();
  const dialog = client.getByRole("dialog", { name: t("workspace.dialog.title_pause") });
  await dialog.getByRole("button", { name: t("workspace.dialog.confirm_pause") }).click();
  await expect(dialog.getByText(t("errors.field.required"))).toBeVisible();
  await expectAccessible(client, "pause dialog with an error (de)");
  await dialog.getByRole("textbox", { name: t("workspace.dialog.reason") }).fill("Urlaub bis zum 10. Januar");
  await dialog.getByRole("button", { name: t("workspace.dialog.confirm_pause") }).click();
  await expect(dialog).toBeHidden();
  await expect(statusNote(client, "paused")).toBeVisible();
  await expect(client.getByText(t("workspace.history.pause", { name: "Clara Lind" }))).toBeVisible();
  await expect(tabs(client).getByRole("link", { name: t("workspace.tabs.call") })).toHaveCount(0);

  // The assistant, on her phone, sees it paused with the reason, and no way to call.
  await assistant.goto(overview);
  await expect(statusNote(assistant, "paused")).toBeVisible();
  await expect(assistant.getByText("Urlaub bis zum 10. Januar")).toBeVisible();
  await expect(tabs(assistant).getByRole("link", { name: t("workspace.tabs.call") })).toHaveCount(0);
  await expect(
    assistant.getByRole("button", { name: t("workspace.actions.resume"), exact: true }),
  ).toBeVisible();
  const width = await assistant.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await expectAccessible(assistant, "paused contract workspace on a phone (de)");
  await assistant.goto(`${overview}/call`);
  await expect(assistant.getByRole("alert")).toHaveText(t("room.unavailable.contractPaused"));
  await expect(assistant.getByRole("button", { name: t("room.prejoin.join") })).toHaveCount(0);

  // The client resumes (no reason needed); the call is back.
  await act(client, "resume");
  await expect(statusNote(client, "paused")).toHaveCount(0);
  await expect(tabs(client).getByRole("link", { name: t("workspace.tabs.call") })).toBeVisible();

  // The assistant ends it, with her reason; what is left is reading and messages.
  await assistant.goto(overview);
  await expect(tabs(assistant).getByRole("link", { name: t("workspace.tabs.call") })).toBeVisible();
  await act(assistant, "end", "Das Projekt ist abgeschlossen.");
  await expect(statusNote(assistant, "ended")).toBeVisible();
  await expect(
    assistant.getByRole("button", { name: t("workspace.actions.pause"), exact: true }),
  ).toHaveCount(0);
  await expect(assistant.getByText(t("workspace.history.end", { name: "Anna Arbeit" }))).toBeVisible();

  // The client's open workspace follows live: ended, with the assistant's reason in the history.
  await expect(statusNote(client, "ended")).toBeVisible();
  await expect(client.getByText("Das Projekt ist abgeschlossen.")).toBeVisible();
  await expect(client.getByRole("button", { name: t("workspace.actions.resume"), exact: true })).toHaveCount(
    0,
  );

  // Messages go on in the workspace's own tab, so the two can settle what is left.
  await tabs(client)
    .getByRole("link", { name: t("workspace.tabs.messages") })
    .click();
  await client.waitForURL(`**${overview}/messages`);
  await expect(
    client.getByRole("heading", { level: 1, name: t("workspace.messagesTitle", { job }) }),
  ).toBeVisible();
  await inbox.send(client, "Danke für die gute Zusammenarbeit!");
  await expectAccessible(client, "contract messages tab (de)");
});
