import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../server/auth/actor.ts";
import { own, session } from "../../server/http/access.ts";
import { readUpload } from "../../server/http/upload.ts";
import { MAX_ICS_BYTES } from "../calendar/schema.ts";
import { idParamsSchema, problemResponses, problemSchema } from "../problems/schema.ts";
import {
  availabilitySchema,
  availabilityViewSchema,
  calendarImportSchema,
  importUrlInputSchema,
} from "./schema.ts";
import type { AvailabilityService } from "./service.ts";

const errors = problemResponses(400, 401, 404, 409, 422);
const ICS_TOO_LARGE = { reason: "ics.too_large", detail: "A calendar file may have at most 5 MB." };

export function availabilityRoutes(service: AvailabilityService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const common = { tags: ["availability"] };

    r.get(
      "/me/availability",
      {
        config: { access: session() },
        schema: {
          ...common,
          summary: "Own weekly hours, exceptions and buffer (a default until saved)",
          response: { 200: availabilityViewSchema, ...errors },
        },
      },
      async (request) => service.get(actorOf(request)),
    );
    r.put(
      "/me/availability",
      {
        config: { access: session() },
        schema: {
          ...common,
          summary: "Save own availability (hours in one's own IANA zone)",
          body: availabilitySchema,
          response: { 200: availabilityViewSchema, ...errors },
        },
      },
      async (request) => service.save(actorOf(request), request.body),
    );

    r.get(
      "/me/calendar-imports",
      {
        config: { access: session() },
        schema: {
          ...common,
          summary: "External calendars counted as busy time",
          response: { 200: z.array(calendarImportSchema), ...errors },
        },
      },
      async (request) => service.imports(actorOf(request)),
    );
    r.post(
      "/me/calendar-imports",
      {
        config: { access: session() },
        schema: {
          ...common,
          summary: "Subscribe to an iCalendar URL (http, https or webcal); fetched now and every 15 minutes",
          body: importUrlInputSchema,
          response: { 201: calendarImportSchema, ...errors },
        },
      },
      async (request, reply) => reply.status(201).send(await service.addUrl(actorOf(request), request.body)),
    );
    r.post(
      "/me/calendar-imports/file",
      {
        config: { access: session() },
        bodyLimit: MAX_ICS_BYTES + 64 * 1024,
        schema: {
          ...common,
          operationId: "importMyCalendarFile",
          summary: "Import an .ics file once (multipart: file ≤ 5 MB, optional name)",
          consumes: ["multipart/form-data"],
          response: { 201: calendarImportSchema, ...errors, 413: problemSchema, 415: problemSchema },
        },
      },
      async (request, reply) => {
        const { fields, file } = await readUpload(request, {
          maxBytes: MAX_ICS_BYTES,
          tooLarge: ICS_TOO_LARGE,
        });
        const name =
          (fields.name ?? "").trim().slice(0, 100) || file.name.replace(/\.ics$/i, "") || "Kalender";
        return reply
          .status(201)
          .send(await service.addFile(actorOf(request), name, file.bytes.toString("utf8")));
      },
    );
    r.post(
      "/me/calendar-imports/:id/sync",
      {
        config: { access: own("write:calendar-import", { owner: "assistant" }) },
        schema: {
          ...common,
          summary: "Fetch a subscription now",
          params: idParamsSchema,
          response: { 200: calendarImportSchema, ...errors },
        },
      },
      async (request) => service.syncNow(actorOf(request), request.params.id),
    );
    r.delete(
      "/me/calendar-imports/:id",
      {
        config: { access: own("write:calendar-import", { owner: "assistant" }) },
        schema: {
          ...common,
          summary: "Remove an imported calendar and its busy time",
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
