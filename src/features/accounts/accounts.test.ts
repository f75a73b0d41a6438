import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../server/testing/app.ts";
import { Browser, GOOD_PASSWORD, lastMailTo, linkIn, uniqueEmail } from "../../server/testing/http.ts";
import { createUserWithPassword, findUserByEmail } from "./factory.ts";

let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

async function signUpAndVerify(role: "client" | "assistant" = "client") {
  const browser = new Browser(app);
  const email = uniqueEmail(role);
  const res = await browser.post("/api/auth/sign-up/email", {
    name: "Erika Muster",
    email,
    password: GOOD_PASSWORD,
    role,
    locale: "en",
    timeZone: "Asia/Manila",
    callbackURL: "/verified",
  });
  expect(res.statusCode).toBe(200);
  const mail = await lastMailTo(app, email);
  expect(mail?.subject).toBe("Please confirm your e-mail address");
  const link = new URL(linkIn(mail?.text ?? ""));
  const verified = await browser.get(link.pathname + link.search);
  expect(verified.statusCode).toBe(302);
  expect(verified.headers.location).toBe("/verified");
  return { browser, email };
}

describe("sign-up, verification and the signed-in user", () => {
  it("signs up, mails a confirmation link in the user's language, and signs in on confirmation", async () => {
    const { browser, email } = await signUpAndVerify("assistant");
    const me = await browser.get("/api/v1/me");
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      email,
      roles: ["assistant"],
      locale: "en",
      timeZone: "Asia/Manila",
      emailVerified: true,
    });
  });

  it("refuses sign-in before the e-mail is confirmed", async () => {
    const browser = new Browser(app);
    const email = uniqueEmail();
    await browser.post("/api/auth/sign-up/email", {
      name: "N",
      email,
      password: GOOD_PASSWORD,
      role: "client",
    });
    const res = await browser.post("/api/auth/sign-in/email", { email, password: GOOD_PASSWORD });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: "forbidden", reason: "auth.email_not_verified" });
  });

  it("answers 401 problem+json to /api/v1/me without a session", async () => {
    const res = await new Browser(app).get("/api/v1/me");
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: "unauthenticated" });
  });

  it("adds the other role, once", async () => {
    const { browser } = await signUpAndVerify("client");
    const link = { title: "Blog", category: "blog_writing", url: "https://example.com/post" };
    // Refused as a client (and the session is now among the recently verified ones)…
    expect((await browser.post("/api/v1/samples/links", link)).statusCode).toBe(403);
    const first = await browser.post("/api/v1/me/roles", { role: "assistant" });
    expect(first.json().roles).toEqual(["client", "assistant"]);
    // …and the new role counts on the very next request.
    expect((await browser.post("/api/v1/samples/links", link)).statusCode).toBe(201);
    const again = await browser.post("/api/v1/me/roles", { role: "assistant" });
    expect(again.json().roles).toEqual(["client", "assistant"]);
  });

  it("updates name, language and time zone; refuses an unknown zone with a field error", async () => {
    const { browser } = await signUpAndVerify();
    const ok = await browser.post("/api/auth/update-user", {
      name: "Erika M.",
      locale: "de",
      timeZone: "America/New_York",
    });
    expect(ok.statusCode).toBe(200);
    expect((await browser.get("/api/v1/me")).json()).toMatchObject({
      name: "Erika M.",
      locale: "de",
      timeZone: "America/New_York",
    });
    const bad = await browser.post("/api/auth/update-user", { timeZone: "Mars/Olympus" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      { field: "timeZone", code: "time_zone_invalid", message: "time_zone_invalid" },
    ]);
  });
});

describe("roles cannot be escalated", () => {
  it("refuses sign-up as admin or with a roles list, and stores nothing", async () => {
    const browser = new Browser(app);
    const email = uniqueEmail("eve");
    for (const extra of [{ role: "admin" }, { role: "client", roles: ["admin"] }]) {
      const res = await browser.post("/api/auth/sign-up/email", {
        name: "Eve",
        email,
        password: GOOD_PASSWORD,
        ...extra,
      });
      expect(res.statusCode).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
    }
    expect(await findUserByEmail(app.database.db, email)).toBeUndefined();
  });

  it("refuses role and roles on update-user", async () => {
    const { browser } = await signUpAndVerify("client");
    for (const body of [{ role: "admin" }, { roles: ["admin"] }]) {
      const res = await browser.post("/api/auth/update-user", body);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0]).toMatchObject({ code: "unknown_field" });
    }
    expect((await browser.get("/api/v1/me")).json().roles).toEqual(["client"]);
  });

  it("refuses admin through /me/roles", async () => {
    const { browser } = await signUpAndVerify("client");
    const res = await browser.post("/api/v1/me/roles", { role: "admin" });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: "role", code: "role_invalid" });
  });

  it("the database refuses unknown and empty role sets whatever the code does", async () => {
    const { id } = await createUserWithPassword(app.auth, {
      name: "Db",
      email: uniqueEmail("db"),
      password: GOOD_PASSWORD,
      roles: ["client"],
    });
    await expect(
      app.database.db.execute(sql`update "user" set roles = '{superuser}' where id = ${id}`),
    ).rejects.toThrow();
    await expect(
      app.database.db.execute(sql`update "user" set roles = '{}' where id = ${id}`),
    ).rejects.toThrow();
  });
});

