import { expect, type Page, test, type WebSocket } from "@playwright/test";
import { expectAccessible } from "./support/a11y.ts";
import { connectionState, expectConnected, media } from "./support/call.ts";
import { hireViaApi, placeBidViaApi, publishJobViaApi, signedIn } from "./support/marketplace.ts";
import { tr } from "./support/translations.ts";

// Runs in the "chromium-media" project (playwright.config.ts): fake camera and microphone, no
// permission prompts, loopback WebRTC. A contract's call has no opening time: any time it is active.

const de = (key: string, values?: Record<string, string | number>) => tr("de", key, values);
const en = (key: string, values?: Record<string, string | number>) => tr("en", key, values);

/**
 * Opens a page and waits until its live connection is ready, so a ring from now on reaches it. The
 * frame listener is attached in the same turn as the socket appears: Playwright may hand over the
 * socket and its first frames in one batch, and a listener attached after an await misses "ready".
 */
async function openLive(page: Page, path: string) {
  const ready = new Promise<void>((resolve) => {
    const onSocket = (ws: WebSocket) => {
      if (!ws.url().includes("/api/ws")) return;
      page.off("websocket", onSocket);
      ws.on("framereceived", (frame) => {
        if (String(frame.payload).includes('"ready"')) resolve();
      });
    };
    page.on("websocket", onSocket);
  });
  await page.goto(path);
  await ready;
}

test("Videoanruf im Vertrag: die Auftraggeberin (deutsch) ruft an, die Assistentin (englisch) sieht das Klingeln, tritt bei, beide sehen sich, Auflegen; Fremde bleiben draußen", async ({
  browser,
}) => {
  const job = `Terminorganisation Praxis ${Date.now()}`;
  const client = await signedIn(browser, "de", "client", "Clara Anruf", {
    ...media,
    timezoneId: "Europe/Berlin",
  });
  const assistant = await signedIn(browser, "en", "assistant", "Amy Answer", {
    ...media,
    timezoneId: "Asia/Manila",
  });
  const jobId = await publishJobViaApi(client, { title: job, maxRateMinor: 4000 });
  const bidId = await placeBidViaApi(assistant, jobId, {
    rateMinor: 3500,
    coverLetter: "I have booked appointments for medical practices for years.",
  });
  const contractId = await hireViaApi(client, assistant, bidId, { rateMinor: 3500, weeklyHourCap: 10 });

  // The assistant is somewhere in the app, connected; the client starts the call from the contracts.
  await openLive(assistant, "/contracts");
  await client.goto("/contracts");
  await client
    .getByRole("row")
    .filter({ hasText: job })
    .getByRole("link", { name: de("contracts.callLink") })
    .click();
  await client.waitForURL(`**/contracts/${contractId}/call`);
  await expect(client.getByRole("heading", { level: 1, name: de("room.titleCall", { job }) })).toBeVisible();
  await expect(
    client.getByRole("heading", {
      level: 2,
      name: de("room.prejoin.heading_contract", { name: "Amy Answer" }),
    }),
  ).toBeVisible();
  await expect(client.getByRole("combobox", { name: de("room.devices.camera") })).toBeEnabled();
  await expect(client.getByRole("meter", { name: de("room.prejoin.level") })).toBeVisible();
  await expectAccessible(client, "contract call pre-join (de)");
  await client.getByRole("button", { name: de("room.prejoin.join") }).click();
  await expect(
    client.getByRole("status").filter({ hasText: de("room.state.waiting", { name: "Amy Answer" }) }),
  ).toBeVisible();

  // It rings for the assistant, on the page she is on.
  const banner = assistant
    .getByRole("complementary", { name: en("ringing.label") })
    .getByRole("alert")
    .filter({ hasText: en("ringing.message", { name: "Clara Anruf", job }) });
  await expect(banner).toBeVisible();
  await expectAccessible(assistant, "ringing banner (en)");
  await banner.getByRole("link", { name: en("ringing.join") }).click();
  await assistant.waitForURL(`**/contracts/${contractId}/call?answer=true`);
  await expect(banner).toBeHidden();
  await expect(assistant.getByText(en("room.prejoin.hint_answer", { name: "Clara Anruf" }))).toBeVisible();
  await assistant.getByRole("button", { name: en("room.prejoin.join") }).click();

  // Both connect and decode each other's video.
  await expectConnected([
    { page: client, connected: de("room.state.connected") },
    { page: assistant, connected: en("room.state.connected") },
  ]);
  await expectAccessible(client, "contract call (de)");
  await expectAccessible(assistant, "contract call (en)");

  // Answering did not ring back: the client has no call notice; the assistant has one to join by.
  const notices = async (page: Page) =>
    (
      (await (await page.request.get("/api/v1/notifications")).json()) as { items: { type: string }[] }
    ).items.filter((n) => n.type === "call.started").length;
  expect(await notices(client)).toBe(0);
  expect(await notices(assistant)).toBe(1);

  // The client hangs up: back to the contract's overview; the assistant sees that she left.
  await client.getByRole("button", { name: de("room.call.hangUp") }).click();
  await client.waitForURL(`**/contracts/${contractId}`);
  await expect(
    assistant
      .getByRole("status")
      .filter({ hasText: en("room.state.left_contract", { name: "Clara Anruf" }) }),
  ).toBeVisible();
  await expect.poll(() => connectionState(assistant)).toBe("none");

  // The contract's calendar offers the call too: the workspace's tab above it.
  await client.goto(`/contracts/${contractId}/calendar`);
  await expect(client.getByRole("link", { name: de("contracts.callLink") })).toHaveAttribute(
    "href",
    `/contracts/${contractId}/call`,
  );

  // A ring nobody answers ends when the caller hangs up.
  await openLive(assistant, "/contracts");
  await client.getByRole("link", { name: de("contracts.callLink") }).click();
  await client.getByRole("button", { name: de("room.prejoin.join") }).click();
  await expect(banner).toBeVisible();
  await client.getByRole("button", { name: de("room.call.hangUp") }).click();
  await expect(banner).toBeHidden();

  // Someone else cannot enter.
  const stranger = await signedIn(browser, "de", "assistant", "Stefan Fremd", media);
  await stranger.goto(`/contracts/${contractId}/call`);
  await expect(stranger.getByRole("alert")).toHaveText(de("room.unavailable.notContractParty"));
  await expectAccessible(stranger, "contract call, not a party (de)");
});
