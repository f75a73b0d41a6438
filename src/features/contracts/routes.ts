import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../server/auth/actor.ts";
import { own, session } from "../../server/http/access.ts";
import { cursorQuerySchema, pageSchema } from "../common/schema.ts";
import { idParamsSchema, problemResponses } from "../problems/schema.ts";
import {
  contractListItemSchema,
  contractSchema,
  createOfferSchema,
  offerDetailSchema,
  offerResponseSchema,
  offerSchema,
} from "./schema.ts";
import type { ContractsService } from "./service.ts";

const errors = problemResponses(400, 401, 403, 404, 409, 422);

export function contractsRoutes(service: ContractsService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const common = { tags: ["contracts"] };

    r.post(
      "/bids/:id/offers",
      {
        config: { access: own("write:offer") },
        schema: {
          ...common,
          summary: "Offer contract terms on a bid (the job's client)",
          params: idParamsSchema,
          body: createOfferSchema,
          response: { 201: offerSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.makeOffer(actorOf(request), request.params.id, request.body)),
    );

    r.get(
      "/offers/:id",
      {
        config: { access: own("read:offer") },
        schema: {
          ...common,
          summary: "A contract offer with its sender (either party)",
          params: idParamsSchema,
          response: { 200: offerDetailSchema, ...errors },
        },
      },
      async (request) => service.getOffer(actorOf(request), request.params.id),
    );

    r.post(
      "/offers/:id/response",
      {
        config: { access: own("write:offer", { owner: "assistant" }) },
        schema: {
          ...common,
          operationId: "respondToOffer",
          summary: "Accept (creates the contract) or decline a contract offer (the assistant)",
          params: idParamsSchema,
          body: offerResponseSchema,
          response: { 200: z.object({ offer: offerSchema, contract: contractSchema.optional() }), ...errors },
        },
      },
      async (request) => service.respond(actorOf(request), request.params.id, request.body.decision),
    );

    r.get(
      "/contracts",
      {
        config: { access: session() },
        schema: {
          ...common,
          summary: "One's contracts as client or assistant, newest first",
          querystring: cursorQuerySchema,
          response: { 200: pageSchema(contractListItemSchema), ...errors },
        },
      },
      async (request) => service.list(actorOf(request), request.query.cursor, request.query.limit),
    );
  };
}
