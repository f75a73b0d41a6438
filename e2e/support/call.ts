import { expect, type Page } from "@playwright/test";

// What the video-call specs read from a page's peer connection (peer-session.ts exposes it).

/** Camera and microphone without prompts (the chromium-media project fakes both devices). */
export const media = { permissions: ["camera", "microphone"] };

/** The connection state of the page's peer connection. */
export const connectionState = (page: Page) =>
  page.evaluate(() => window.__assistaPeerConnection?.connectionState ?? "none");

/** Frames of the peer's video decoded so far: media really flows. */
export const framesDecoded = (page: Page) =>
  page.evaluate(async () => {
    const pc = window.__assistaPeerConnection;
    if (!pc) return 0;
    let frames = 0;
    (await pc.getStats()).forEach((report: { type: string; kind?: string; framesDecoded?: number }) => {
      if (report.type === "inbound-rtp" && report.kind === "video") frames += report.framesDecoded ?? 0;
    });
    return frames;
  });

/** Both sides of a call are connected and decode the other's video, and say so (in each one's language). */
export async function expectConnected(pages: { page: Page; connected: string }[]) {
  for (const { page } of pages) {
    await expect.poll(() => connectionState(page), { timeout: 20_000 }).toBe("connected");
    await expect.poll(() => framesDecoded(page), { timeout: 20_000 }).toBeGreaterThan(0);
  }
  for (const { page, connected } of pages)
    await expect(page.getByRole("status").filter({ hasText: connected })).toBeVisible();
}
