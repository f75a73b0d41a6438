import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform } from "fastify-type-provider-zod";

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
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
}
