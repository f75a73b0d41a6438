import { type Browser, expect, type Page, test } from "@playwright/test";
import { expectAccessible } from "./support/a11y.ts";
import { hireViaApi, placeBidViaApi, publishJobViaApi, signedInEnglish } from "./support/marketplace.ts";
import { inboxIn, openThreadViaApi, sendMessageViaApi } from "./support/messaging.ts";
import { tr } from "./support/translations.ts";

// The German spec covers a bid thread live (typing, receipts, the contact warning, catching up,
// files, edits, the phone layout by shrinking a desktop window). This one covers, in English, what
// it does not: a contract's thread, older messages on scrolling up, and a phone from the start.

const t = (key: string, values?: Record<string, string | number>) => tr("en", key, values);
const { log, composer, send, expectThread } = inboxIn("en");

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;

const banner = (page: Page) => page.getByRole("banner");
const threadList = (page: Page) => page.getByRole("navigation", { name: t("messages.threads") });
const unread = (count: number) => `${count} ${t("notifications.unreadSuffix")}`;

/** A client, an assistant and the assistant's bid on the client's new job. */
async function bidBetween(
  browser: Browser,
  names: { client: string; assistant: string },
  title: string,
  assistantContext = {},
) {
  const client = await signedInEnglish(browser, "client", names.client);
  const assistant = await signedInEnglish(browser, "assistant", names.assistant, assistantContext);
  const jobId = await publishJobViaApi(client, { title, maxRateMinor: 4000 });
  const bidId = await placeBidViaApi(assistant, jobId, {
    rateMinor: 3500,
    coverLetter: "I keep two small firms' books and calendars in order.",
  });
  return { client, assistant, bidId };
}

