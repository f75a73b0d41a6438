import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../server/auth/actor.ts";
import { problemResponses, problemSchema } from "../problems/schema.ts";
import {
  assistantProfileInputSchema,
  clientProfileInputSchema,
  clientProfileSchema,
  publicAssistantProfileSchema,
} from "./schema.ts";
import type { ProfilesService } from "./service.ts";

const errors = problemResponses(400, 401, 403, 404);

export function profilesRoutes(service: ProfilesService, authenticate: (r: FastifyRequest) => Promise<void>) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ["profiles"];
    const security = [{ session: [] }];
    r.get(
      "/assistants/:userId",
      {
        schema: {
          tags,
          summary: "An assistant's public profile (no sign-in needed)",
          params: z.object({ userId: z.string().min(1).max(64) }),
          response: { 200: publicAssistantProfileSchema, 404: problemSchema },
        },
      },
      async (request) => service.getAssistant(request.params.userId),
    );
    r.put(
      "/me/assistant-profile",
      {
        preHandler: authenticate,
        schema: {
          tags,
          security,
          summary: "Create or replace one's assistant profile",
          body: assistantProfileInputSchema,
          response: { 200: publicAssistantProfileSchema, ...errors },
        },
      },
      async (request) => service.saveAssistant(actorOf(request), request.body),
    );
    r.get(
      "/me/client-profile",
      {
        preHandler: authenticate,
        schema: {
          tags,
          security,
          summary: "One's client profile",
          response: { 200: clientProfileSchema, ...errors },
        },
      },
      async (request) => service.getOwnClient(actorOf(request)),
    );
    r.put(
      "/me/client-profile",
      {
        preHandler: authenticate,
        schema: {
          tags,
          security,
          summary: "Create or replace one's client profile (company, country, billing address, VAT id)",
          body: clientProfileInputSchema,
          response: { 200: clientProfileSchema, ...errors },
        },
      },
      async (request) => service.saveClient(actorOf(request), request.body),
    );
  };
}
