import fc from "fast-check";
import { hostileNumbers, hostileStrings, hostileValue } from "./hostile-values.ts";

/** The part of JSON Schema (draft 2020-12, as zod and @fastify/swagger write it) the generator reads. */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
}

export interface Pools {
  /** Ids that exist (the fuzzer's own job, bid, contract...), so requests get past "not found". */
  ids: string[];
}

const PLAUSIBLE = [
  "Europe/Berlin",
  "America/New_York",
  "09:00",
  "17:30",
  "24:00",
  "2027-03-15T09:00",
  "2027-03-15T09:30",
  "FREQ=WEEKLY;COUNT=3",
  "FREQ=DAILY;UNTIL=20270401",
  "de",
  "en",
  "DE",
  "DE123456789",
  "Wochenbesprechung",
  "Guten Tag, ich übernehme das gern.",
];

const years = fc.constantFrom(1899, 1900, 1970, 2026, 2027, 2999, 3000);
const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function fittingString(schema: JsonSchema, pools: Pools): fc.Arbitrary<string> {
  switch (schema.format) {
    case "uuid":
      return fc.oneof(fc.constantFrom(...pools.ids), fc.uuid());
    case "date":
      return fc
        .tuple(years, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
        .map(([y, m, d]) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`);
    case "date-time":
      return fc
        .tuple(
          years,
          fc.integer({ min: 1, max: 12 }),
          fc.integer({ min: 1, max: 28 }),
          fc.integer({ min: 0, max: 23 }),
          fc.constantFrom("Z", "+01:00", "-14:00", "+14:00"),
        )
        .map(([y, m, d, h, offset]) => `${pad(y, 4)}-${pad(m)}-${pad(d)}T${pad(h)}:00:00${offset}`);
    case "uri":
      return fc.constantFrom(
        "https://example.com/calendar.ics",
        "http://127.0.0.1:9/private",
        `https://example.com/${"a".repeat(3000)}`,
      );
    case "email":
      return fc.emailAddress();
  }
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern);
    return fc.stringMatching(pattern).filter((v) => v.length <= (schema.maxLength ?? 200));
  }
  const max = schema.maxLength ?? 60;
  return fc.oneof(
    // Text the app's own rules read further (zones, clock times, local date-times, recurrences).
    {
      weight: 3,
      arbitrary: fc
        .constantFrom(...PLAUSIBLE)
        .filter((v) => v.length >= (schema.minLength ?? 0) && v.length <= max),
    },
    { weight: 4, arbitrary: fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(max, 60) }) },
    // Exactly at the limit and one past it.
    { weight: 1, arbitrary: fc.constantFrom("é".repeat(max), "z".repeat(max + 1)) },
  );
}

function fittingInteger(schema: JsonSchema): fc.Arbitrary<number> {
  const min = Math.max(schema.minimum ?? (schema.exclusiveMinimum ?? -1e6) + 1, Number.MIN_SAFE_INTEGER);
  const max = Math.min(schema.maximum ?? (schema.exclusiveMaximum ?? 1e6) - 1, Number.MAX_SAFE_INTEGER);
  return fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31 - 1) }) },
    // The boundaries and one past each.
    { weight: 1, arbitrary: fc.constantFrom(min, max, min - 1, max + 1) },
  );
}

function fittingObject(schema: JsonSchema, pools: Pools): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, child] of Object.entries(properties)) record[key] = fitting(child, pools);
  const required = (schema.required ?? []).filter((key) => key in record);
  const known = fc.oneof(
    { weight: 4, arbitrary: fc.record(record, { requiredKeys: required }) },
    { weight: 1, arbitrary: fc.record(record, { requiredKeys: [] }) },
  );
  // Now and then a key the schema does not know, or a required one left out (requiredKeys above).
  return fc
    .tuple(known, fc.option(fc.tuple(fc.constantFrom("role", "isAdmin", "userId", "x\u0000"), hostileValue)))
    .map(([value, extra]) => (extra ? { ...value, [extra[0]]: extra[1] } : value));
}

function fitting(schema: JsonSchema, pools: Pools): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => fitting(s, pools)));
  if (schema.allOf?.length) return fitting(schema.allOf[0] as JsonSchema, pools);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "string":
      return fittingString(schema, pools);
    case "integer":
      return fittingInteger(schema);
    case "number":
      return fc.oneof(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom(...hostileNumbers),
      );
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(fitting(schema.items ?? {}, pools), {
        maxLength: Math.min((schema.maxItems ?? 5) + 1, 12),
      });
    case "object":
      return fittingObject(schema, pools);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Every path into a JSON value ([] is the value itself), for picking one to spoil. */
function pathsOf(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== "object" || value === null) return [at];
  const children = Object.entries(value).flatMap(([k, v]) =>
    pathsOf(v, [...at, Array.isArray(value) ? Number(k) : k]),
  );
  return [at, ...children];
}

function replaced(value: unknown, path: (string | number)[], by: unknown): unknown {
  if (!path.length) return by;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  copy[head] = replaced(copy[head], rest, by);
  return copy;
}

/**
 * A value for a schema: one it allows (boundaries included), and in about half the cases with one
 * place in it (the whole, a field, an item) swapped for something hostile. One spoiled place per
 * value keeps the rest valid, so the request reaches past validation into the handler's rules.
 */
export function valueFor(schema: JsonSchema, pools: Pools): fc.Arbitrary<unknown> {
  return fc
    .tuple(fitting(schema, pools), fc.option(fc.tuple(fc.nat(), hostileValue), { freq: 2 }))
    .map(([value, spoil]) => {
      if (!spoil) return value;
      const paths = pathsOf(value);
      return replaced(value, paths[spoil[0] % paths.length] as (string | number)[], spoil[1]);
    });
}

/**
 * A path or query parameter's text: a fitting value, an existing id or a hostile string. Path
 * parameters are mostly ids that exist (a route's rules lie behind its "not found"); query
 * parameters mostly fit their schema.
 */
export function parameterFor(
  schema: JsonSchema,
  pools: Pools,
  where: "path" | "query",
): fc.Arbitrary<string> {
  const text = fitting(schema, pools).map((v) => (typeof v === "string" ? v : JSON.stringify(v)));
  return fc.oneof(
    { weight: where === "path" ? 1 : 6, arbitrary: text },
    { weight: where === "path" ? 4 : 1, arbitrary: fc.constantFrom(...pools.ids) },
    { weight: 1, arbitrary: fc.constantFrom(...hostileStrings.filter((s) => s.length < 5_000)) },
  );
}
