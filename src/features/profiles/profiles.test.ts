import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../server/testing/app.ts";
import { Browser, signedIn } from "../../server/testing/http.ts";
import { PDF, png, sendUpload, type TestFile } from "../../server/testing/upload.ts";
import { isVatIdFormat } from "./schema.ts";

let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const assistantProfile = (overrides = {}) => ({
  headline: "Erfahrene Büroleiterin für Buchhaltung und Termine",
  bio: "**15 Jahre** im Sekretariat. <script>alert(1)</script>",
  yearsExperience: 15,
  skills: ["bookkeeping", "scheduling"],
  tags: ["DATEV"],
  languages: [
    { code: "de", level: "native" },
    { code: "en", level: "fluent" },
  ],
  hourlyRateMinor: 3200,
  priceList: [{ category: "travel_planning", priceMinor: 4500 }],
  currency: "EUR",
  timeZone: "Europe/Berlin",
  weeklyHours: [{ day: "mon", from: "09:00", to: "13:00" }],
  availability: "available",
  ...overrides,
});

describe("assistant profiles", () => {
  it("an assistant saves a profile that anyone can read, without private data", async () => {
    const anna = await signedIn(app, ["assistant"], "Anna Schmidt");
    const saved = await anna.request("PUT", "/api/v1/me/assistant-profile", assistantProfile());
    expect(saved.statusCode, saved.body).toBe(200);
    const pub = await new Browser(app).get(`/api/v1/assistants/${anna.userId}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({
      name: "Anna Schmidt",
      hourlyRateMinor: 3200,
      skills: ["bookkeeping", "scheduling"],
    });
    // Markdown and any HTML in it are stored as text; the web app renders it without raw HTML.
    expect(pub.json().bio).toContain("<script>");
    expect(JSON.stringify(pub.json())).not.toContain(anna.email);
  });

  it("refuses bad input with field errors, and clients cannot have an assistant profile", async () => {
    const anna = await signedIn(app, ["assistant"]);
    const bad = await anna.request(
      "PUT",
      "/api/v1/me/assistant-profile",
      assistantProfile({ timeZone: "Mars/Base", skills: ["magic"], yearsExperience: -1 }),
    );
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(["skills.0", "timeZone", "yearsExperience"]);
    const client = await signedIn(app, ["client"]);
    expect((await client.request("PUT", "/api/v1/me/assistant-profile", assistantProfile())).statusCode).toBe(
      403,
    );
    expect(
      (await new Browser(app).request("PUT", "/api/v1/me/assistant-profile", assistantProfile())).statusCode,
    ).toBe(401);
    expect((await new Browser(app).get(`/api/v1/assistants/${client.userId}`)).statusCode).toBe(404);
  });
});

describe("profile photos", () => {
  const putPhoto = (who: Browser, file: TestFile) =>
    sendUpload(app, who, { method: "PUT", url: "/api/v1/me/assistant-profile/photo", file });

  it("an assistant sets a photo that anyone sees as a 512 px WebP square, and removes it", async () => {
    const anna = await signedIn(app, ["assistant"]);
    // A photo belongs to a profile: none yet, so there is nothing to attach it to.
    expect((await putPhoto(anna, { name: "me.png", bytes: await png(1200, 800) })).statusCode).toBe(404);
    await anna.request("PUT", "/api/v1/me/assistant-profile", assistantProfile());
    const set = await putPhoto(anna, { name: "me.png", bytes: await png(1200, 800) });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().hasPhoto).toBe(true);
    const photo = await new Browser(app).get(`/api/v1/assistants/${anna.userId}/photo`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers["content-type"]).toBe("image/webp");
    expect(photo.headers["x-content-type-options"]).toBe("nosniff");
    expect(await sharp(photo.rawPayload).metadata()).toMatchObject({
      format: "webp",
      width: 512,
      height: 512,
    });
    // The profile keeps its other fields when saved again.
    await anna.request("PUT", "/api/v1/me/assistant-profile", assistantProfile({ headline: "Neu" }));
    expect((await new Browser(app).get(`/api/v1/assistants/${anna.userId}`)).json().hasPhoto).toBe(true);
    expect((await anna.request("DELETE", "/api/v1/me/assistant-profile/photo")).statusCode).toBe(204);
    expect((await new Browser(app).get(`/api/v1/assistants/${anna.userId}/photo`)).statusCode).toBe(404);
    expect((await new Browser(app).get(`/api/v1/assistants/${anna.userId}`)).json().hasPhoto).toBe(false);
  });

  it("refuses what is not a photo, a photo too large, clients and strangers; keeps the old photo", async () => {
    const anna = await signedIn(app, ["assistant"]);
    await anna.request("PUT", "/api/v1/me/assistant-profile", assistantProfile());
    await putPhoto(anna, { name: "me.png", bytes: await png() });
    const before = (await new Browser(app).get(`/api/v1/assistants/${anna.userId}/photo`)).rawPayload;
    const pdf = await putPhoto(anna, { name: "me.png", bytes: PDF });
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json()).toMatchObject({ reason: "profile.photo_type" });
    const big = await putPhoto(anna, { name: "big.png", bytes: Buffer.alloc(5 * 1024 * 1024 + 1, 1) });
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ reason: "profile.photo_too_large" });
    const after = (await new Browser(app).get(`/api/v1/assistants/${anna.userId}/photo`)).rawPayload;
    expect(after.equals(before)).toBe(true);
    const client = await signedIn(app, ["client"]);
    expect((await putPhoto(client, { name: "me.png", bytes: await png() })).statusCode).toBe(403);
    expect((await putPhoto(new Browser(app), { name: "me.png", bytes: await png() })).statusCode).toBe(401);
    expect((await new Browser(app).request("DELETE", "/api/v1/me/assistant-profile/photo")).statusCode).toBe(
      401,
    );
  });
});

describe("client profiles", () => {
  const body = (vatId: string | null) => ({
    displayName: "Berger Architekten GmbH",
    country: "DE",
    timeZone: "Europe/Berlin",
    billingAddress: { line1: "Hauptstraße 1", line2: "", postalCode: "10115", city: "Berlin" },
    vatId,
  });

  it("stores billing details visible only to the client, with the VAT id format checked", async () => {
    const client = await signedIn(app, ["client"]);
    const bad = await client.request("PUT", "/api/v1/me/client-profile", body("DE12345"));
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: "vatId", code: "vat_id_invalid" })]);
    const ok = await client.request("PUT", "/api/v1/me/client-profile", body("de 123 456 789"));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ vatId: "DE123456789", country: "DE" });
    const other = await signedIn(app, ["client"]);
    expect((await other.get("/api/v1/me/client-profile")).statusCode).toBe(404);
  });

  it("checks VAT id formats per country", () => {
    expect(isVatIdFormat("ATU12345678")).toBe(true);
    expect(isVatIdFormat("NL123456789B01")).toBe(true);
    expect(isVatIdFormat("DE1234567890")).toBe(false);
    expect(isVatIdFormat("12345")).toBe(false);
  });
});
