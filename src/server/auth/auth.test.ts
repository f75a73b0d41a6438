import { base32 } from "@better-auth/utils/base32";
import { createOTP } from "@better-auth/utils/otp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUserWithPassword } from "../../features/accounts/factory.ts";
import { createTestApp } from "../testing/app.ts";
import { Browser, GOOD_PASSWORD, uniqueEmail, verifiedUser } from "../testing/http.ts";

let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  app = await createTestApp({}, { authLimits: { signInPerMinute: 3 } });
});
afterAll(() => app.close());

const verifiedEmail = async () => (await verifiedUser(app)).email;

describe("sign-in throttling", () => {
  it("limits sign-in attempts per client address; spoofed forwarding headers do not open new buckets", async () => {
    const email = await verifiedEmail();
    const attacker = new Browser(app, "203.0.113.7");
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await attacker.post(
        "/api/auth/sign-in/email",
        { email, password: "wrong-password-123" },
        {
          "x-forwarded-for": `198.51.100.${i}`,
          "x-real-ip": `198.51.100.${i}`,
          "x-assista-client-ip": `10.0.0.${i}`,
        },
      );
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429, 429]);
    // Another address still gets in.
    const honest = new Browser(app, "203.0.113.8");
    expect(
      (await honest.post("/api/auth/sign-in/email", { email, password: GOOD_PASSWORD })).statusCode,
    ).toBe(200);
  });

  it("answers a throttled request as problem+json with Retry-After", async () => {
    const email = await verifiedEmail();
    const client = new Browser(app, "203.0.113.9");
    let last = await client.post("/api/auth/sign-in/email", { email, password: "wrong-password-123" });
    for (let i = 0; i < 4; i++)
      last = await client.post("/api/auth/sign-in/email", { email, password: "wrong-password-123" });
    expect(last.statusCode).toBe(429);
    expect(last.headers["content-type"]).toContain("application/problem+json");
    expect(last.json()).toMatchObject({ code: "rate_limited" });
    expect(Number(last.headers["retry-after"])).toBeGreaterThan(0);
  });
});

describe("session cookies", () => {
  it("are HttpOnly and SameSite=Lax, without Secure on an http:// public URL", async () => {
    const email = await verifiedEmail();
    const res = await new Browser(app, "192.0.2.1").post("/api/auth/sign-in/email", {
      email,
      password: GOOD_PASSWORD,
    });
    const cookie = String(res.headers["set-cookie"]);
    expect(cookie).toMatch(/^assista\.session_token=/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).not.toContain("Secure");
  });

  it("are Secure with the __Host- prefix when the public URL is https://", async () => {
    const secure = await createTestApp({
      PUBLIC_URL: "https://assista.example",
      NODE_ENV: "production",
      SMTP_URL: "smtp://127.0.0.1:2525",
    });
    try {
      const email = uniqueEmail("tls");
      await createUserWithPassword(secure.auth, {
        name: "T",
        email,
        password: GOOD_PASSWORD,
        roles: ["client"],
      });
      const res = await secure.inject({
        method: "POST",
        url: "/api/auth/sign-in/email",
        headers: { "content-type": "application/json", origin: "https://assista.example" },
        payload: { email, password: GOOD_PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      const cookie = String(res.headers["set-cookie"]);
      expect(cookie).toMatch(/^__Host-assista\.session_token=/);
      expect(cookie).toContain("Secure");
      expect(cookie).toContain("Path=/");
      expect(cookie).not.toContain("Domain=");
    } finally {
      await secure.close();
    }
  });
});

describe("two-factor sign-in", () => {
  it("enables TOTP, then requires a code at sign-in; a recovery code works once", async () => {
    const email = await verifiedEmail();
    const device = new Browser(app, "192.0.2.10");
    expect(
      (await device.post("/api/auth/sign-in/email", { email, password: GOOD_PASSWORD })).statusCode,
    ).toBe(200);
    const enabled = await device.post("/api/auth/two-factor/enable", { password: GOOD_PASSWORD });
    expect(enabled.statusCode).toBe(200);
    const { totpURI, backupCodes } = enabled.json() as { totpURI: string; backupCodes: string[] };
    expect(backupCodes.length).toBeGreaterThanOrEqual(8);
    const secret = base32.decode(new URL(totpURI).searchParams.get("secret") ?? "");
    const otp = createOTP(secret, { digits: 6, period: 30 });
    expect(
      (await device.post("/api/auth/two-factor/verify-totp", { code: await otp.totp() })).statusCode,
    ).toBe(200);
    expect((await device.get("/api/v1/me")).json().twoFactorEnabled).toBe(true);

    const laptop = new Browser(app, "192.0.2.11");
    const first = await laptop.post("/api/auth/sign-in/email", { email, password: GOOD_PASSWORD });
    expect(first.json()).toMatchObject({ twoFactorRedirect: true });
    expect((await laptop.get("/api/v1/me")).statusCode).toBe(401);
    expect((await laptop.post("/api/auth/two-factor/verify-totp", { code: "000000" })).statusCode).toBe(401);
    expect(
      (await laptop.post("/api/auth/two-factor/verify-totp", { code: await otp.totp() })).statusCode,
    ).toBe(200);
    expect((await laptop.get("/api/v1/me")).statusCode).toBe(200);

    const phone = new Browser(app, "192.0.2.12");
    await phone.post("/api/auth/sign-in/email", { email, password: GOOD_PASSWORD });
    const recovery = backupCodes[0];
    expect((await phone.post("/api/auth/two-factor/verify-backup-code", { code: recovery })).statusCode).toBe(
      200,
    );
    const tablet = new Browser(app, "192.0.2.13");
    await tablet.post("/api/auth/sign-in/email", { email, password: GOOD_PASSWORD });
    expect(
      (await tablet.post("/api/auth/two-factor/verify-backup-code", { code: recovery })).statusCode,
    ).toBe(401);
  });
});
