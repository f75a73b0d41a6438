import type { z } from "zod";

export interface ApiRequest<T> {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  body?: unknown;
  /** Parses the answer, so a drifted server shape fails loudly here instead of deep in a page. */
  schema: z.ZodType<T>;
  signal?: AbortSignal;
}

/** fetch for our own JSON API: same-origin cookies, problem+json errors thrown as ApiError. */
export async function apiFetch<T>(path: string, request: ApiRequest<T>): Promise<T> {
  const { response, body } = await send(path, request);
  if (!response.ok) throw await failure(response, body);
  return request.schema.parse(body);
}

/**
 * apiFetch for a question a visitor without a session may ask (who is signed in): the 401 is the
 * answer null, told by its status alone, and the answer's schema loads only for a signed-in one.
 * So a visitor's first page loads neither a schema nor the problem parser, and with them no zod.
 */
export async function apiFetchSignedIn<T>(
  path: string,
  request: Omit<ApiRequest<T>, "schema"> & { schema: () => Promise<z.ZodType<T>> },
): Promise<T | null> {
  const { response, body } = await send(path, request);
  if (response.status === 401) return null;
  if (!response.ok) throw await failure(response, body);
  return (await request.schema()).parse(body);
}

async function send(path: string, request: Omit<ApiRequest<unknown>, "schema">) {
  let response: Response;
  try {
    response = await fetch(path, {
      method: request.method ?? "GET",
      credentials: "same-origin",
      headers: {
        accept: "application/json, application/problem+json",
        ...(request.body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      ...(request.signal ? { signal: request.signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw await problemOf(undefined, 0);
  }
  const text = await response.text();
  const body: unknown = text ? safeJson(text) : undefined;
  return { response, body };
}

function failure(response: Response, body: unknown) {
  const retryAfter = Number(response.headers.get("retry-after")) || undefined;
  return problemOf(body, response.status, retryAfter);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// The parser (and zod with it) loads only when a request fails, keeping it off the landing page's
// critical path; pages with forms have it already.
async function problemOf(body: unknown, status: number, retryAfter?: number) {
  const { toApiError } = await import("./problem-parse.ts");
  return toApiError(body, status, retryAfter);
}
