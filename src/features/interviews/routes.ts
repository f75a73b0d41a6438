import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { actorOf } from "../../server/auth/actor.ts";
import { own, session } from "../../server/http/access.ts";
import type { RoomsService } from "../calls/rooms.ts";
import { roomSchema } from "../calls/schema.ts";
import { pageSchema } from "../common/schema.ts";
import { idParamsSchema, problemResponses } from "../problems/schema.ts";
import {
  cancelInterviewSchema,
  confirmInterviewSchema,
  interviewListQuerySchema,
  interviewSchema,
  requestInterviewSchema,
  rescheduleInterviewSchema,
  slotsQuerySchema,
  slotsSchema,
} from "./schema.ts";
import type { InterviewsService } from "./service.ts";

const errors = problemResponses(400, 401, 403, 404, 409, 422);

export function interviewsRoutes(service: InterviewsService, rooms: RoomsService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const common = { tags: ["interviews"] };

    r.get(
      "/bids/:id/interview-slots",
      {
        config: { access: own("read:interview") },
        schema: {
          ...common,
          summary: "Common free times of the bid's client and assistant (UTC; both zones beside)",
          params: idParamsSchema,
          querystring: slotsQuerySchema,
          response: { 200: slotsSchema, ...errors },
        },
      },
      async (request) => service.slots(actorOf(request), request.params.id, request.query),
    );
    r.post(
      "/bids/:id/interviews",
      {
        config: { access: own("write:interview") },
        schema: {
          ...common,
          summary: "Request an interview: one time to confirm, or up to five to choose from (client)",
          params: idParamsSchema,
          body: requestInterviewSchema,
          response: { 201: interviewSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.request(actorOf(request), request.params.id, request.body)),
    );
    r.get(
      "/interviews",
      {
        config: { access: session() },
        schema: {
          ...common,
          summary: "Own interviews: upcoming soonest first, or past and cancelled latest first; by status",
          querystring: interviewListQuerySchema,
          response: { 200: pageSchema(interviewSchema), ...errors },
        },
      },
      async (request) => service.list(actorOf(request), request.query),
    );
    r.get(
      "/interviews/:id",
      {
        config: { access: own("read:interview") },
        schema: {
          ...common,
          summary: "One interview",
          params: idParamsSchema,
          response: { 200: interviewSchema, ...errors },
        },
      },
      async (request) => service.get(actorOf(request), request.params.id),
    );
    r.get(
      "/interviews/:id/room",
      {
        config: { access: own("read:interview") },
        schema: {
          ...common,
          summary:
            "Join the video room: participants only, from 10 minutes before the start (409 with a reason otherwise). Signalling then rides /api/ws as rtc.signal frames with interviewId",
          params: idParamsSchema,
          response: { 200: roomSchema, ...errors },
        },
      },
      async (request) => rooms.room(actorOf(request), { kind: "interview", id: request.params.id }),
    );
    r.post(
      "/interviews/:id/confirm",
      {
        config: { access: own("write:interview", { owner: "assistant" }) },
        schema: {
          ...common,
          summary: "Accept one of the proposed times (assistant); invitations go out",
          params: idParamsSchema,
          body: confirmInterviewSchema,
          response: { 200: interviewSchema, ...errors },
        },
      },
      async (request) => service.confirm(actorOf(request), request.params.id, request.body.start),
    );
    r.post(
      "/interviews/:id/reschedule",
      {
        config: { access: own("write:interview") },
        schema: {
          ...common,
          summary: "Move a confirmed interview (either party, with a reason)",
          params: idParamsSchema,
          body: rescheduleInterviewSchema,
          response: { 200: interviewSchema, ...errors },
        },
      },
      async (request) =>
        service.reschedule(actorOf(request), request.params.id, request.body.start, request.body.reason),
    );
    r.post(
      "/interviews/:id/cancel",
      {
        config: { access: own("write:interview") },
        schema: {
          ...common,
          summary: "Cancel (either party, with a reason)",
          params: idParamsSchema,
          body: cancelInterviewSchema,
          response: { 200: interviewSchema, ...errors },
        },
      },
      async (request) => service.cancel(actorOf(request), request.params.id, request.body.reason),
    );
  };
}
