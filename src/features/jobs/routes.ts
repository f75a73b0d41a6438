import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../server/auth/actor.ts";
import { own, publicAccess, role, session, viewer } from "../../server/http/access.ts";
import { cursorQuerySchema, pageSchema } from "../common/schema.ts";
import { idParamsSchema, problemResponses, problemSchema } from "../problems/schema.ts";
import {
  createJobSchema,
  jobActionSchema,
  jobListQuerySchema,
  jobSchema,
  updateJobSchema,
} from "./schema.ts";
import type { JobsService } from "./service.ts";

const errors = problemResponses(400, 401, 403, 404, 409);
/** Changing a job is its client's: whoever can see it gets 403, whoever cannot 404 (jobs/policy.ts). */
const SEEN = {
  expect: { otherClient: "forbidden", otherAssistant: "forbidden", admin: "forbidden" },
} as const;

export function jobsRoutes(service: JobsService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ["jobs"];

    r.post(
      "/jobs",
      {
        config: { access: role("client") },
        schema: {
          tags,
          summary: "Post a job (as a draft)",
          body: createJobSchema,
          response: { 201: jobSchema, ...errors },
        },
      },
      async (request, reply) => reply.status(201).send(await service.create(actorOf(request), request.body)),
    );

    r.get(
      "/jobs",
      {
        config: { access: session() },
        schema: {
          tags,
          summary: "The signed-in client's own jobs with bid counts, newest first",
          querystring: cursorQuerySchema,
          response: { 200: pageSchema(jobSchema), ...errors },
        },
      },
      async (request) => service.listOwn(actorOf(request), request.query.cursor, request.query.limit),
    );

    r.get(
      "/job-board",
      {
        config: { access: publicAccess() },
        schema: {
          tags,
          summary: "Open public jobs, newest first, filtered by category, pricing model and rate",
          querystring: jobListQuerySchema,
          response: { 200: pageSchema(jobSchema), 400: problemSchema },
        },
      },
      async (request) => service.listBoard(request.query),
    );

    r.get(
      "/jobs/:id",
      {
        config: { access: viewer() },
        schema: {
          tags,
          summary: "A job, as far as the viewer may see it",
          params: idParamsSchema,
          response: { 200: jobSchema, ...errors },
        },
      },
      async (request) => service.get(request.actor ?? null, request.params.id),
    );

    r.patch(
      "/jobs/:id",
      {
        config: { access: own("write:job", SEEN) },
        schema: {
          tags,
          summary: "Edit a job; bidders of an open job are told when its terms change",
          params: idParamsSchema,
          body: updateJobSchema,
          response: { 200: jobSchema, ...errors },
        },
      },
      async (request) => service.update(actorOf(request), request.params.id, request.body),
    );

    r.post(
      "/jobs/:id/invitations",
      {
        config: { access: own("write:job", SEEN) },
        schema: {
          tags,
          summary: "Invite an assistant to an invite-only job (its client)",
          params: idParamsSchema,
          body: z.strictObject({ assistantId: z.string().min(1).max(64) }),
          response: { 204: z.null(), ...errors, 422: problemSchema },
        },
      },
      async (request, reply) => {
        await service.invite(actorOf(request), request.params.id, request.body.assistantId);
        return reply.status(204).send(null);
      },
    );

    r.post(
      "/jobs/:id/transitions",
      {
        config: { access: own("write:job", SEEN) },
        schema: {
          tags,
          summary: "Publish, pause, resume, close or cancel a job",
          params: idParamsSchema,
          body: jobActionSchema,
          response: { 200: jobSchema, ...errors },
        },
      },
      async (request) => service.transition(actorOf(request), request.params.id, request.body.action),
    );
  };
}
