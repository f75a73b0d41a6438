import { isDeepStrictEqual } from "node:util";
import fastJson from "fast-json-stringify";
import type { FastifyInstance } from "fastify";
import { createSerializerCompiler } from "fastify-type-provider-zod";
import { z } from "zod";

type SerializerCompiler = Parameters<FastifyInstance["setSerializerCompiler"]>[0];
type RouteSchema = Parameters<SerializerCompiler>[0];

const zodSerializer = createSerializerCompiler({}) as unknown as SerializerCompiler;

/** The zod schema of a response (the type provider accepts it bare or as `{ properties }`). */
function zodSchemaOf(schema: unknown): z.ZodType | undefined {
  if (schema instanceof z.ZodType) return schema;
  const properties = (schema as { properties?: unknown } | null)?.properties;
  return properties instanceof z.ZodType ? properties : undefined;
}

/** The response's JSON Schema, or nothing where zod cannot express it (transforms, custom types). */
function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> | undefined {
  try {
    const json = z.toJSONSchema(schema, {
      io: "output",
      target: "draft-7",
      unrepresentable: "throw",
    }) as Record<string, unknown>;
    delete json.$schema;
    return json;
  } catch {
    return undefined;
  }
}

/**
 * Responses are written by fast-json-stringify, compiled once per route from the JSON Schema of the
 * route's shared zod schema. The zod serializer it replaces checked every answer against the schema
 * and then ran JSON.stringify over the result: a second pass over data the handlers' types already
 * shape (8 % of the job board's CPU in process). fast-json-stringify writes only the schema's
 * properties, so nothing outside the schema leaks either. Where zod cannot express a schema as JSON
 * Schema, the route keeps the zod serializer.
 *
 * With `verify` (the tests), every answer is also serialized the old way and must be the same
 * JSON, so a schema whose two forms disagree fails the suite instead of a user's request.
 */
export function responseSerializer(verify: boolean): SerializerCompiler {
  return (route: RouteSchema) => {
    const checked = zodSerializer(route);
    const schema = zodSchemaOf(route.schema);
    const json = schema && jsonSchemaOf(schema);
    if (!json) return checked;
    const fast = fastJson(json as unknown as Parameters<typeof fastJson>[0]);
    if (!verify) return (data: unknown) => fast(data);
    return (data: unknown) => {
      const expected = checked(data) as string;
      const written = fast(data);
      if (!isDeepStrictEqual(JSON.parse(written), JSON.parse(expected)))
        throw new Error(
          `${route.method} ${route.url}: fast-json-stringify wrote ${written.slice(0, 500)} where zod wrote ${expected.slice(0, 500)}`,
        );
      return written;
    };
  };
}
