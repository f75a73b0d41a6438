import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../server/auth/actor.ts";
import { credential, own, session } from "../../server/http/access.ts";
import type { ContractGate } from "../contracts/gate.ts";
import { idParamsSchema, problemResponses } from "../problems/schema.ts";
import type { FeedsService } from "./feeds.ts";
import { calendarFeedSchema, createFeedSchema } from "./schema.ts";

const errors = problemResponses(400, 401, 404);

/** Managing one's subscription links (signed in, under /api/v1). */
export function feedRoutes(service: FeedsService, gate: ContractGate) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const common = { tags: ["calendar"] };
    r.get(
      "/me/calendar-feeds",
      {
        config: { access: session() },
        schema: {
          ...common,
          summary: "Own iCalendar subscription links",
          response: { 200: z.array(calendarFeedSchema), ...errors },
        },
      },
      async (request) => service.list(actorOf(request)),
    );
    r.post(
      "/me/calendar-feeds",
      {
        config: { access: session() },
        schema: {
          ...common,
          summary: "A new subscription link: all of one's calendar, or one contract's",
          body: createFeedSchema,
          response: { 201: calendarFeedSchema, ...errors },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const { contractId } = request.body;
        // A contract's feed is for its parties, whatever its status (reading outlives the end).
        const scope = contractId ? await gate.scope(actor, contractId, "read") : null;
        return reply.status(201).send(await service.create(actor, scope));
      },
    );
    r.delete(
      "/me/calendar-feeds/:id",
      {
        config: { access: own("write:calendar-feed") },
        schema: {
          ...common,
          summary: "Revoke a link: calendar apps get 404 from now on",
          params: idParamsSchema,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await service.revoke(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}

/** The feed itself, for calendar apps: the token in the path is the credential (no cookie). */
export function publicFeedRoute(service: FeedsService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      "/api/calendar/:token.ics",
      {
        config: { access: credential("path token", {}) },
        schema: {
          tags: ["calendar"],
          operationId: "getCalendarFeed",
          summary: "An iCalendar feed (text/calendar) behind its unguessable token",
          params: z.object({ token: z.string().min(20).max(100) }),
          response: { 200: z.string(), ...problemResponses(404) },
        },
      },
      async (request, reply) => {
        const text = await service.render(request.params.token);
        // Private to the subscriber; calendar apps poll, a few minutes of caching spares the database.
        return reply
          .header("cache-control", "private, max-age=300")
          .type("text/calendar; charset=utf-8")
          .send(text);
      },
    );
  };
}