test("messages on a contract: opened from the contracts page, unread per conversation, contact details pass after hire, Ctrl+Enter sends (English)", async ({
  browser,
}) => {
  const title = `Bookkeeping for a bakery ${Date.now()}`;
  const { client, assistant, bidId } = await bidBetween(
    browser,
    { client: "Chloe Clarke", assistant: "Adam Archer" },
    title,
  );
  await hireViaApi(client, assistant, bidId, { rateMinor: 3500, weeklyHourCap: 10 });

  // The assistant waits in an empty inbox.
  await banner(assistant)
    .getByRole("link", { name: t("nav.messages"), exact: true })
    .click();
  await expect(assistant.getByRole("heading", { level: 1, name: t("messages.title") })).toBeVisible();
  await expect(assistant.locator("html")).toHaveAttribute("lang", "en");
  await expect(threadList(assistant).getByText(t("messages.empty"))).toBeVisible();
  await expectAccessible(assistant, "empty inbox");

  // The client writes from the contract's row.
  await client
    .getByRole("navigation", { name: t("nav.sections") })
    .getByRole("link", { name: t("nav.contracts") })
    .click();
  await expect(client.getByRole("heading", { level: 1, name: t("contracts.title") })).toBeVisible();
  await client
    .getByRole("row")
    .filter({ hasText: title })
    .getByRole("button", { name: t("messages.write") })
    .click();
  await expectThread(client, "Adam Archer", "empty contract thread (client)");
  await expect(client.getByText(`${t("messages.kind.contract")}: ${title}`)).toBeVisible();
  await expect(log(client).getByText(t("messages.startHint"))).toBeVisible();

  // After hire an e-mail address goes straight through: no warning, no caution for the reader.
  const welcome = "Welcome aboard! Send the invoices to accounts@bakery.example, please.";
  await send(client, welcome);
  await expect(client.getByRole("alert").filter({ hasText: t("messages.contact.title") })).toHaveCount(0);
  await expect(log(client).getByText(t("messages.flagged.own"))).toHaveCount(0);

  // The assistant's inbox gets the conversation live, counted in the header and on the conversation.
  const messagesLink = banner(assistant).getByRole("link", { name: /^Messages/ });
  await expect(messagesLink).toHaveAccessibleName(`${t("nav.messages")} ${unread(1)}`);
  const conversation = threadList(assistant).getByRole("listitem").filter({ hasText: title });
  await expect(conversation.getByText(unread(1), { exact: true })).toBeVisible();
  await expect(conversation.getByText(welcome)).toBeVisible();
  await expect(assistant.getByText(t("messages.pickThread"))).toBeVisible();
  await expectAccessible(assistant, "inbox with an unread conversation");

  await conversation.getByRole("link", { name: "Chloe Clarke" }).click();
  await expectThread(assistant, "Chloe Clarke", "contract thread (assistant)");
  await expect(conversation.getByRole("link", { name: "Chloe Clarke" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  const received = log(assistant).getByRole("article", {
    name: t("messages.fromOther", { name: "Chloe Clarke" }),
  });
  await expect(received).toContainText(welcome);
  await expect(received.getByText(t("messages.flagged.title"))).toHaveCount(0);
  await expect(messagesLink).toHaveAccessibleName(t("nav.messages"));
  await expect(conversation.getByText(unread(1), { exact: true })).toHaveCount(0);

  // The assistant answers from the keyboard with a phone number: Ctrl+Enter sends, nothing held back.
  const reply = "Will do. For anything urgent: +44 7700 900123.";
  await composer(assistant).fill(reply);
  await composer(assistant).press("Control+Enter");
  await expect(log(assistant).getByRole("article", { name: t("messages.fromMe") })).toContainText(reply);
  await expect(composer(assistant)).toHaveValue("");
  await expect(assistant.getByRole("alert").filter({ hasText: t("messages.contact.title") })).toHaveCount(0);
  const answer = log(client).getByRole("article", {
    name: t("messages.fromOther", { name: "Adam Archer" }),
  });
  await expect(answer).toContainText(reply);
  await expect(answer.getByText(t("messages.flagged.title"))).toHaveCount(0);
  // The client's list previews the newest message.
  await expect(threadList(client).getByRole("listitem").filter({ hasText: title })).toContainText(reply);
  await expectAccessible(client, "contract thread with an answer (client)");
});

test("older messages load when scrolling up, in order (English)", async ({ browser }) => {
  const title = `Inbox triage for a law firm ${Date.now()}`;
  const { client, assistant, bidId } = await bidBetween(
    browser,
    { client: "Lena Lawson", assistant: "Sam Scott" },
    title,
  );
  // 60 messages, taking turns (30 each: the flood limit is 30 a minute per sender); the pane loads 30 at a time.
  const threadId = await openThreadViaApi(client, "bids", bidId);
  const notes = Array.from({ length: 60 }, (_, i) => `Note ${i + 1} of 60 on the triage rules`);
  for (const [i, note] of notes.entries()) {
    await sendMessageViaApi(i % 2 === 0 ? client : assistant, threadId, note);
  }
  const oldest = notes[0] ?? "";
  const newest = notes.at(-1) ?? "";

  await assistant.goto("/messages");
  await threadList(assistant).getByRole("link", { name: "Lena Lawson" }).click();
  await expectThread(assistant, "Lena Lawson", "long bid thread (assistant)");

  // The newest is in view at the bottom; the oldest is not even loaded.
  const history = log(assistant);
  await expect(history.getByText(newest, { exact: true })).toBeInViewport();
  await expect(history.getByText(oldest, { exact: true })).toHaveCount(0);
  await expect(history.getByRole("article")).toHaveCount(30);
  await expect(history.getByRole("button", { name: t("messages.loadOlder") })).toBeVisible();

  // At the top, the 30 before load above, and the reader keeps their place: note 31 stays in view.
  await history.evaluate((el) => {
    el.scrollTop = 0;
  });
  await expect(history.getByRole("article")).toHaveCount(60);
  await expect(history.getByText(notes[30] ?? "", { exact: true })).toBeInViewport();
  await expect(history.getByText(oldest, { exact: true })).not.toBeInViewport();

  // Further up with the mouse wheel: the first note, and all of them in the order sent.
  await history.hover();
  await expect(async () => {
    await assistant.mouse.wheel(0, -2000);
    await expect(history.getByText(oldest, { exact: true })).toBeInViewport({ timeout: 1_000 });
  }).toPass();
  await expect(history.getByRole("article")).toHaveText(notes.map((note) => new RegExp(note)));
  await expect(history.getByRole("button", { name: t("messages.loadOlder") })).toHaveCount(0);
  await expect(history.getByText(newest, { exact: true })).not.toBeInViewport();
  await expectAccessible(assistant, "long bid thread scrolled to the start");
});

test("messages on a phone: the list, then the thread with a way back, sending from the phone (English)", async ({
  browser,
}) => {
  const title = `Travel bookings for a design studio ${Date.now()}`;
  const { client, assistant, bidId } = await bidBetween(
    browser,
    { client: "Maya Moore", assistant: "Priya Patel" },
    title,
    PHONE,
  );
  const threadId = await openThreadViaApi(client, "bids", bidId);
  const question = "Hello Priya, could you start with next month's trip to Lisbon?";
  await sendMessageViaApi(client, threadId, question);
  await client.goto(`/messages/${threadId}`);
  await expectThread(client, "Priya Patel", "bid thread (client, desktop)");

  // On the phone the inbox is the list alone.
  const messagesLink = banner(assistant).getByRole("link", { name: /^Messages/ });
  await expect(messagesLink).toHaveAccessibleName(`${t("nav.messages")} ${unread(1)}`);
  await messagesLink.tap();
  await expect(assistant.getByRole("heading", { level: 1, name: t("messages.title") })).toBeVisible();
  const conversation = threadList(assistant).getByRole("link", { name: "Maya Moore" });
  await expect(conversation).toBeVisible();
  await expect(assistant.getByText(t("messages.pickThread"))).toBeHidden();
  await expectNoSidewaysScroll(assistant);
  await expectAccessible(assistant, "inbox on a phone");

  // The thread alone, with a way back; what one writes on the phone reaches the client.
  await conversation.tap();
  await expectThread(assistant, "Maya Moore", "bid thread on a phone");
  await expect(threadList(assistant)).toBeHidden();
  await expect(log(assistant).getByText(question)).toBeInViewport();
  await expectNoSidewaysScroll(assistant);
  // The header is one short row and the thread fits the screen: the composer is in view without
  // scrolling the page, only the log scrolls.
  expect((await banner(assistant).boundingBox())?.height).toBeLessThanOrEqual(120);
  await expect(composer(assistant)).toBeInViewport();
  await expect(assistant.getByRole("button", { name: t("messages.composer.send") })).toBeInViewport();
  await expectNoPageScroll(assistant);
  const reply = "Yes, happy to. Which dates and which budget for the hotel?";
  await composer(assistant).tap();
  await composer(assistant).fill(reply);
  await assistant.getByRole("button", { name: t("messages.composer.send") }).tap();
  await expect(log(assistant).getByText(reply)).toBeInViewport();
  await expect(composer(assistant)).toHaveValue("");
  await expect(log(client).getByText(reply)).toBeVisible();

  await assistant.getByRole("link", { name: t("messages.back") }).tap();
  await expect(log(assistant)).toBeHidden();
  await expect(threadList(assistant).getByRole("listitem").filter({ hasText: title })).toContainText(reply);
  await expect(messagesLink).toHaveAccessibleName(t("nav.messages"));
  await expectAccessible(assistant, "inbox on a phone after answering");
});

/** Nothing sticks out below: the page is no taller than the phone's screen and has not scrolled. */
async function expectNoPageScroll(page: Page) {
  await expect
    .poll(() =>
      page.evaluate(
        () => document.documentElement.scrollHeight - document.documentElement.clientHeight + window.scrollY,
      ),
    )
    .toBeLessThanOrEqual(0);
}

/** Nothing sticks out to the side: the page is no wider than the phone's screen. */
async function expectNoSidewaysScroll(page: Page) {
  await expect
    .poll(() =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    )
    .toBeLessThanOrEqual(0);
}
