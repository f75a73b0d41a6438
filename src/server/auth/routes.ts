import type { FastifyInstance, FastifyRequest } from "fastify";
import type { z } from "zod";
import {
  changePasswordSchema,
  resetPasswordSchema,
  signInSchema,
  signUpSchema,
  updateUserSchema,
} from "../../features/accounts/schema.ts";
import { AppError } from "../errors.ts";
import { credential } from "../http/access.ts";
import { parseOrThrow } from "../http/validation.ts";
import { type Auth, CLIENT_IP_HEADER } from "./auth.ts";
import { answerFromAuth } from "./forward.ts";
import { isCommonPassword } from "./password-policy.ts";
import type { SignInThrottle } from "./sign-in-throttle.ts";

// Bodies we validate before Better Auth sees them: strict shapes (unknown fields such as `role` on
// update-user are refused), our password policy, and field errors in the app's problem format.
// The summaries document these endpoints in the OpenAPI document (Better Auth's wildcard mount has none).
export const BODY_SCHEMAS: Record<
  string,
  // operationId and session document the endpoint (OpenAPI); session: it needs the session cookie.
  { schema: z.ZodType; password?: string; summary: string; operationId: string; session: boolean }
> = {
  "/api/auth/sign-up/email": {
    schema: signUpSchema,
    password: "password",
    summary: "Sign up as client or assistant; a confirmation link is mailed",
    operationId: "signUpWithEmail",
    session: false,
  },
  "/api/auth/sign-in/email": {
    schema: signInSchema,
    summary: "Sign in; answers {twoFactorRedirect: true} when a TOTP code is needed next",
    operationId: "signInWithEmail",
    session: false,
  },
  "/api/auth/update-user": {
    schema: updateUserSchema,
    summary: "Change name, language or time zone",
    operationId: "updateUser",
    session: true,
  },
  "/api/auth/change-password": {
    schema: changePasswordSchema,
    password: "newPassword",
    summary: "Change the password (current one required)",
    operationId: "changePassword",
    session: true,
  },
  "/api/auth/reset-password": {
    schema: resetPasswordSchema,
    password: "newPassword",
    summary: "Set a new password with the token from the reset mail",
    operationId: "resetPassword",
    session: false,
  },
};

/** The body as our schema reads it (e-mail trimmed and lower-cased), or a 400 problem. */
function validate(path: string, body: unknown): Record<string, unknown> | undefined {
  const rule = BODY_SCHEMAS[path];
  if (!rule) return undefined;
  const parsed = parseOrThrow(rule.schema, body ?? {}) as Record<string, unknown>;
  const password = rule.password ? parsed[rule.password] : undefined;
  if (typeof password === "string" && isCommonPassword(password)) {
    throw new AppError("validation_failed", {
      errors: [
        { field: rule.password as string, code: "password_common", message: "This password is too common." },
      ],
    });
  }
  return parsed;
}

/** What Better Auth gets as the body: the client's, with the rules the mount enforces whatever it sent. */
function bodyFor(path: string, body: unknown): unknown {
  // A new password ends every other session (ASVS V7.4.3): whoever knew the old one is signed out.
  if (path === "/api/auth/change-password") return { ...(body as object), revokeOtherSessions: true };
  return body;
}

function toWebRequest(request: FastifyRequest, publicUrl: string, body: unknown): Request {
  const headers = new Headers();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value === undefined || key === CLIENT_IP_HEADER || key === "content-length") continue;
    headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  // The socket address (or the proxy's, when TRUST_PROXY is set) is the only address Better Auth
  // sees: spoofed X-Forwarded-For headers cannot open fresh rate-limit buckets.
  headers.set(CLIENT_IP_HEADER, request.ip);
  const hasBody = request.method !== "GET" && request.method !== "HEAD" && body !== undefined;
  return new Request(new URL(request.url, publicUrl), {
    method: request.method,
    headers,
    ...(hasBody ? { body: JSON.stringify(body) } : {}),
  });
}

export interface AuthMountOptions {
  publicUrl: string;
  /** Counts failed sign-ins per account; the right password waits too while an account waits. */
  throttle: SignInThrottle;
}

export function registerAuthRoutes(
  app: FastifyInstance,
  auth: Auth,
  { publicUrl, throttle }: AuthMountOptions,
) {
  app.route({
    method: ["GET", "POST"],
    url: "/api/auth/*",
    schema: { hide: true },
    // Better Auth keeps its own, stricter per-endpoint limits.
    // Better Auth checks its own sessions per endpoint; sign-up and sign-in are for anyone.
    config: { rateLimit: false, access: credential("better auth", {}) },
    async handler(request, reply) {
      const path = request.url.split("?")[0] ?? "";
      // The bodies are those of POST endpoints; a GET of one goes to Better Auth, which answers 404.
      // A refusal thrown here leaves through the app's problem handler.
      const parsed = request.method === "POST" ? validate(path, request.body) : undefined;
      const webRequest = toWebRequest(request, publicUrl, bodyFor(path, request.body));
      const email = path === SIGN_IN_PATH ? parsed?.email : undefined;
      if (typeof email !== "string") {
        return answerFromAuth(request, reply, publicUrl, () => auth.handler(webRequest));
      }
      const attempt = await throttle.admit(email);
      return answerFromAuth(request, reply, publicUrl, () => attempt.settled(auth.handler(webRequest)));
    },
  });
}

const SIGN_IN_PATH = "/api/auth/sign-in/email";
