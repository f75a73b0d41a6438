import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError } from "better-auth/api";
import { twoFactor } from "better-auth/plugins";
import type { FastifyBaseLogger } from "fastify";
import { type Locale, ROLES, SELF_SERVICE_ROLES } from "../../features/accounts/schema.ts";
import * as tables from "../../features/accounts/tables.ts";
import type { Config } from "../config.ts";
import type { Db } from "../db/client.ts";
import type { Mailer } from "../mail/outbox.ts";
import { renderMail } from "../mail/templates.ts";
import type { SessionCache } from "./session-cache.ts";
import type { SignInThrottle } from "./sign-in-throttle.ts";

/** The header our Fastify mount sets from the socket address; any copy sent by a client is dropped. */
export const CLIENT_IP_HEADER = "x-assista-client-ip";

export interface AuthLimits {
  /** Sign-in (and second-factor) attempts per client address and minute. */
  signInPerMinute: number;
  /** Sign-ups per client address and minute. */
  signUpPerMinute: number;
}

export function createAuth(
  config: Config,
  db: Db,
  mailer: Mailer,
  secret: string,
  limits: AuthLimits,
  log: FastifyBaseLogger,
  sessions: SessionCache,
  throttle: SignInThrottle,
) {
  const cookiePrefix = config.secureCookies ? "__Host-assista" : "assista";
  const localeOf = (user: object): Locale => ((user as { locale?: unknown }).locale === "en" ? "en" : "de");

  return betterAuth({
    appName: "Assista",
    // Into the app's structured log rather than the console. A wrong password is routine, so info.
    logger: {
      level: "warn",
      log: (level, message, ...args) =>
        level === "error" ? log.error({ args }, message) : log.info({ args, authLevel: level }, message),
    },
    baseURL: config.publicUrl,
    basePath: "/api/auth",
    secret,
    trustedOrigins: [config.publicUrl],
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: {
        user: tables.user,
        session: tables.session,
        account: tables.account,
        verification: tables.verification,
        twoFactor: tables.twoFactor,
        rateLimit: tables.rateLimit,
      },
    }),
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: true,
      minPasswordLength: 12,
      maxPasswordLength: 128,
      revokeSessionsOnPasswordReset: true,
      // The mail proved the owner: a sign-in throttle an attacker kept up for the account ends.
      onPasswordReset: ({ user }) => throttle.clear(user.email.toLowerCase()),
      resetPasswordTokenExpiresIn: 3600,
      async sendResetPassword({ user, url }) {
        await mailer.enqueue({
          to: user.email,
          ...renderMail("resetPassword", localeOf(user), { name: user.name, url }),
        });
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      sendOnSignIn: true,
      autoSignInAfterVerification: true,
      async sendVerificationEmail({ user, url }) {
        await mailer.enqueue({
          to: user.email,
          ...renderMail("verifyEmail", localeOf(user), { name: user.name, url }),
        });
      },
    },
    user: {
      additionalFields: {
        // Never input: a role is chosen through the sign-up body's `role` (see databaseHooks) or
        // added later through /api/v1/me/roles; admin only by `npm run admin:create`.
        roles: { type: "string[]", required: false, input: false },
        locale: { type: "string", required: false, input: true, defaultValue: "de" },
        timeZone: { type: "string", required: false, input: true, defaultValue: "Europe/Berlin" },
      },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 30,
      updateAge: 60 * 60 * 24,
    },
    rateLimit: {
      // Better Auth turns its limiter off outside production unless told otherwise.
      enabled: true,
      storage: "database",
      window: 60,
      max: 300,
      customRules: {
        "/sign-in/email": { window: 60, max: limits.signInPerMinute },
        "/two-factor/verify-totp": { window: 60, max: limits.signInPerMinute },
        "/two-factor/verify-backup-code": { window: 60, max: limits.signInPerMinute },
        "/sign-up/email": { window: 60, max: limits.signUpPerMinute },
        "/request-password-reset": { window: 300, max: 5 },
        "/send-verification-email": { window: 300, max: 5 },
      },
    },
    advanced: {
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      // Secure follows the public URL, not NODE_ENV: an http:// deployment cannot keep Secure cookies,
      // and an https:// one always gets them, with the stricter __Host- prefix.
      useSecureCookies: false,
      cookiePrefix,
      defaultCookieAttributes: { secure: config.secureCookies, sameSite: "lax", httpOnly: true, path: "/" },
    },
    plugins: [
      twoFactor({
        issuer: "Assista",
        skipVerificationOnEnable: false,
        // Per account, across addresses and challenges, like the sign-in throttle: after five wrong
        // codes (TOTP or recovery) the second step waits 15 minutes, the right code included (429
        // auth.account_temporarily_locked); a right code resets the count.
        accountLockout: { enabled: true, maxFailedAttempts: 5, durationSeconds: 900 },
      }),
    ],
    databaseHooks: {
      // A deleted session (sign-out, revoke, password reset) stops working at once, cached or not.
      session: { delete: { after: async (session) => sessions.evictSession(session.token) } },
      user: {
        update: { after: async (user) => sessions.evictUser(user.id) },
        create: {
          async before(user, ctx) {
            // The HTTP layer validated the body already; this is the second line, for every other caller.
            // Sign-up carries `role` in its body; trusted server-side callers (seed, admin script)
            // pass `roles` directly and have no request body.
            const body = ctx?.body as { role?: unknown } | undefined;
            if (!body && isRoleList(user.roles)) return { data: user };
            const role = body?.role;
            if (!SELF_SERVICE_ROLES.includes(role as (typeof SELF_SERVICE_ROLES)[number])) {
              throw new APIError("BAD_REQUEST", {
                message: "role must be client or assistant",
                code: "ROLE_INVALID",
              });
            }
            return { data: { ...user, roles: [role as string] } };
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;

function isRoleList(value: unknown): value is string[] {
  return Array.isArray(value) && value.length > 0 && value.every((r) => ROLES.includes(r));
}
