import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INT4_MAX } from "../../features/common/schema.ts";
import { createTestApp } from "../testing/app.ts";
import type { JsonSchema } from "../testing/fuzz/json-schema-arbitrary.ts";
import { operationsOf } from "../testing/fuzz/openapi-requests.ts";

// What every input of the API must declare, read from the OpenAPI document so that a new field
// cannot forget it: an integer fits a PostgreSQL integer column (2^31 - 1 was a 500 in a query), and
// free text has a length limit (the body limit alone lets one field fill a page of the database).

type App = Awaited<ReturnType<typeof createTestApp>>;
let app: App;
let inputs: { where: string; schema: JsonSchema }[];

/** Every schema node under `schema`, with its path. */
function nodes(schema: JsonSchema, where: string): { where: string; schema: JsonSchema }[] {
  const children = [
    ...Object.entries(schema.properties ?? {}).map(([k, s]) => nodes(s, `${where}.${k}`)),
    ...(schema.items ? [nodes(schema.items, `${where}[]`)] : []),
    ...[...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])].map((s) =>
      nodes(s, where),
    ),
    ...(typeof schema.additionalProperties === "object"
      ? [nodes(schema.additionalProperties, `${where}.*`)]
      : []),
  ];
  return [{ where, schema }, ...children.flat()];
}

beforeAll(async () => {
  app = await createTestApp();
  const doc = (await app.inject("/api/openapi.json")).json();
  inputs = operationsOf(doc).flatMap((op) => {
    const name = `${op.method} ${op.path}`;
    return [
      ...op.parameters.flatMap((p) => nodes(p.schema ?? {}, `${name} ${p.in} ${p.name}`)),
      ...(op.jsonBody ? nodes(op.jsonBody, `${name} body`) : []),
    ];
  });
});
afterAll(() => app.close());

const typeOf = (s: JsonSchema) => (Array.isArray(s.type) ? s.type : [s.type]);

describe("declared input bounds", () => {
  it("reads the inputs of every operation", () => {
    expect(inputs.length).toBeGreaterThan(200);
  });

  it("every integer fits a PostgreSQL integer", () => {
    const unbounded = inputs
      .filter(({ schema }) => typeOf(schema).includes("integer") && !schema.enum)
      .filter(({ schema }) => {
        const max = schema.maximum ?? (schema.exclusiveMaximum ?? Number.POSITIVE_INFINITY) - 1;
        const min = schema.minimum ?? (schema.exclusiveMinimum ?? Number.NEGATIVE_INFINITY) + 1;
        return max > INT4_MAX || min < -INT4_MAX - 1;
      })
      .map(({ where }) => where);
    expect(unbounded).toEqual([]);
  });

  it("every free-text string has a length limit", () => {
    const unbounded = inputs
      .filter(({ schema }) => typeOf(schema).includes("string"))
      .filter(({ schema }) => !schema.enum && schema.const === undefined && !schema.format && !schema.pattern)
      .filter(({ schema }) => schema.maxLength === undefined)
      .map(({ where }) => where);
    expect(unbounded).toEqual([]);
  });
});
