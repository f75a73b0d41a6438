import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../server/auth/actor.ts";
import { publicAccess, role, session } from "../../server/http/access.ts";
import { storedFileResponse } from "../../server/http/files.ts";
import { readUpload } from "../../server/http/upload.ts";
import { problemResponses, problemSchema } from "../problems/schema.ts";
import {
  assistantProfileInputSchema,
  clientProfileInputSchema,
  clientProfileSchema,
  MAX_PHOTO_BYTES,
  publicAssistantProfileSchema,
} from "./schema.ts";
import type { ProfilesService } from "./service.ts";

const errors = problemResponses(400, 401, 403, 404);

export function profilesRoutes(service: ProfilesService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ["profiles"];
    r.get(
      "/assistants/:userId",
      {
        config: { access: publicAccess() },
        schema: {
          tags,
          summary: "An assistant's public profile (no sign-in needed)",
          params: z.object({ userId: z.string().min(1).max(64) }),
          response: { 200: publicAssistantProfileSchema, 404: problemSchema },
        },
      },
      async (request) => service.getAssistant(request.params.userId),
    );
    r.put(
      "/me/assistant-profile",
      {
        config: { access: role("assistant") },
        schema: {
          tags,
          summary: "Create or replace one's assistant profile",
          body: assistantProfileInputSchema,
          response: { 200: publicAssistantProfileSchema, ...errors },
        },
      },
      async (request) => service.saveAssistant(actorOf(request), request.body),
    );
    r.put(
      "/me/assistant-profile/photo",
      {
        config: { access: role("assistant") },
        bodyLimit: MAX_PHOTO_BYTES + 64 * 1024,
        schema: {
          tags,
          summary: "Set one's profile photo (multipart, one part `file`: PNG, JPEG or WebP ≤ 5 MB)",
          consumes: ["multipart/form-data"],
          response: {
            200: publicAssistantProfileSchema,
            ...errors,
            413: problemSchema,
            415: problemSchema,
            422: problemSchema,
          },
        },
      },
      async (request) => {
        const { file } = await readUpload(request, {
          maxBytes: MAX_PHOTO_BYTES,
          tooLarge: { reason: "profile.photo_too_large", detail: "A photo may have at most 5 MB." },
        });
        return service.setPhoto(actorOf(request), file.bytes);
      },
    );
    r.delete(
      "/me/assistant-profile/photo",
      {
        config: { access: role("assistant") },
        schema: {
          tags,
          summary: "Remove one's profile photo",
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await service.removePhoto(actorOf(request));
        return reply.status(204).send(null);
      },
    );
    r.get(
      "/assistants/:userId/photo",
      {
        config: { access: publicAccess(), securityHeaders: "page" },
        schema: {
          tags,
          summary: "An assistant's profile photo (WebP, 512 px square)",
          params: z.object({ userId: z.string().min(1).max(64) }),
          response: { 200: storedFileResponse, ...problemResponses(400, 404) },
        },
      },
      async (request, reply) => {
        const stream = await service.openPhoto(request.params.userId);
        reply
          .type("image/webp")
          .header("x-content-type-options", "nosniff")
          // Public like the profile; short-lived because a new photo keeps the same address.
          .header("cache-control", "public, max-age=300");
        // The typed reply takes the schemas' types (a string); the photo goes out as a stream.
        return (reply as FastifyReply).send(stream);
      },
    );
    r.get(
      "/me/client-profile",
      {
        // Anyone signed in asks for their own; 404 until they saved one (the matrix seeds the owner's).
        config: {
          access: session({ expect: { otherClient: "hidden", otherAssistant: "hidden", admin: "hidden" } }),
        },
        schema: {
          tags,
          summary: "One's client profile",
          response: { 200: clientProfileSchema, ...errors },
        },
      },
      async (request) => service.getOwnClient(actorOf(request)),
    );
    r.put(
      "/me/client-profile",
      {
        config: { access: role("client") },
        schema: {
          tags,
          summary: "Create or replace one's client profile (company, country, billing address, VAT id)",
          body: clientProfileInputSchema,
          response: { 200: clientProfileSchema, ...errors },
        },
      },
      async (request) => service.saveClient(actorOf(request), request.body),
    );
  };
}
