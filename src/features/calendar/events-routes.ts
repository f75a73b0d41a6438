import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../server/auth/actor.ts";
import { own } from "../../server/http/access.ts";
import type { ContractGate } from "../contracts/gate.ts";
import type { ContractNeed } from "../contracts/schema.ts";
import { problemResponses } from "../problems/schema.ts";
import {
  calendarContextQuerySchema,
  calendarContextSchema,
  contractEventParamsSchema,
  contractEventSchema,
  contractParamsSchema,
  createEventSchema,
  eventListQuerySchema,
  eventListSchema,
  updateEventSchema,
} from "./events-schema.ts";
import type { ContractEventsService } from "./events-service.ts";
import {
  occurrenceChangeSchema,
  occurrenceParamsSchema,
  occurrenceScopeSchema,
} from "./occurrences-schema.ts";

const errors = problemResponses(400, 401, 404, 409, 422);

/** The contract calendar under /contracts/:contractId: its events, and both parties' zones and common hours. */
export function contractEventsRoutes(service: ContractEventsService, gate: ContractGate) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const common = { tags: ["calendar"] };
    // Reading needs a party; every change also a contract whose status allows it (not paused or ended).
    const scope = (request: FastifyRequest, contractId: string, need: ContractNeed) =>
      gate.scope(actorOf(request), contractId, need);

    r.get(
      "/contracts/:contractId/events",
      {
        config: { access: own("read:event") },
        schema: {
          ...common,
          summary: "The events in [from, to) (at most 400 days), recurring ones expanded into occurrences",
          params: contractParamsSchema,
          querystring: eventListQuerySchema,
          response: { 200: eventListSchema, ...errors },
        },
      },
      async (request) => service.list(await scope(request, request.params.contractId, "read"), request.query),
    );

    r.post(
      "/contracts/:contractId/events",
      {
        config: { access: own("write:event") },
        schema: {
          ...common,
          summary: "Add an event (either party); the other party is notified",
          params: contractParamsSchema,
          body: createEventSchema,
          response: { 201: contractEventSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await service.create(
              await scope(request, request.params.contractId, "write:event"),
              request.body,
            ),
          ),
    );

    r.patch(
      "/contracts/:contractId/events/:eventId",
      {
        config: { access: own("write:event") },
        schema: {
          ...common,
          summary: "Change an event (either party); its sequence goes up by one",
          params: contractEventParamsSchema,
          body: updateEventSchema,
          response: { 200: contractEventSchema, ...errors },
        },
      },
      async (request) =>
        service.update(
          await scope(request, request.params.contractId, "write:event"),
          request.params.eventId,
          request.body,
        ),
    );

    r.delete(
      "/contracts/:contractId/events/:eventId",
      {
        config: { access: own("write:event") },
        schema: {
          ...common,
          summary: "Delete an event with all its occurrences (either party)",
          params: contractEventParamsSchema,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await service.remove(
          await scope(request, request.params.contractId, "write:event"),
          request.params.eventId,
        );
        return reply.status(204).send(null);
      },
    );

    r.put(
      "/contracts/:contractId/events/:eventId/occurrences/:originalStart",
      {
        config: { access: own("write:event") },
        schema: {
          ...common,
          summary:
            "Change one occurrence of a recurring event (scope `this`), or it and all that follow (scope `following`: a new series from there); the other party is notified",
          description:
            "Only the fields sent change. With scope `this` the repeat rule and all-day cannot change (`series_only`). An original start the series does not have is refused as `calendar.not_an_occurrence` (422).",
          params: occurrenceParamsSchema,
          querystring: occurrenceScopeSchema,
          body: updateEventSchema,
          response: { 200: occurrenceChangeSchema, ...errors },
        },
      },
      async (request) =>
        service.changeOccurrence(
          await scope(request, request.params.contractId, "write:event"),
          { ...request.params, ...request.query },
          request.body,
        ),
    );

    r.delete(
      "/contracts/:contractId/events/:eventId/occurrences/:originalStart",
      {
        config: { access: own("write:event") },
        schema: {
          ...common,
          summary:
            "Delete one occurrence of a recurring event (scope `this`, an EXDATE), or it and all that follow (scope `following`)",
          params: occurrenceParamsSchema,
          querystring: occurrenceScopeSchema,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await service.deleteOccurrence(await scope(request, request.params.contractId, "write:event"), {
          ...request.params,
          ...request.query,
        });
        return reply.status(204).send(null);
      },
    );

    r.get(
      "/contracts/:contractId/calendar-context",
      {
        config: { access: own("read:contract") },
        schema: {
          ...common,
          summary: "Both parties' names, zones and working hours, and when both work within [from, to)",
          params: contractParamsSchema,
          querystring: calendarContextQuerySchema,
          response: { 200: calendarContextSchema, ...errors },
        },
      },
      async (request) =>
        service.contractOverlap(await scope(request, request.params.contractId, "read"), request.query),
    );
  };
}
