import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../server/auth/actor.ts";
import { own, publicAccess, role, session, viewer } from "../../server/http/access.ts";
import { sendStoredFile, storedFileResponse } from "../../server/http/files.ts";
import { readUpload } from "../../server/http/upload.ts";
import { parseOrThrow } from "../../server/http/validation.ts";
import { idParamsSchema, problemResponses, problemSchema } from "../problems/schema.ts";
import { linkSampleSchema, MAX_SAMPLE_BYTES, sampleFieldsSchema, sampleSchema } from "./schema.ts";
import type { SamplesService } from "./service.ts";

const errors = problemResponses(400, 401, 403, 404);

/** The text fields and the file of a sample upload, within the 20 MB limit. */
async function readSampleUpload(request: FastifyRequest) {
  const { fields, file } = await readUpload(request, {
    maxBytes: MAX_SAMPLE_BYTES,
    tooLarge: { reason: "sample.too_large", detail: "A work sample may have at most 20 MB." },
  });
  return { fields: parseOrThrow(sampleFieldsSchema, fields), file };
}

export function samplesRoutes(service: SamplesService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ["samples"];

    r.post(
      "/samples",
      {
        config: { access: role("assistant") },
        // The 1 MiB JSON limit does not apply: multipart is streamed with its own 20 MB cap.
        bodyLimit: MAX_SAMPLE_BYTES + 64 * 1024,
        schema: {
          tags,
          summary: "Upload a work sample (multipart: title, description, category, visibility, file ≤ 20 MB)",
          consumes: ["multipart/form-data"],
          response: {
            201: sampleSchema,
            ...errors,
            413: problemSchema,
            415: problemSchema,
            422: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const { fields, file } = await readSampleUpload(request);
        return reply.status(201).send(await service.createFile(actorOf(request), fields, file));
      },
    );

    r.post(
      "/samples/links",
      {
        config: { access: role("assistant") },
        schema: {
          tags,
          summary: "Add a work sample that is a link",
          body: linkSampleSchema,
          response: { 201: sampleSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.createLink(actorOf(request), request.body)),
    );

    r.get(
      "/samples",
      {
        config: { access: session() },
        schema: {
          tags,
          summary: "One's own portfolio",
          response: { 200: z.array(sampleSchema), ...errors },
        },
      },
      async (request) => service.listOwn(actorOf(request)),
    );

    r.get(
      "/assistants/:userId/samples",
      {
        config: { access: publicAccess() },
        schema: {
          tags,
          summary: "An assistant's public work samples",
          params: z.object({ userId: z.string().min(1).max(64) }),
          response: { 200: z.array(sampleSchema), ...problemResponses(400) },
        },
      },
      async (request) => service.listPublic(request.params.userId),
    );

    r.get(
      "/samples/:id",
      {
        config: { access: viewer() },
        schema: {
          tags,
          summary: "A work sample's details",
          params: idParamsSchema,
          response: { 200: sampleSchema, ...errors },
        },
      },
      async (request) => service.get(request.actor ?? null, request.params.id),
    );

    for (const variant of ["original", "thumbnail"] as const) {
      r.get(
        variant === "original" ? "/samples/:id/file" : "/samples/:id/thumbnail",
        {
          // Shown inline by the browser (PDFs, images): the page set of security headers.
          config: { access: viewer(), securityHeaders: "page" },
          schema: {
            tags,
            summary:
              variant === "original"
                ? "The sample's file, inline (PDF, images) or as a download"
                : "A small WebP preview of an image sample",
            params: idParamsSchema,
            querystring: z.object({ download: z.enum(["0", "1"]).optional() }),
            response: { 200: storedFileResponse, ...problemResponses(400, 404) },
          },
        },
        async (request, reply) =>
          sendStoredFile(
            reply,
            await service.open(request.actor ?? null, request.params.id, variant),
            request.query.download === "1",
          ),
      );
    }

    r.delete(
      "/samples/:id",
      {
        config: { access: own("write:sample", { owner: "assistant" }) },
        schema: {
          tags,
          summary: "Delete one's work sample",
          params: idParamsSchema,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await service.remove(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
