import { expect, type Page, test } from "@playwright/test";
import { expectAccessible } from "./support/a11y.ts";
import { connectionState, expectConnected, media } from "./support/call.ts";
import { placeBidViaApi, publishJobViaApi, signedIn } from "./support/marketplace.ts";
import { tr } from "./support/translations.ts";

// Runs in the "chromium-media" project (playwright.config.ts): fake camera and microphone, no
// permission prompts, loopback WebRTC. The e2e server lets the room open an hour ahead.

const de = (key: string, values?: Record<string, string | number>) => tr("de", key, values);
const en = (key: string, values?: Record<string, string | number>) => tr("en", key, values);

const allDay = async (page: Page) => {
  const saved = await page.request.put("/api/v1/me/availability", {
    data: {
      timeZone: "UTC",
      weeklyHours: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((day) => ({
        day,
        from: "00:00",
        to: "24:00",
      })),
    },
  });
  expect(saved.ok(), await saved.text()).toBe(true);
};

const outboundAudioEnabled = (page: Page) =>
  page.evaluate(
    () =>
      window.__assistaPeerConnection?.getSenders().find((s) => s.track?.kind === "audio")?.track?.enabled ??
      null,
  );

test("Video-Gespräch zwischen Auftraggeberin (Berlin, deutsch) und Assistentin (Manila, englisch): Geräteprüfung, Verbindung, Stummschalten, Auflegen; Fremde bleiben draußen", async ({
  browser,
}) => {
  const title = `Buchhaltung für ein Café ${Date.now()}`;
  const client = await signedIn(browser, "de", "client", "Clara Kanzlei", {
    ...media,
    timezoneId: "Europe/Berlin",
  });
  const assistant = await signedIn(browser, "en", "assistant", "Amy Assist", {
    ...media,
    timezoneId: "Asia/Manila",
  });
  const jobId = await publishJobViaApi(client, { title, maxRateMinor: 4000 });
  const bidId = await placeBidViaApi(assistant, jobId, {
    rateMinor: 3500,
    coverLetter: "I keep the books of three small cafés.",
  });
  await Promise.all([allDay(client), allDay(assistant)]);

  // The next common half hour, requested by the client and confirmed by the assistant.
  const slots = await client.request.get(`/api/v1/bids/${bidId}/interview-slots`);
  expect(slots.ok(), await slots.text()).toBe(true);
  const start = ((await slots.json()) as { slots: { start: string }[] }).slots[0]?.start ?? "";
  expect(start).not.toBe("");
  const requested = await client.request.post(`/api/v1/bids/${bidId}/interviews`, {
    data: { durationMinutes: 30, proposals: [start] },
  });
  expect(requested.status(), await requested.text()).toBe(201);
  const interviewId = ((await requested.json()) as { id: string }).id;
  const confirmed = await assistant.request.post(`/api/v1/interviews/${interviewId}/confirm`, {
    data: { start },
  });
  expect(confirmed.ok(), await confirmed.text()).toBe(true);
  const roomUrl = `/interviews/${interviewId}/room`;

  // A later interview of the two: its room is not open yet and says when it opens, in each one's zone.
  const later = ((await slots.json()) as { slots: { start: string }[] }).slots.find(
    (s) => Date.parse(s.start) > Date.now() + 3 * 3_600_000,
  )?.start;
  expect(later).toBeDefined();
  const laterRequest = await client.request.post(`/api/v1/bids/${bidId}/interviews`, {
    data: { durationMinutes: 30, proposals: [later] },
  });
  expect(laterRequest.status(), await laterRequest.text()).toBe(201);
  const laterId = ((await laterRequest.json()) as { id: string }).id;
  const laterConfirmed = await assistant.request.post(`/api/v1/interviews/${laterId}/confirm`, {
    data: { start: later },
  });
  expect(laterConfirmed.ok(), await laterConfirmed.text()).toBe(true);
  await client.goto(`/interviews/${laterId}/room`);
  await expect(client.getByRole("status").filter({ hasText: /öffnet am .*MES?Z/ })).toBeVisible();
  await assistant.goto(`/interviews/${laterId}/room`);
  await expect(
    assistant.getByRole("status").filter({ hasText: /opens on .*(GMT\+8|PHT|PST)/ }),
  ).toBeVisible();
  await expectAccessible(assistant, "room not open yet (en)");

  // Pre-join: preview, device lists, level meter.
  await client.goto(roomUrl);
  await expect(
    client.getByRole("heading", { level: 1, name: de("room.title", { job: title }) }),
  ).toBeVisible();
  await expect(client.getByRole("combobox", { name: de("room.devices.camera") })).toBeEnabled();
  await expect(client.getByRole("combobox", { name: de("room.devices.microphone") })).toBeEnabled();
  await expect(client.getByRole("meter", { name: de("room.prejoin.level") })).toBeVisible();
  // The fake microphone plays a beep: the meter moves.
  await expect
    .poll(async () =>
      Number(await client.getByRole("meter", { name: de("room.prejoin.level") }).getAttribute("value")),
    )
    .toBeGreaterThan(0);
  await expectAccessible(client, "room pre-join (de)");

  await assistant.goto(roomUrl);
  await expect(
    assistant.getByRole("heading", { level: 1, name: en("room.title", { job: title }) }),
  ).toBeVisible();

  // Both join; both connect and decode each other's video.
  await client.getByRole("button", { name: de("room.prejoin.join") }).click();
  await expect(
    client.getByRole("status").filter({ hasText: de("room.state.waiting", { name: "Amy Assist" }) }),
  ).toBeVisible();
  await assistant.getByRole("button", { name: en("room.prejoin.join") }).click();
  await expectConnected([
    { page: client, connected: de("room.state.connected") },
    { page: assistant, connected: en("room.state.connected") },
  ]);
  await expect(client.getByRole("heading", { level: 2, name: "Amy Assist" })).toBeVisible();
  await expect(client.locator('[data-connection-state="connected"]')).toBeVisible();
  await expectAccessible(client, "room call (de)");
  await expectAccessible(assistant, "room call (en)");

  // Mute: the toggle says so, and the microphone track sends silence.
  const mute = client.getByRole("button", { name: de("room.call.mute") });
  await expect(mute).toHaveAttribute("aria-pressed", "false");
  await mute.click();
  await expect(mute).toHaveAttribute("aria-pressed", "true");
  await expect.poll(() => outboundAudioEnabled(client)).toBe(false);
  await mute.click();
  await expect(mute).toHaveAttribute("aria-pressed", "false");
  await expect.poll(() => outboundAudioEnabled(client)).toBe(true);

  // Camera off is a toggle too.
  const camera = assistant.getByRole("button", { name: en("room.call.cameraOff") });
  await camera.click();
  await expect(camera).toHaveAttribute("aria-pressed", "true");
  await camera.click();
  await expect(camera).toHaveAttribute("aria-pressed", "false");

  // The assistant reloads: the call comes back.
  await assistant.reload();
  await assistant.getByRole("button", { name: en("room.prejoin.join") }).click();
  await expectConnected([
    { page: client, connected: de("room.state.connected") },
    { page: assistant, connected: en("room.state.connected") },
  ]);

  // The assistant hangs up: back to the interview; the client sees that she left.
  await assistant.getByRole("button", { name: en("room.call.hangUp") }).click();
  await assistant.waitForURL(`**/interviews/${interviewId}`);
  await expect(
    client.getByRole("status").filter({ hasText: de("room.state.left", { name: "Amy Assist" }) }),
  ).toBeVisible();
  await expect.poll(() => connectionState(client)).toBe("none");

  // Someone else cannot enter.
  const stranger = await signedIn(browser, "de", "client", "Stefan Fremd", media);
  await stranger.goto(roomUrl);
  await expect(stranger.getByRole("alert")).toHaveText(de("room.unavailable.notParticipant"));
  await expectAccessible(stranger, "room not a participant (de)");
});
