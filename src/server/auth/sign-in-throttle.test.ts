import { base32 } from "@better-auth/utils/base32";
import { createOTP } from "@better-auth/utils/otp";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { twoFactor } from "../../features/accounts/tables.ts";
import de from "../../web/i18n/de.json" with { type: "json" };
import en from "../../web/i18n/en.json" with { type: "json" };
import { createTestApp } from "../testing/app.ts";
import {
  Browser,
  GOOD_PASSWORD,
  lastMailTo,
  linkIn,
  nextIp,
  uniqueEmail,
  verifiedUser,
} from "../testing/http.ts";
import { createSignInThrottle, SIGN_IN_POLICY, waitAfter } from "./sign-in-throttle.ts";

// The throttle's clock; Better Auth's address limit is out of the way (tested in auth.test.ts).
let clock = Date.parse("2027-03-01T09:00:00Z");
const advance = (ms: number) => {
  clock += ms;
};
let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  app = await createTestApp(
    {},
    { authLimits: { signInPerMinute: 1000 }, signInThrottle: { now: () => new Date(clock) } },
  );
});
afterAll(() => app.close());

const account = async () => (await verifiedUser(app)).email;

const signIn = (email: string, password: string, ip = nextIp()) =>
  new Browser(app, ip).post("/api/auth/sign-in/email", { email, password });

/** Five addresses taking turns, as a small botnet would. */
const ADDRESSES = ["198.51.100.1", "198.51.100.2", "198.51.100.3", "198.51.100.4", "198.51.100.5"];

describe("waitAfter", () => {
  it("is free for five failures, then doubles from 30 s up to 15 minutes", () => {
    const waits = Array.from({ length: 12 }, (_, failures) => waitAfter(failures) / 1000);
    expect(waits).toEqual([0, 0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900]);
    expect(waitAfter(1_000_000)).toBe(SIGN_IN_POLICY.maxWaitMs);
  });
});

