import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/a11y.ts";
import { placeBidViaApi, publishJobViaApi, signedInGerman } from "./support/marketplace.ts";
import { inboxIn } from "./support/messaging.ts";
import { chooseFile, pdfFile } from "./support/sample-files.ts";
import { tr } from "./support/translations.ts";

const t = (key: string, values?: Record<string, string | number>) => tr("de", key, values);

const { log, composer, send, expectThread } = inboxIn("de");

test("Nachrichten zu einem Angebot: live, mit Tippanzeige, Lesebestätigung, Kontaktwarnung, Nachholen nach einer Unterbrechung, Datei, Korrektur und Löschen, auch auf dem Handy (deutsch)", async ({
  browser,
}) => {
  const title = `Terminplanung für eine Praxis ${Date.now()}`;
  const client = await signedInGerman(browser, "client", "Clara Kanzlei");
  const assistant = await signedInGerman(browser, "assistant", "Anna Assistenz");
  const jobId = await publishJobViaApi(client, { title, maxRateMinor: 4000 });
  await placeBidViaApi(assistant, jobId, {
    rateMinor: 3500,
    coverLetter: "Ich plane seit Jahren Termine für zwei Arztpraxen.",
  });

  // The assistant waits on their bids; the header's message link is live.
  await assistant.goto("/my-bids");
  await expect(assistant.getByRole("heading", { level: 1, name: t("bids.mine.title") })).toBeVisible();
  const messagesLink = assistant.getByRole("banner").getByRole("link", { name: /^Nachrichten/ });
  await expect(messagesLink).toHaveAccessibleName(t("nav.messages"));

  // The client writes from the bid review.
  await client.goto(`/my-jobs/${jobId}/bids`);
  const bid = client.getByRole("listitem", { name: "Anna Assistenz" });
  await bid.getByRole("button", { name: t("messages.write") }).click();
  await expectThread(client, "Anna Assistenz", "empty bid thread (client)");
  const question = "Guten Tag, ab wann könnten Sie anfangen?";
  await send(client, question);

  // The assistant's badge counts it without a reload, and the bid opens the same thread.
  await expect(messagesLink).toHaveAccessibleName(
    `${t("nav.messages")} 1 ${t("notifications.unreadSuffix")}`,
  );
  await assistant
    .getByRole("listitem")
    .filter({ hasText: title })
    .getByRole("button", { name: t("messages.write") })
    .click();
  await expectThread(assistant, "Clara Kanzlei", "bid thread (assistant)");
  await expect(log(assistant).getByText(question)).toBeVisible();
  await expect(messagesLink).toHaveAccessibleName(t("nav.messages"));
  const thread = assistant.getByRole("navigation", { name: t("messages.threads") });
  await expect(thread.getByRole("link", { name: "Clara Kanzlei" })).toHaveAttribute("aria-current", "page");

  // Read receipt on the client's side, live.
  const own = log(client)
    .getByRole("article", { name: t("messages.fromMe") })
    .filter({ hasText: question });
  await expect(own.locator("xpath=..").getByText(t("messages.read"), { exact: true })).toBeVisible();

  // The client sees the assistant typing, then the answer.
  const answer = "Ab dem nächsten Montag, gern auch früher.";
  await composer(assistant).fill("Ab dem");
  await expect(
    client.getByRole("status").filter({ hasText: t("messages.typing", { name: "Anna Assistenz" }) }),
  ).toBeVisible();
  await send(assistant, answer);
  await expect(log(client).getByText(answer)).toBeVisible();
  await expect(client.getByText(t("messages.typing", { name: "Anna Assistenz" }))).toHaveCount(0);

  // Before hire, a phone number is held back with a warning; sent anyway, it is marked for the client.
  const phone = "Rufen Sie mich gern an: +49 170 1234567";
  await composer(assistant).fill(phone);
  await assistant.getByRole("button", { name: t("messages.composer.send") }).click();
  const warning = assistant.getByRole("alert").filter({ hasText: t("messages.contact.title") });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText(t("messages.contact.kinds.phone"));
  await expect(log(assistant).getByText(phone)).toHaveCount(0);
  await expectAccessible(assistant, "contact details warning");
  await warning.getByRole("button", { name: t("messages.contact.sendAnyway") }).click();
  await expect(log(assistant).getByText(phone)).toBeVisible();
  const flagged = log(client).getByRole("article").filter({ hasText: phone });
  await expect(flagged.getByText(t("messages.flagged.title"))).toBeVisible();
  await expectAccessible(client, "bid thread with a flagged message (client)");

  // The assistant loses the connection; a message sent meanwhile arrives once it is back.
  await assistant.context().setOffline(true);
  await assistant.waitForFunction(() => !navigator.onLine);
  const meanwhile = "Passt Dienstag um 10 Uhr für ein kurzes Gespräch?";
  await send(client, meanwhile);
  await expect(log(assistant).getByText(meanwhile)).toHaveCount(0);
  await assistant.context().setOffline(false);
  await expect(log(assistant).getByText(meanwhile)).toBeVisible();
  await expect(log(assistant).getByText(meanwhile)).toHaveCount(1);
  // Having caught up, the assistant's pane reads it and the receipt reaches the client.
  const latest = log(client)
    .getByRole("article", { name: t("messages.fromMe") })
    .filter({ hasText: meanwhile });
  await expect(latest.locator("xpath=..").getByText(t("messages.read"), { exact: true })).toBeVisible();

  // A file, with its upload progress, reaches the other side as a link.
  await chooseFile(
    assistant,
    assistant.getByRole("button", { name: t("messages.composer.attach") }),
    pdfFile("terminplan.pdf"),
  );
  await composer(assistant).fill("Anbei mein Vorschlag für den Terminplan.");
  await assistant.getByRole("button", { name: t("messages.composer.send") }).click();
  await expect(log(assistant).getByRole("link", { name: /^terminplan\.pdf/ })).toBeVisible();
  await expect(log(client).getByRole("link", { name: /^terminplan\.pdf/ })).toBeVisible();

  // The client corrects a message and then takes it back; the assistant sees both without a reload.
  // The client's newest own message (while it is edited, its text sits in a text box).
  const sent = log(client)
    .getByRole("article", { name: t("messages.fromMe") })
    .last();
  await expect(sent).toContainText(meanwhile);
  await sent.getByRole("button", { name: t("messages.edit") }).click();
  const corrected = "Passt Mittwoch um 10 Uhr für ein kurzes Gespräch?";
  await sent.getByRole("textbox", { name: t("messages.editLabel") }).fill(corrected);
  await sent.getByRole("button", { name: t("messages.saveEdit") }).click();
  const theirs = log(assistant).getByRole("article").filter({ hasText: corrected });
  await expect(theirs.getByText(t("messages.edited"), { exact: false })).toBeVisible();
  await expect(sent).toContainText(corrected);
  await sent.getByRole("button", { name: t("messages.delete") }).click();
  await expect(log(assistant).getByText(corrected)).toHaveCount(0);
  await expect(log(assistant).getByText(t("messages.deleted"))).toBeVisible();

  // On a phone the list and the thread stack: one at a time, with a way back.
  await client.setViewportSize({ width: 390, height: 800 });
  const threads = client.getByRole("navigation", { name: t("messages.threads") });
  await expect(threads).toBeHidden();
  await expect(log(client)).toBeVisible();
  await expectAccessible(client, "bid thread on a phone");
  await client.getByRole("link", { name: t("messages.back") }).click();
  await expect(threads.getByRole("link", { name: "Anna Assistenz" })).toBeVisible();
  await expect(log(client)).toBeHidden();
  await expectAccessible(client, "inbox on a phone");
});

test("Benachrichtigungen pro Art einstellen (deutsch)", async ({ browser }) => {
  const client = await signedInGerman(browser, "client", "Clara Kanzlei");
  await client.goto("/settings");
  await expect(client.getByRole("heading", { level: 1, name: t("settings.title") })).toBeVisible();
  const section = client.getByRole("region", { name: t("settings.notifications.title") });
  const received = section.getByRole("combobox", { name: t("settings.notifications.types.bid.received") });
  await expect(received).toHaveValue(t("settings.notifications.channels.email"));
  await expectAccessible(client, "settings with notification preferences");
  await received.click();
  await client.getByRole("option", { name: t("settings.notifications.channels.in_app") }).click();
  await expect
    .poll(async () => {
      const saved = (await (await client.request.get("/api/v1/me/notification-preferences")).json()) as {
        type: string;
        channel: string;
      }[];
      return saved.find((p) => p.type === "bid.received")?.channel;
    })
    .toBe("in_app");
  await client.reload();
  await expect(received).toHaveValue(t("settings.notifications.channels.in_app"));
  await expect(
    section.getByRole("combobox", { name: t("settings.notifications.types.offer.accepted") }),
  ).toHaveValue(t("settings.notifications.channels.email"));
});
