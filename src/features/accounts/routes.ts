import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { actorOf } from "../../server/auth/actor.ts";
import { session } from "../../server/http/access.ts";
import { problemSchema } from "../problems/schema.ts";
import { addRoleSchema, meSchema } from "./schema.ts";
import type { AccountsService } from "./service.ts";

export function accountsRoutes(service: AccountsService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      "/me",
      {
        config: { access: session() },
        schema: {
          tags: ["accounts"],
          summary: "The signed-in user",
          response: { 200: meSchema, 401: problemSchema },
        },
      },
      async (request) => service.getMe(actorOf(request)),
    );
    r.post(
      "/me/roles",
      {
        config: { access: session() },
        schema: {
          tags: ["accounts"],
          summary: "Add the client or assistant role to the signed-in user",
          body: addRoleSchema,
          response: { 200: meSchema, 400: problemSchema, 401: problemSchema },
        },
      },
      async (request) => service.addRole(actorOf(request), request.body.role),
    );
  };
}