describe("password policy", () => {
  it.each([
    ["short", "short-pass1", "password_too_short"],
    ["long", "x".repeat(129), "password_too_long"],
    ["common", "password1234", "password_common"],
  ])("refuses a %s password at sign-up with a field error", async (_name, password, code) => {
    const res = await new Browser(app).post("/api/auth/sign-up/email", {
      name: "P",
      email: uniqueEmail("pw"),
      password,
      role: "client",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual(expect.objectContaining({ field: "password", code }));
  });

  it("refuses an invalid e-mail and unknown fields with one error each", async () => {
    const res = await new Browser(app).post("/api/auth/sign-up/email", {
      name: "P",
      email: "not-an-email",
      password: GOOD_PASSWORD,
      role: "client",
      favouriteColour: "blue",
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`);
    expect(fields.sort()).toEqual(["email:email_invalid", "favouriteColour:unknown_field"]);
  });
});

describe("password reset", () => {
  it("mails a reset link; the new password works and the old one no longer does", async () => {
    const { email, browser: signedInDevice } = await signUpAndVerify();
    expect((await signedInDevice.get("/api/v1/me")).statusCode).toBe(200);
    const browser = new Browser(app);
    const asked = await browser.post("/api/auth/request-password-reset", {
      email,
      redirectTo: "/reset-password",
    });
    expect(asked.statusCode).toBe(200);
    const mail = await lastMailTo(app, email);
    expect(mail?.subject).toBe("Reset your password");
    const link = new URL(linkIn(mail?.text ?? ""));
    const landing = await browser.get(link.pathname + link.search);
    expect(landing.statusCode).toBe(302);
    const token = new URL(landing.headers.location as string, "http://x").searchParams.get("token");
    expect(token).toBeTruthy();
    const newPassword = "a-brand-new-secret-77";
    const reset = await browser.post("/api/auth/reset-password", { newPassword, token });
    expect(reset.statusCode).toBe(200);
    // A reset signs out every device at once.
    expect((await signedInDevice.get("/api/v1/me")).statusCode).toBe(401);
    expect(
      (await browser.post("/api/auth/sign-in/email", { email, password: GOOD_PASSWORD })).statusCode,
    ).toBe(401);
    expect((await browser.post("/api/auth/sign-in/email", { email, password: newPassword })).statusCode).toBe(
      200,
    );
  });
});

// The cookie holds "token.signature"; session lists show the bare token.
const sessionToken = (b: Browser) => decodeURIComponent([...b.cookies.values()][0] ?? "").split(".")[0];

describe("sessions", () => {
  it("lists own sessions, revokes one, and revokes all others", async () => {
    const { email } = await signUpAndVerify();
    const devices = [new Browser(app), new Browser(app), new Browser(app)];
    for (const d of devices)
      expect((await d.post("/api/auth/sign-in/email", { email, password: GOOD_PASSWORD })).statusCode).toBe(
        200,
      );
    const [a, b, c] = devices as [Browser, Browser, Browser];
    // Each device was just seen: revoking must still end its session on the next request.
    for (const d of devices) expect((await d.get("/api/v1/me")).statusCode).toBe(200);
    const list = (await a.get("/api/auth/list-sessions")).json() as { token: string; ipAddress: string }[];
    expect(list.length).toBeGreaterThanOrEqual(3);
    expect(list.every((s) => s.ipAddress === "127.0.0.1")).toBe(true);
    const bToken = sessionToken(b);
    const revoke = await a.post("/api/auth/revoke-session", {
      token: list.find((s) => s.token === bToken)?.token,
    });
    expect(revoke.statusCode).toBe(200);
    expect((await b.get("/api/v1/me")).statusCode).toBe(401);
    expect((await a.post("/api/auth/revoke-other-sessions", {})).statusCode).toBe(200);
    expect((await c.get("/api/v1/me")).statusCode).toBe(401);
    expect((await a.get("/api/v1/me")).statusCode).toBe(200);
  });

  it("a user cannot revoke another user's session", async () => {
    const one = await signUpAndVerify();
    const other = await signUpAndVerify();
    const otherToken = sessionToken(other.browser);
    await one.browser.post("/api/auth/revoke-session", { token: otherToken });
    expect((await other.browser.get("/api/v1/me")).statusCode).toBe(200);
  });
});
