import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform } from "fastify-type-provider-zod";
import { z } from "zod";
import { problemSchema } from "../../features/problems/schema.ts";
import { BODY_SCHEMAS } from "../auth/routes.ts";

// Better Auth is mounted as one wildcard route; its endpoints that we validate are described here
// from the same zod schemas the mount enforces.
function withAuthPaths(doc: Record<string, unknown>) {
  const problem = { "application/problem+json": { schema: z.toJSONSchema(problemSchema) } };
  const paths = { ...(doc.paths as Record<string, unknown>) };
  for (const [path, rule] of Object.entries(BODY_SCHEMAS)) {
    paths[path] = {
      post: {
        tags: ["auth"],
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
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: "/api/docs",
    // Serves its own CSP with hashes for the two inline snippets swagger-ui needs.
    staticCSP: true,
    uiConfig: { url: "/api/openapi.json" },
  });
  let document: Record<string, unknown> | undefined;
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => {
    document ??= withAuthPaths(app.swagger() as unknown as Record<string, unknown>);
    return document;
  });
}
