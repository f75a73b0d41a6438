import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../testing/app.ts";
import { Browser, GOOD_PASSWORD, nextIp, verifiedUser } from "../testing/http.ts";

let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

async function device(email: string, password = GOOD_PASSWORD) {
  const browser = new Browser(app, nextIp());
  const res = await browser.post("/api/auth/sign-in/email", { email, password });
  expect(res.statusCode, res.body).toBe(200);
  return browser;
}

describe("changing the password", () => {
  it("signs out every other session whatever the client asks; this one carries on with a new cookie", async () => {
    const { email } = await verifiedUser(app);
    const laptop = await device(email);
    const stolen = await device(email);
    // Both verified once, so both sit in the session cache.
    expect((await laptop.get("/api/v1/me")).statusCode).toBe(200);
    expect((await stolen.get("/api/v1/me")).statusCode).toBe(200);
    const oldCookie = new Map(laptop.cookies);

    const newPassword = "a-brand-new-secret-77";
    const changed = await laptop.post("/api/auth/change-password", {
      currentPassword: GOOD_PASSWORD,
      newPassword,
      revokeOtherSessions: false,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().token).toEqual(expect.any(String));
    expect(String(changed.headers["set-cookie"])).toMatch(/^assista\.session_token=/);

    expect((await stolen.get("/api/v1/me")).statusCode).toBe(401);
    expect((await laptop.get("/api/v1/me")).statusCode).toBe(200);
    // The cookie from before the change is gone as well: the new one is a new session.
    const before = new Browser(app, laptop.ip);
    for (const [name, value] of oldCookie) before.cookies.set(name, value);
    expect((await before.get("/api/v1/me")).statusCode).toBe(401);
    await device(email, newPassword);
  });
});