describe("per-account sign-in throttle", () => {
  it("slows guesses at one account from many addresses; the right password waits too, then works", async () => {
    const email = await account();
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      statuses.push((await signIn(email, `wrong-password-${i}`, ADDRESSES[i % 5])).statusCode);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(new Set(statuses.slice(5))).toEqual(new Set([429]));

    const during = await signIn(email, GOOD_PASSWORD);
    expect(during.statusCode).toBe(429);
    expect(during.headers["content-type"]).toContain("application/problem+json");
    expect(during.json()).toMatchObject({ code: "rate_limited", reason: "auth.account_throttled" });
    expect(Number(during.headers["retry-after"])).toBe(30);
    expect(during.headers["set-cookie"]).toBeUndefined();

    // Another account is not affected.
    expect((await signIn(await account(), GOOD_PASSWORD, ADDRESSES[0])).statusCode).toBe(200);

    advance(30_000);
    expect((await signIn(email, GOOD_PASSWORD)).statusCode).toBe(200);
    // A success starts the count afresh.
    for (let i = 0; i < 5; i++) expect((await signIn(email, "wrong-password-x")).statusCode).toBe(401);
  });

  it("admits an attempt that read the clock just before one that took the lock first", async () => {
    const email = await account();
    // Better Auth is not involved: the throttle itself, as two requests at once meet it.
    const throttle = createSignInThrottle(app.database.db, SIGN_IN_POLICY, () => new Date(clock));
    await throttle.admit(email);
    advance(-5);
    await expect(throttle.admit(email)).resolves.toBeDefined();
    advance(5);
  });

  it("grows the wait with each further failure, and counts parallel guesses before checking them", async () => {
    const email = await account();
    const parallel = await Promise.all(
      Array.from({ length: 12 }, (_, i) => signIn(email, `wrong-${i}`, ADDRESSES[i % 5])),
    );
    const statuses = parallel.map((r) => r.statusCode).sort();
    // Only five were checked at all; the rest never reached the password check.
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);

    advance(30_000);
    expect((await signIn(email, "wrong-6")).statusCode).toBe(401);
    advance(59_000);
    const early = await signIn(email, GOOD_PASSWORD);
    expect(early.statusCode).toBe(429);
    expect(Number(early.headers["retry-after"])).toBe(1);
    advance(1_000);
    expect((await signIn(email, GOOD_PASSWORD)).statusCode).toBe(200);
  });

  it("takes back an attempt that was never checked, its count and its time", async () => {
    // An unverified address: the right password is answered 403, and nobody is signed in.
    const email = uniqueEmail("unverified");
    const signUp = await new Browser(app, nextIp()).post("/api/auth/sign-up/email", {
      name: "Una",
      email,
      password: GOOD_PASSWORD,
      role: "client",
    });
    expect(signUp.statusCode, signUp.body).toBe(200);
    for (let i = 0; i < 5; i++) expect((await signIn(email, "wrong-password-1")).statusCode).toBe(401);
    advance(30_000);
    expect((await signIn(email, GOOD_PASSWORD)).statusCode).toBe(403);
    // Still the sixth attempt after the fifth failure, not a seventh after a sixth.
    expect((await signIn(email, "wrong-password-2")).statusCode).toBe(401);
    const next = await signIn(email, "wrong-password-3");
    expect(Number(next.headers["retry-after"])).toBe(60);
  });

  it("counts the e-mail as Better Auth does: its case makes no new account", async () => {
    const email = await account();
    const capitalized = email.charAt(0).toUpperCase() + email.slice(1);
    for (const spelling of [email, email.toUpperCase(), capitalized, email, email]) {
      expect((await signIn(spelling, "wrong-password-1")).statusCode).toBe(401);
    }
    expect((await signIn(email.toUpperCase(), GOOD_PASSWORD)).statusCode).toBe(429);
  });

  it("ends when the owner resets the password by mail", async () => {
    const email = await account();
    for (let i = 0; i < 6; i++) await signIn(email, "wrong-password-1");
    expect((await signIn(email, GOOD_PASSWORD)).statusCode).toBe(429);
    const browser = new Browser(app, nextIp());
    await browser.post("/api/auth/request-password-reset", { email, redirectTo: "/reset-password" });
    const link = new URL(linkIn((await lastMailTo(app, email))?.text ?? ""));
    const landing = await browser.get(link.pathname + link.search);
    const token = new URL(landing.headers.location as string, "http://x").searchParams.get("token");
    const newPassword = "a-brand-new-secret-77";
    expect((await browser.post("/api/auth/reset-password", { newPassword, token })).statusCode).toBe(200);
    expect((await signIn(email, newPassword)).statusCode).toBe(200);
  });

  it("has a German and an English text with the wait", () => {
    for (const bundle of [de, en])
      expect(bundle.errors.reason.auth.account_throttled).toContain("{{minutes}}");
  });
});

describe("per-account second-factor lockout", () => {
  it("refuses the right code after five wrong ones from several devices, until the lock runs out", async () => {
    const email = await account();
    const owner = new Browser(app, nextIp());
    await owner.post("/api/auth/sign-in/email", { email, password: GOOD_PASSWORD });
    const { totpURI } = (await owner.post("/api/auth/two-factor/enable", { password: GOOD_PASSWORD })).json();
    const otp = createOTP(base32.decode(new URL(totpURI).searchParams.get("secret") ?? ""), {
      digits: 6,
      period: 30,
    });
    expect(
      (await owner.post("/api/auth/two-factor/verify-totp", { code: await otp.totp() })).statusCode,
    ).toBe(200);

    const attempt = async (ip: string, code: string) => {
      const device = new Browser(app, ip);
      const first = await device.post("/api/auth/sign-in/email", { email, password: GOOD_PASSWORD });
      expect(first.json()).toMatchObject({ twoFactorRedirect: true });
      return device.post("/api/auth/two-factor/verify-totp", { code });
    };
    for (let i = 0; i < 5; i++)
      expect((await attempt(ADDRESSES[i] as string, "000000")).statusCode).toBe(401);
    const locked = await attempt(nextIp(), await otp.totp());
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ reason: "auth.account_temporarily_locked" });

    // When the lock has run out (moved into the past here), the right code works again.
    const [user] = await app.database.db.query.user.findMany({
      where: (u, { eq: is }) => is(u.email, email),
    });
    await app.database.db
      .update(twoFactor)
      .set({ lockedUntil: new Date(Date.now() - 1_000) })
      .where(eq(twoFactor.userId, user?.id ?? ""));
    expect((await attempt(nextIp(), await otp.totp())).statusCode).toBe(200);
  });
});
