import fc from "fast-check";
import { hostileStrings } from "./hostile-values.ts";
import { type JsonSchema, type Pools, parameterFor, valueFor } from "./json-schema-arbitrary.ts";
import { multipartBody, type RawBody } from "./multipart.ts";

// Requests generated from the OpenAPI document: every operation it lists, so a new route is fuzzed
// the day it is added, without anyone editing the fuzzer.

interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: JsonSchema;
}

export interface Operation {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** The OpenAPI path, e.g. /api/v1/jobs/{id}. */
  path: string;
  parameters: Parameter[];
  jsonBody?: JsonSchema;
}

export interface FuzzRequest {
  method: Operation["method"];
  url: string;
  contentType?: string;
  payload?: string | Buffer;
}

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

/** Every operation of the document. */
export function operationsOf(doc: { paths: Record<string, Record<string, unknown>> }): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => {
      const op = item[m] as {
        parameters?: Parameter[];
        requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
      };
      return {
        method: m.toUpperCase() as Operation["method"],
        path,
        parameters: op.parameters ?? [],
        jsonBody: op.requestBody?.content?.["application/json"]?.schema,
      };
    }),
  );
}

/** A path segment as a client would put it in the URL; text that cannot be encoded goes as raw bytes. */
function segment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    // A lone surrogate: its would-be UTF-8 bytes, which decode to nothing valid.
    return "%ED%A0%80";
  }
}

function urlFor(op: Operation, path: Record<string, string>, query: [string, string][]): string {
  const filled = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => segment(path[name] ?? "x"));
  if (!query.length) return filled;
  const search = query.map(([k, v]) => `${segment(k)}=${segment(v)}`).join("&");
  return `${filled}?${search}`;
}

const malformedJson = fc.constantFrom('{"a":', "[1,2", "nul", '{"a":"\\x00"}', "\u0000", '{"a":1}garbage');
const wrongType = fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "application/xml");

function bodyFor(op: Operation, pools: Pools): fc.Arbitrary<RawBody | undefined> {
  if (op.method === "GET" || op.method === "DELETE") return fc.constant(undefined);
  const json = (schema: JsonSchema) =>
    valueFor(schema, pools).map((v) => ({
      contentType: "application/json",
      payload: JSON.stringify(v) ?? "null",
    }));
  if (op.jsonBody) {
    return fc.oneof(
      { weight: 16, arbitrary: json(op.jsonBody) },
      {
        weight: 1,
        arbitrary: malformedJson.map((payload) => ({ contentType: "application/json", payload })),
      },
      { weight: 1, arbitrary: wrongType.map((contentType) => ({ contentType, payload: "a=1" })) },
      { weight: 1, arbitrary: multipartBody },
      { weight: 1, arbitrary: fc.constant(undefined) },
    );
  }
  // No JSON body: an upload route, or one that takes none; both get uploads, junk and nothing.
  return fc.oneof(
    { weight: 4, arbitrary: multipartBody },
    { weight: 1, arbitrary: json({}) },
    { weight: 2, arbitrary: fc.constant(undefined) },
  );
}

/** One request for the operation: its parameters and body from their schemas, hostile now and then. */
export function requestFor(op: Operation, pools: Pools): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.parameters.filter((p) => p.in === "path");
  const queryParams = op.parameters.filter((p) => p.in === "query");
  const path = fc.record(
    Object.fromEntries(pathParams.map((p) => [p.name, parameterFor(p.schema ?? {}, pools, "path")])),
  ) as fc.Arbitrary<Record<string, string>>;
  const query = fc
    .tuple(
      ...queryParams.map((p) =>
        fc.option(parameterFor(p.schema ?? {}, pools, "query").map((v) => [p.name, v] as [string, string])),
      ),
      fc.option(
        fc.tuple(
          fc.constantFrom("unknown", "__proto__", "limit"),
          fc.constantFrom(...hostileStrings.slice(0, 12)),
        ),
      ),
    )
    .map((pairs) => pairs.filter((p): p is [string, string] => p !== null));
  return fc.tuple(path, query, bodyFor(op, pools)).map(([p, q, body]) => ({
    method: op.method,
    url: urlFor(op, p, q),
    ...(body ? { contentType: body.contentType, payload: body.payload } : {}),
  }));
}
