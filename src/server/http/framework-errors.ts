import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import type { FastifyError, FastifyReply, FastifyRequest, FastifyServerOptions } from "fastify";
import { AppError } from "../errors.ts";
import { PROBLEM_TYPE, sendProblem } from "./problems.ts";

// Two kinds of failure happen before a request reaches a route, so the app's error handler never
// sees them and Fastify answers in its own JSON: the router's (a path that does not decode, a
// parameter past maxParamLength) and Node's HTTP parser's (headers past 16 KiB, a request that
// does not parse or arrives too slowly). Both are answered here as RFC 9457 problems too.

/** Fastify's `frameworkErrors`: the router's refusals, through the app's own problem writer. */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const problem =
    error.code === "FST_ERR_MAX_PARAM_LENGTH"
      ? new AppError("uri_too_long", {
          reason: "request.parameter_too_long",
          detail: "A path parameter is longer than 100 characters.",
        })
      : error.code === "FST_ERR_BAD_URL"
        ? new AppError("bad_request", {
            reason: "request.bad_url",
            detail: "The address contains an invalid percent-encoding.",
          })
        : new AppError("internal");
  return sendProblem(reply, request, problem);
}

function parserProblem(error: { code?: string }): AppError {
  if (error.code === "ERR_HTTP_REQUEST_TIMEOUT")
    return new AppError("request_timeout", { detail: "The request did not arrive in time." });
  if (error.code === "HPE_HEADER_OVERFLOW")
    return new AppError("headers_too_large", {
      detail: "The request line and headers are larger than 16 KiB (a long query string or many cookies).",
    });
  return new AppError("bad_request", {
    reason: "request.malformed_http",
    detail: "The request is not valid HTTP.",
  });
}

/** Fastify's `clientErrorHandler`: Node's parser failed, so there is no request to reply to, only the socket. */
export const clientErrorHandler: NonNullable<FastifyServerOptions["clientErrorHandler"]> = (
  error: Error & { code?: string },
  socket: Socket,
) => {
  // A reset connection has no one left to answer.
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  if (socket.writable) {
    const problem = parserProblem(error);
    const body = JSON.stringify(problem.toProblem());
    socket.write(
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n` +
        `Content-Type: ${PROBLEM_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
};
