import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { actorOf, authenticateAll } from "../../server/auth/actor.ts";
import { cursorQuerySchema, pageSchema } from "../common/schema.ts";
import { idParamsSchema, problemResponses } from "../problems/schema.ts";
import {
  bidActionSchema,
  bidListQuerySchema,
  bidSchema,
  createBidSchema,
  updateBidSchema,
} from "./schema.ts";
import type { BidsService } from "./service.ts";

const errors = problemResponses(400, 401, 403, 404, 409, 422);

export function bidsRoutes(service: BidsService, authenticate: (r: FastifyRequest) => Promise<void>) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    authenticateAll(app, authenticate);
    const common = { tags: ["bids"] };

    r.post(
      "/jobs/:id/bids",
      {
        schema: {
          ...common,
          summary: "Bid on a job; the rate may not exceed the job's maximum (422 names it)",
          params: idParamsSchema,
          body: createBidSchema,
          response: { 201: bidSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.submit(actorOf(request), request.params.id, request.body)),
    );

    r.get(
      "/jobs/:id/bids",
      {
        schema: {
          ...common,
          summary: "The bids on one's own job, sorted and filtered",
          params: idParamsSchema,
          querystring: bidListQuerySchema,
          response: { 200: pageSchema(bidSchema), ...errors },
        },
      },
      async (request) => service.listForJob(actorOf(request), request.params.id, request.query),
    );

    r.get(
      "/bids",
      {
        schema: {
          ...common,
          summary: "The signed-in assistant's own bids, newest first",
          querystring: cursorQuerySchema,
          response: { 200: pageSchema(bidSchema), ...errors },
        },
      },
      async (request) => service.listOwn(actorOf(request), request.query.cursor, request.query.limit),
    );

    r.get(
      "/bids/:id",
      {
        schema: {
          ...common,
          summary: "A bid (its assistant or the job's client)",
          params: idParamsSchema,
          response: { 200: bidSchema, ...errors },
        },
      },
      async (request) => service.get(actorOf(request), request.params.id),
    );

    r.patch(
      "/bids/:id",
      {
        schema: {
          ...common,
          summary: "Edit one's bid until the deadline or until the client acts on it",
          params: idParamsSchema,
          body: updateBidSchema,
          response: { 200: bidSchema, ...errors },
        },
      },
      async (request) => service.update(actorOf(request), request.params.id, request.body),
    );

    r.post(
      "/bids/:id/transitions",
      {
        schema: {
          ...common,
          summary: "Shortlist or reject (client), or withdraw (assistant) a bid",
          params: idParamsSchema,
          body: bidActionSchema,
          response: { 200: bidSchema, ...errors },
        },
      },
      async (request) =>
        service.act(actorOf(request), request.params.id, request.body.action, request.body.message),
    );
  };
}
