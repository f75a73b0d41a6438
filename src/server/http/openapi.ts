import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance, FastifySchema } from "fastify";
import { jsonSchemaTransform } from "fastify-type-provider-zod";
import { z } from "zod";
import { problemSchema } from "../../features/problems/schema.ts";
import { BODY_SCHEMAS } from "../auth/routes.ts";
import { openApiSecurity, publicAccess } from "./access.ts";

const VERBS: Record<string, string> = { get: "get", put: "set", patch: "update", delete: "delete" };

const camel = (words: string[]) =>
  words
    .flatMap((w) => w.split("-"))
    .filter(Boolean)
    .map((w, i) => (i === 0 ? w : w[0]?.toUpperCase() + w.slice(1)))
    .join("");
const singular = (word: string) => word.replace(/s$/, "");

/**
 * A readable camelCase operationId from method and path, for clients generated from the document:
 * `GET /api/v1/jobs` is listJobs, `GET /api/v1/jobs/{id}` getJob, `POST /api/v1/jobs/{id}/bids`
 * createJobBid, `POST /api/v1/contracts/{id}/pause` pauseContract, `PUT /api/v1/me/availability`
 * setMyAvailability. A noun before a parameter is singular; `me` before more segments is `my`.
 * A route whose name this reads poorly sets `operationId` in its schema, which wins.
 */
export function deriveOperationId(method: string, url: string): string {
  const segments = url.replace(/^\/api(\/v1)?\//, "").split("/");
  const nouns: string[] = [];
  segments.forEach((segment, i) => {
    if (/^[{:]/.test(segment)) return;
    const clean = segment.replace(/[^a-z0-9-]/gi, "-");
    const beforeParam = /^[{:]/.test(segments[i + 1] ?? "");
    if (clean === "me") nouns.push(i < segments.length - 1 ? "my" : "me");
    else nouns.push(beforeParam ? singular(clean) : clean);
  });
  const last = segments.at(-1) ?? "";
  const endsInParam = /^[{:]/.test(last);
  const plural = !endsInParam && last.endsWith("s");
  const verb = method.toLowerCase();
  if (verb === "get") return camel([endsInParam || !plural ? "get" : "list", ...nouns]);
  if (verb === "post" && !endsInParam) {
    // A collection gets a new member; any other last segment is the action done to what precedes.
    if (plural) return camel(["create", ...nouns.map(singular)]);
    return camel([nouns.at(-1) ?? "post", ...nouns.slice(0, -1)]);
  }
  return camel([VERBS[verb] ?? verb, ...nouns]);
}

/**
 * Every operation gets an operationId and declares its security: the one its
 * access declaration requires (`openApiSecurity`, http/access.ts), else `[]`, open to anyone.
 */
function describeOperation(input: Parameters<typeof jsonSchemaTransform>[0]) {
  const out = jsonSchemaTransform(input);
  const { route } = input;
  const method = Array.isArray(route.method) ? route.method[0] : route.method;
  const schema = out.schema as FastifySchema;
  const described: FastifySchema = {
    ...schema,
    operationId: schema.operationId ?? deriveOperationId(String(method), route.url),
    security: route.config?.access ? openApiSecurity(route.config.access) : (schema.security ?? []),
  };
  return { ...out, schema: described };
}

// Better Auth is mounted as one wildcard route; its endpoints that we validate are described here
// from the same zod schemas the mount enforces.
function withAuthPaths(doc: Record<string, unknown>) {
  const problem = { "application/problem+json": { schema: z.toJSONSchema(problemSchema) } };
  const paths = { ...(doc.paths as Record<string, unknown>) };
  for (const [path, rule] of Object.entries(BODY_SCHEMAS)) {
    paths[path] = {
      post: {
        tags: ["auth"],
        operationId: rule.operationId,
        security: rule.session ? [{ session: [] }] : [],
        summary: rule.summary,
        requestBody: {
          required: true,
          content: { "application/json": { schema: z.toJSONSchema(rule.schema) } },
        },
        responses: {
          200: { description: "Done; session cookies are set where a session starts" },
          400: { description: "Invalid input, with field errors", content: problem },
          401: { description: "Wrong credentials", content: problem },
          429: { description: "Too many attempts from this address", content: problem },
        },
      },
    };
  }
  return { ...doc, paths };
}

/** OpenAPI 3.1 generated from the routes' zod schemas; the reference UI reads the same document. */
export async function registerOpenApi(app: FastifyInstance, publicUrl: string) {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Assista API",
        version: "1",
        description:
          "Hire and work with virtual assistants. Errors are RFC 9457 application/problem+json. " +
          "Authentication endpoints live under /api/auth (Better Auth) and use the session cookie.",
      },
      servers: [{ url: publicUrl }],
      components: {
        securitySchemes: { session: { type: "apiKey", in: "cookie", name: "assista.session_token" } },
      },
    },
    transform: describeOperation,
  });
  await app.register(swaggerUi, {
    routePrefix: "/api/docs",
    // Serves its own CSP with hashes for the two inline snippets swagger-ui needs.
    staticCSP: true,
    uiConfig: { url: "/api/openapi.json" },
  });
  let document: Record<string, unknown> | undefined;
  app.get("/api/openapi.json", { schema: { hide: true }, config: { access: publicAccess() } }, async () => {
    document ??= withAuthPaths(app.swagger() as unknown as Record<string, unknown>);
    return document;
  });
}
