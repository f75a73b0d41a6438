import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import {
  changePasswordSchema,
  resetPasswordSchema,
  signInSchema,
  signUpSchema,
  updateUserSchema,
} from "../../features/accounts/schema.ts";
import { AppError, codeForStatus } from "../errors.ts";
import { PROBLEM_TYPE, sendProblem } from "../http/problems.ts";
import { parseOrThrow } from "../http/validation.ts";
import { type Auth, CLIENT_IP_HEADER } from "./auth.ts";
import { isCommonPassword } from "./password-policy.ts";

// Bodies we validate before Better Auth sees them: strict shapes (unknown fields such as `role` on
// update-user are refused), our password policy, and field errors in the app's problem format.
// The summaries document these endpoints in the OpenAPI document (Better Auth's wildcard mount has none).
export const BODY_SCHEMAS: Record<string, { schema: z.ZodType; password?: string; summary: string }> = {
  "/api/auth/sign-up/email": {
    schema: signUpSchema,
    password: "password",
    summary: "Sign up as client or assistant; a confirmation link is mailed",
  },
  "/api/auth/sign-in/email": {
    schema: signInSchema,
    summary: "Sign in; answers {twoFactorRedirect: true} when a TOTP code is needed next",
  },
  "/api/auth/update-user": { schema: updateUserSchema, summary: "Change name, language or time zone" },
  "/api/auth/change-password": {
    schema: changePasswordSchema,
    password: "newPassword",
    summary: "Change the password (current one required)",
  },
  "/api/auth/reset-password": {
    schema: resetPasswordSchema,
    password: "newPassword",
    summary: "Set a new password with the token from the reset mail",
  },
};

function validate(path: string, body: unknown) {
  const rule = BODY_SCHEMAS[path];
  if (!rule) return;
  const parsed = parseOrThrow(rule.schema, body ?? {}) as Record<string, unknown>;
  const password = rule.password ? parsed[rule.password] : undefined;
  if (typeof password === "string" && isCommonPassword(password)) {
    throw new AppError("validation_failed", {
      errors: [
        { field: rule.password as string, code: "password_common", message: "This password is too common." },
      ],
    });
  }
}

function toWebRequest(request: FastifyRequest, publicUrl: string): Request {
  const headers = new Headers();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value === undefined || key === CLIENT_IP_HEADER) continue;
    headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  // The socket address (or the proxy's, when TRUST_PROXY is set) is the only address Better Auth
  // sees: spoofed X-Forwarded-For headers cannot open fresh rate-limit buckets.
  headers.set(CLIENT_IP_HEADER, request.ip);
  const hasBody = request.method !== "GET" && request.method !== "HEAD" && request.body !== undefined;
  return new Request(new URL(request.url, publicUrl), {
    method: request.method,
    headers,
    ...(hasBody ? { body: JSON.stringify(request.body) } : {}),
  });
}

async function forward(response: Response, request: FastifyRequest, reply: FastifyReply) {
  reply.status(response.status);
  response.headers.forEach((value, key) => {
    if (key !== "set-cookie" && key !== "content-length") reply.header(key, value);
  });
  // Better Auth names it X-Retry-After; clients and proxies read the standard header.
  const retryAfter = response.headers.get("x-retry-after");
  if (response.status === 429 && retryAfter) reply.header("retry-after", retryAfter);
  const cookies = response.headers.getSetCookie();
  if (cookies.length) reply.header("set-cookie", cookies);
  const text = await response.text();
  if (response.status >= 400 && (response.headers.get("content-type") ?? "").includes("json")) {
    // Better Auth answers {code, message}; the app speaks problem+json everywhere.
    let body: { code?: string; message?: string } = {};
    try {
      body = JSON.parse(text);
    } catch {}
    const code = codeForStatus(response.status);
    const error = new AppError(code, {
      ...(body.code ? { reason: `auth.${body.code.toLowerCase()}` } : {}),
      ...(body.message ? { detail: body.message } : {}),
    });
    return reply.type(PROBLEM_TYPE).send(error.toProblem(request.url.split("?")[0]));
  }
  return reply.send(text.length ? text : null);
}

export function registerAuthRoutes(app: FastifyInstance, auth: Auth, publicUrl: string) {
  app.route({
    method: ["GET", "POST"],
    url: "/api/auth/*",
    schema: { hide: true },
    // Better Auth keeps its own, stricter per-endpoint limits.
    config: { rateLimit: false },
    async handler(request, reply) {
      try {
        validate(request.url.split("?")[0] ?? "", request.body);
      } catch (error) {
        if (error instanceof AppError) return sendProblem(reply, request, error);
        throw error;
      }
      const response = await auth.handler(toWebRequest(request, publicUrl));
      return forward(response, request, reply);
    },
  });
}
