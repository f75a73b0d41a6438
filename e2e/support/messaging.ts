import { expect, type Page } from "@playwright/test";
import { expectAccessible } from "./a11y.ts";
import { type Lang, tr } from "./translations.ts";

/** The inbox as a user sees it, in the language the interface speaks. */
export function inboxIn(lang: Lang) {
  const t = (key: string, values?: Record<string, string | number>) => tr(lang, key, values);

  /** The open thread's messages. */
  const log = (page: Page) => page.getByRole("log", { name: t("messages.log") });
  const composer = (page: Page) =>
    page.getByRole("textbox", { name: t("messages.composer.label"), exact: true });

  return {
    log,
    composer,

    /** The open thread: its heading names the other party, its log holds the messages. */
    async expectThread(page: Page, other: string, label: string) {
      await expect(page.getByRole("heading", { level: 1, name: t("messages.title") })).toBeVisible();
      await expect(page.getByRole("heading", { level: 2, name: other })).toBeVisible();
      await expectAccessible(page, label);
    },

    /** Writes `text` and sends it with the button; it shows in the log and the composer empties. */
    async send(page: Page, text: string) {
      await composer(page).fill(text);
      await page.getByRole("button", { name: t("messages.composer.send") }).click();
      await expect(log(page).getByText(text)).toBeVisible();
      await expect(composer(page)).toHaveValue("");
    },
  };
}

/** Opens (or finds) the thread of a bid or a contract through the API as the user of `page`; answers its id. */
export async function openThreadViaApi(
  page: Page,
  subject: "bids" | "contracts",
  id: string,
): Promise<string> {
  const opened = await page.request.post(`/api/v1/${subject}/${id}/thread`);
  expect(opened.ok(), await opened.text()).toBe(true);
  return ((await opened.json()) as { id: string }).id;
}

/** A message sent through the API as the user of `page` (30 a minute each, the flood limit). */
export async function sendMessageViaApi(page: Page, threadId: string, body: string): Promise<void> {
  const sent = await page.request.post(`/api/v1/threads/${threadId}/messages`, { data: { body } });
  expect(sent.status(), await sent.text()).toBe(201);
}
