import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../server/auth/actor.ts";
import { own } from "../../server/http/access.ts";
import type { RoomsService } from "../calls/rooms.ts";
import { roomSchema } from "../calls/schema.ts";
import { idParamsSchema, problemResponses } from "../problems/schema.ts";
import type { ContractCallService } from "./call.ts";
import type { ContractGate } from "./gate.ts";

const errors = problemResponses(400, 401, 403, 404, 409);

/** A contract's on-demand video call: the same room as an interview's, open while the contract is active. */
export function contractCallRoutes(rooms: RoomsService, calls: ContractCallService, gate: ContractGate) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const common = { tags: ["contracts"] };

    r.get(
      "/contracts/:id/call",
      {
        config: { access: own("read:call") },
        schema: {
          ...common,
          summary:
            "Join the contract's video call: its client and assistant only (404 for anyone else), any time while the contract is active (409 contract.paused or contract.ended otherwise). Signalling then rides /api/ws as rtc.signal frames with contractId",
          params: idParamsSchema,
          response: { 200: roomSchema, ...errors },
        },
      },
      async (request) => rooms.room(actorOf(request), { kind: "contract", id: request.params.id }),
    );

    r.post(
      "/contracts/:id/call/ring",
      {
        config: { access: own("write:call") },
        schema: {
          ...common,
          summary:
            "Start the call: the other party gets a live call.ringing event and a call.started notification (by their preference)",
          params: idParamsSchema,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await calls.ring(await gate.scope(actorOf(request), request.params.id, "call"));
        return reply.status(204).send(null);
      },
    );
  };
}
