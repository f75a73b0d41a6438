import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { actorOf } from "../../server/auth/actor.ts";
import { own, role, session } from "../../server/http/access.ts";
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

export function bidsRoutes(service: BidsService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const common = { tags: ["bids"] };

    r.post(
      "/jobs/:id/bids",
      {
        config: { access: role("assistant") },
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
        // The job is public: whoever sees it is told the bids are not theirs (403), as in jobs/policy.ts.
        config: {
          access: own("read:bid", {
            expect: { otherClient: "forbidden", otherAssistant: "forbidden", admin: "forbidden" },
          }),
        },
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
        config: { access: session() },
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
        config: { access: own("read:bid", { owner: "assistant" }) },
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
        config: { access: own("write:bid", { owner: "assistant" }) },
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
        config: { access: own("write:bid", { owner: "assistant" }) },
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
