import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError, codeForStatus } from "../errors.ts";
import { PROBLEM_TYPE, sendProblem } from "../http/problems.ts";
import { originRefusal } from "../http/same-origin.ts";

/**
 * Better Auth's answer to a failed request as our problem. It answers {code, message} for its own
 * refusals, but nothing at all for an unknown path (404) or a crash (500), and sometimes text: any
 * status of 400 or more leaves as problem+json, with Better Auth's code as the reason
 * (`auth.invalid_password`) and its message as the detail, except on 5xx, which never leak.
 */
export function authProblem(
  status: number,
  contentType: string,
  text: string,
  request: FastifyRequest,
  publicUrl: string,
) {
  const body = contentType.includes("json") ? parsed(text) : {};
  const code = typeof body.code === "string" && body.code ? body.code.toLowerCase() : undefined;
  // Its origin check refused what ours let through (a Referer from elsewhere): the same answer as ours,
  // so the web app can say which address to open.
  if (code === "invalid_origin") {
    return (
      originRefusal(request.headers, request.host, publicUrl) ??
      new AppError("forbidden", { reason: "auth.invalid_origin", openAt: publicUrl })
    );
  }
  return new AppError(codeForStatus(status), {
    ...(code ? { reason: `auth.${code}` } : {}),
    ...(status < 500 && typeof body.message === "string" && body.message ? { detail: body.message } : {}),
  });
}

function parsed(text: string): { code?: unknown; message?: unknown } {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? value : {};
  } catch {
    return {};
  }
}

/** Sends Better Auth's response through Fastify: cookies and headers kept, failures as problems. */
async function forward(response: Response, request: FastifyRequest, reply: FastifyReply, publicUrl: string) {
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
  if (response.status >= 400) {
    const type = response.headers.get("content-type") ?? "";
    const problem = authProblem(response.status, type, text, request, publicUrl);
    if (problem.headers) reply.headers(problem.headers);
    return reply
      .status(problem.status)
      .type(PROBLEM_TYPE)
      .send(problem.toProblem(request.url.split("?")[0]));
  }
  return reply.send(text.length ? text : undefined);
}

/** Runs Better Auth's handler and forwards its answer; a throw is logged and answered as a 500 problem. */
export async function answerFromAuth(
  request: FastifyRequest,
  reply: FastifyReply,
  publicUrl: string,
  handle: () => Promise<Response>,
) {
  let response: Response;
  try {
    response = await handle();
  } catch (error) {
    request.log.error({ err: error }, "auth handler failed");
    return sendProblem(reply, request, new AppError("internal"));
  }
  return forward(response, request, reply, publicUrl);
}
