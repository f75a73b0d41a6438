import { afterAll, beforeAll, describe, expect, it } from "vitest";
import de from "../../web/i18n/de.json" with { type: "json" };
import en from "../../web/i18n/en.json" with { type: "json" };
import { createTestApp, TEST_ORIGIN } from "../testing/app.ts";
import { signedIn } from "../testing/http.ts";
import { multipart } from "../testing/upload.ts";

let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

// Another port of the same host: same site, so SameSite=Lax sends the victim's cookie along.
const EVIL = "http://localhost:4000";
const ICS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nEND:VCALENDAR\r\n";

type Victim = Awaited<ReturnType<typeof signedIn>>;
const cookieOf = (victim: Victim) => [...victim.cookies].map(([k, v]) => `${k}=${v}`).join("; ");

function importCalendar(victim: Victim, headers: Record<string, string>) {
  const body = multipart(
    { name: "Planted" },
    { name: "x.ics", type: "text/calendar", bytes: Buffer.from(ICS) },
  );
  return app.inject({
    method: "POST",
    url: "/api/v1/me/calendar-imports/file",
    remoteAddress: victim.ip,
    headers: { "content-type": body.contentType, cookie: cookieOf(victim), ...headers },
    payload: body.payload,
  });
}

function expectRefused(res: Awaited<ReturnType<typeof app.inject>>, reason = "request.cross_origin") {
  expect(res.statusCode, res.body).toBe(403);
  expect(res.headers["content-type"]).toContain("application/problem+json");
  expect(res.json()).toMatchObject({ code: "forbidden", reason, openAt: TEST_ORIGIN });
}

describe("unsafe requests from other origins", () => {
  it("refuses a multipart upload from another origin with the victim's cookie; its own pages pass", async () => {
    const victim = await signedIn(app, ["assistant"]);
    expectRefused(await importCalendar(victim, { origin: EVIL }));
    // A no-cors form post from a page without a referrer says `Origin: null`.
    expectRefused(await importCalendar(victim, { origin: "null", "sec-fetch-site": "same-site" }));
    expect((await victim.get("/api/v1/me/calendar-imports")).json()).toEqual([]);
    expect((await importCalendar(victim, { origin: TEST_ORIGIN })).statusCode).toBe(201);

    // The app's own pages, typed-in requests and clients that are no browser pass.
    const post = (headers: Record<string, string>) => importCalendar(victim, headers);
    expect((await post({ origin: TEST_ORIGIN, "sec-fetch-site": "same-origin" })).statusCode).toBe(201);
    expect((await post({ "sec-fetch-site": "same-origin" })).statusCode).toBe(201);
    expect((await post({ "sec-fetch-site": "none" })).statusCode).toBe(201);
    expect((await post({ origin: "null", "sec-fetch-site": "same-origin" })).statusCode).toBe(201);
    // curl, or a server with an API client: neither header.
    expect((await post({})).statusCode).toBe(201);
    // Reads are never refused: links and images from other sites stay possible.
    expect(
      (await victim.get("/api/v1/me", { origin: EVIL, "sec-fetch-site": "cross-site" })).statusCode,
    ).toBe(200);
  });

  it("refuses a JSON write from another origin, and from one only Sec-Fetch-Site names", async () => {
    const victim = await signedIn(app, ["assistant"]);
    const url = "/api/v1/me/calendar-imports";
    const body = { name: "Planted", url: "https://calendar.example/a.ics" };
    expectRefused(await victim.post(url, body, { origin: EVIL }));
    expectRefused(await victim.post(url, body, { origin: "https://evil.example" }));
    for (const site of ["same-site", "cross-site"]) {
      const res = await victim.app.inject({
        method: "POST",
        url,
        remoteAddress: victim.ip,
        headers: { "content-type": "application/json", cookie: cookieOf(victim), "sec-fetch-site": site },
        payload: JSON.stringify(body),
      });
      expectRefused(res);
    }
    expect((await victim.get(url)).json()).toEqual([]);
  });

  it("refuses a body-less write from another origin, on the API and on Better Auth's mount", async () => {
    const victim = await signedIn(app, ["assistant"]);
    const created = await importCalendar(victim, { origin: TEST_ORIGIN });
    const remove = `/api/v1/me/calendar-imports/${created.json().id}`;
    expectRefused(await victim.request("DELETE", remove, undefined, { origin: EVIL }));
    expectRefused(await victim.request("POST", "/api/auth/sign-out", undefined, { origin: EVIL }));
    expect((await victim.get("/api/v1/me/calendar-imports")).json()).toHaveLength(1);
    expect((await victim.get("/api/v1/me")).statusCode).toBe(200);
    expect((await victim.request("DELETE", remove)).statusCode).toBe(204);
  });
});

describe("the app opened under another address", () => {
  it("tells a page served under 127.0.0.1 which address to open instead of a permission error", async () => {
    for (const url of ["/api/auth/sign-up/email", "/api/auth/sign-in/email"]) {
      const res = await app.inject({
        method: "POST",
        url,
        headers: {
          host: "127.0.0.1:3000",
          origin: "http://127.0.0.1:3000",
          "sec-fetch-site": "same-origin",
          "content-type": "application/json",
        },
        payload: JSON.stringify({ email: "new@example.com", password: "tangerine-orbit-velvet-42" }),
      });
      expectRefused(res, "request.wrong_address");
      expect(res.json().detail).toContain(TEST_ORIGIN);
    }
  });

  it("has a German and an English text naming the address for every reason", () => {
    for (const bundle of [de, en]) {
      const reasons = bundle.errors.reason;
      for (const text of [
        reasons.request.wrong_address,
        reasons.request.cross_origin,
        reasons.auth.invalid_origin,
      ]) {
        expect(text).toContain("{{address}}");
      }
    }
  });
});
