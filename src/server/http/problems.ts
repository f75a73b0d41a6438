import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import FindMyWay, { type HTTPMethod } from "find-my-way";
import { AppError, codeForStatus } from "../errors.ts";
import { fieldErrorsFromFastify } from "./validation.ts";

export const PROBLEM_TYPE = "application/problem+json; charset=utf-8";

export function sendProblem(reply: FastifyReply, request: FastifyRequest, error: AppError) {
  if (error.headers) reply.headers(error.headers);
  return reply
    .status(error.status)
    .type(PROBLEM_TYPE)
    .send(error.toProblem(request.url.split("?")[0]));
}

// Fastify's own errors (parser, limits, routing) carry a code; map each to our closed set.
function fromFastifyError(error: FastifyError): AppError {
  if (hasZodFastifySchemaValidationErrors(error)) {
    return new AppError("validation_failed", { errors: fieldErrorsFromFastify(error.validation) });
  }
  switch (error.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new AppError("payload_too_large", { detail: "The request body is larger than 1 MiB." });
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return new AppError("unsupported_media_type", { detail: "Send application/json." });
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return new AppError("bad_request", {
        reason: "body.malformed_json",
        detail: "The body is not valid JSON.",
      });
  }
  const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
  // Only client errors keep their message; a 500 never leaks internals.
  return new AppError(codeForStatus(status), status < 500 ? { detail: error.message } : {});
}

/** One error handler for the whole app: every failure leaves as RFC 9457 problem+json. */
type Fallback = (request: FastifyRequest, reply: FastifyReply) => boolean;

/**
 * Registered first, so every route and plugin registered later inherits the handler. The returned
 * setter installs the web app's fallback (client-side routes) once it is known.
 */
export function registerProblemHandling(app: FastifyInstance): (fallback: Fallback | undefined) => void {
  let fallback: Fallback | undefined;
  // A second router that knows every route, so an unmatched method can answer 405 with Allow.
  const known = FindMyWay();
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === "HEAD" || method === "OPTIONS") continue;
      try {
        known.on(method as HTTPMethod, route.url, () => {});
      } catch {
        // Already known (e.g. GET also registered for HEAD); nothing to add.
      }
    }
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = error instanceof AppError ? error : fromFastifyError(error);
    if (appError.status >= 500) request.log.error({ err: error }, "request failed");
    else request.log.info({ code: appError.code, reason: appError.reason }, "request refused");
    return sendProblem(reply, request, appError);
  });

  app.setNotFoundHandler((request, reply) => {
    if (fallback?.(request, reply)) return reply;
    const path = request.url.split("?")[0] ?? "/";
    const allowed = (["GET", "POST", "PUT", "PATCH", "DELETE"] as const).filter(
      (m) => m !== request.method && known.find(m, path),
    );
    if (allowed.length) {
      return sendProblem(
        reply,
        request,
        new AppError("method_not_allowed", {
          headers: { allow: allowed.join(", ") },
          detail: `Use ${allowed.join(", ")}.`,
        }),
      );
    }
    return sendProblem(reply, request, new AppError("not_found"));
  });
  return (f) => {
    fallback = f;
  };
}
