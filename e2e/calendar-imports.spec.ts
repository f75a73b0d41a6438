import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { SECONDLY_ZONE } from "../src/features/calendar/testing-hostile.ts";
import { expectAccessible } from "./support/a11y.ts";
import { signedIn } from "./support/marketplace.ts";
import { chooseFile } from "./support/sample-files.ts";
import { type Lang, tr } from "./support/translations.ts";

// A calendar past the reader's bounds (a time zone whose rule repeats every second), subscribed
// to and uploaded: the imports page says why it was refused, and that the subscription is no
// longer fetched automatically, in German and in English.

for (const lang of ["de", "en"] as const satisfies Lang[]) {
  test(`calendar imports refuse a calendar past the bounds (${lang})`, async ({ browser }) => {
    const t = (key: string) => tr(lang, key);
    const calendars = createServer((_req, res) =>
      res.writeHead(200, { "content-type": "text/calendar" }).end(SECONDLY_ZONE),
    );
    await new Promise<void>((resolve) => calendars.listen(0, "127.0.0.1", resolve));
    try {
      const page = await signedIn(
        browser,
        lang,
        "assistant",
        lang === "de" ? "Anna Assistenz" : "Amy Assistant",
      );
      await page.goto("/availability");
      await expect(page.getByRole("heading", { level: 1, name: t("availability.title") })).toBeVisible();

      const imports = page.getByRole("region", { name: t("availability.imports.title") });
      const subscribe = imports.getByRole("form", { name: t("availability.imports.addUrl") });
      await subscribe.getByRole("textbox", { name: t("availability.imports.name") }).fill("Probe");
      await subscribe
        .getByRole("textbox", { name: t("availability.imports.url") })
        .fill(`http://127.0.0.1:${(calendars.address() as AddressInfo).port}/probe.ics`);
      await subscribe.getByRole("button", { name: t("availability.imports.subscribe") }).click();
      const item = imports.getByRole("listitem", { name: "Probe" });
      await expect(item.getByText(t("errors.reason.ics.too_complex"))).toBeVisible();
      await expect(item.getByText(t("availability.imports.paused"))).toBeVisible();

      const upload = imports.getByRole("region", { name: t("availability.imports.upload") });
      await chooseFile(page, upload.getByRole("button", { name: t("availability.imports.fileLabel") }), {
        name: "probe.ics",
        mimeType: "text/calendar",
        buffer: Buffer.from(SECONDLY_ZONE),
      });
      await upload.getByRole("button", { name: t("availability.imports.uploadSubmit") }).click();
      await expect(upload.getByRole("alert")).toHaveText(t("errors.reason.ics.too_complex"));
      // Only the subscription is listed: a refused file leaves nothing behind.
      await expect(imports.getByRole("listitem")).toHaveCount(1);
      await expectAccessible(page, `calendar imports with a refused calendar (${lang})`);
    } finally {
      calendars.closeAllConnections();
      calendars.close();
    }
  });
}
