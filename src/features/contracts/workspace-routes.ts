import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../server/auth/actor.ts";
import { own } from "../../server/http/access.ts";
import { cursorQuerySchema } from "../common/schema.ts";
import { idParamsSchema, problemResponses } from "../problems/schema.ts";
import type { ContractGate } from "./gate.ts";
import type { LifecycleService } from "./lifecycle.ts";
import type { OverviewService } from "./overview.ts";
import {
  CONTRACT_ACTIONS,
  CONTRACT_STATUSES,
  contractChangeSchema,
  contractHistorySchema,
  contractOverviewSchema,
  transitionFormSchema,
} from "./schema.ts";

const errors = problemResponses(400, 401, 404, 409);

const SUMMARY = {
  pause: "Pause the contract (either party, with a reason): no calls and no new events until resumed",
  resume: "Resume a paused contract (either party)",
  end: "End the contract for good (either party, with a reason): reading, downloads and messages stay",
} as const;

/** The contract workspace's overview, its history, and pausing, resuming and ending it. */
export function workspaceRoutes(gate: ContractGate, overview: OverviewService, lifecycle: LifecycleService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const common = { tags: ["contracts"] };
    const read = (request: FastifyRequest<{ Params: { id: string } }>) =>
      gate.scope(actorOf(request), request.params.id, "read");

    r.get(
      "/contracts/:id",
      {
        config: { access: own("read:contract") },
        schema: {
          ...common,
          summary:
            "The contract's overview (either party; 404 for anyone else): the other party, the job, the terms, the status, what needs attention and the latest changes",
          params: idParamsSchema,
          response: { 200: contractOverviewSchema, ...errors },
        },
      },
      async (request) => overview.overview(await read(request)),
    );

    r.get(
      "/contracts/:id/history",
      {
        config: { access: own("read:contract") },
        schema: {
          ...common,
          summary: "The contract's status changes, newest first",
          params: idParamsSchema,
          querystring: cursorQuerySchema,
          response: { 200: contractHistorySchema, ...errors },
        },
      },
      async (request) => lifecycle.history(await read(request), request.query.cursor, request.query.limit),
    );

    for (const action of CONTRACT_ACTIONS) {
      r.post(
        `/contracts/:id/${action}`,
        {
          config: { access: own("write:contract") },
          schema: {
            ...common,
            summary: SUMMARY[action],
            description:
              "Follows the transition table (active ⇄ paused → ended); any other move is 409 contract.illegal_transition. The other party is notified.",
            params: idParamsSchema,
            body: transitionFormSchema(action),
            response: {
              200: z.object({ status: z.enum(CONTRACT_STATUSES), change: contractChangeSchema }),
              ...errors,
            },
          },
        },
        async (request) => {
          const change = await lifecycle.transition(await read(request), action, request.body.reason);
          return { status: change.to, change };
        },
      );
    }
  };
}
