import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../server/auth/actor.ts";
import { own, session } from "../../server/http/access.ts";
import { sendStoredFile, storedFileResponse } from "../../server/http/files.ts";
import { readUpload } from "../../server/http/upload.ts";
import { parseOrThrow } from "../../server/http/validation.ts";
import { cursorQuerySchema, pageSchema } from "../common/schema.ts";
import type { ContractGate } from "../contracts/gate.ts";
import { idParamsSchema, problemResponses, problemSchema } from "../problems/schema.ts";
import { ATTACHMENT_TOO_LARGE, MAX_ATTACHMENT_BYTES } from "./attachments.ts";
import {
  attachmentFieldsSchema,
  editMessageSchema,
  markReadSchema,
  messageListQuerySchema,
  messageSchema,
  postMessageSchema,
  threadSchema,
  unreadCountsSchema,
} from "./schema.ts";
import type { MessagingService } from "./service.ts";

const errors = problemResponses(400, 401, 403, 404, 409, 422, 429);
const readStateSchema = z.object({ threadId: z.uuid(), unread: z.number().int(), total: z.number().int() });

export function messagingRoutes(service: MessagingService, gate: ContractGate) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const common = { tags: ["messages"] };

    for (const subject of ["bids", "contracts"] as const) {
      r.post(
        `/${subject}/:id/thread`,
        {
          // Either party opens it; the assistant is the bid's owner in the matrix, the client the contract's.
          config: { access: own("write:thread", { owner: subject === "bids" ? "assistant" : "client" }) },
          schema: {
            ...common,
            operationId: subject === "bids" ? "openBidThread" : "openContractThread",
            summary: `Open the ${subject === "bids" ? "bid's" : "contract's"} thread (either party); opening again returns it`,
            params: idParamsSchema,
            response: { 200: threadSchema, 201: threadSchema, ...errors },
          },
        },
        async (request, reply) => {
          const actor = actorOf(request);
          const { thread, created } =
            subject === "bids"
              ? await service.openBidThread(actor, request.params.id)
              : await service.openContractThread(await gate.scope(actor, request.params.id, "message"));
          return reply.status(created ? 201 : 200).send(thread);
        },
      );
    }

    r.get(
      "/threads",
      {
        config: { access: session() },
        schema: {
          ...common,
          summary: "One's threads, newest activity first, with unread counts and the last message",
          querystring: cursorQuerySchema,
          response: { 200: pageSchema(threadSchema), ...errors },
        },
      },
      async (request) => service.list(actorOf(request), request.query.cursor, request.query.limit),
    );

    r.get(
      "/threads/:id",
      {
        config: { access: own("read:thread") },
        schema: {
          ...common,
          summary: "A thread",
          params: idParamsSchema,
          response: { 200: threadSchema, ...errors },
        },
      },
      async (request) => service.get(actorOf(request), request.params.id),
    );

    r.get(
      "/threads/:id/messages",
      {
        config: { access: own("read:message") },
        schema: {
          ...common,
          summary: "A thread's messages, newest first; `before` pages back in time",
          params: idParamsSchema,
          querystring: messageListQuerySchema,
          response: { 200: pageSchema(messageSchema), ...errors },
        },
      },
      async (request) =>
        service.messages(actorOf(request), request.params.id, request.query.before, request.query.limit),
    );

    r.post(
      "/threads/:id/messages",
      {
        config: { access: own("write:message") },
        schema: {
          ...common,
          summary:
            "Send a message (Markdown subset, ≤ 10,000 characters); before hire, contact details need confirmContact (422 names them)",
          params: idParamsSchema,
          body: postMessageSchema,
          response: { 201: messageSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.post(actorOf(request), request.params.id, request.body)),
    );

    r.post(
      "/threads/:id/attachments",
      {
        config: { access: own("write:message") },
        // Multipart is streamed with its own 20 MB cap, not the 1 MiB JSON limit.
        bodyLimit: MAX_ATTACHMENT_BYTES + 64 * 1024,
        schema: {
          ...common,
          summary:
            "Send a file (multipart: file ≤ 20 MB as for work samples, optional body and confirmContact)",
          consumes: ["multipart/form-data"],
          params: idParamsSchema,
          response: { 201: messageSchema, ...errors, 413: problemSchema, 415: problemSchema },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        await service.requireParticipant(actor, request.params.id);
        const { fields, file } = await readUpload(request, {
          maxBytes: MAX_ATTACHMENT_BYTES,
          tooLarge: ATTACHMENT_TOO_LARGE,
        });
        const input = parseOrThrow(attachmentFieldsSchema, fields);
        return reply.status(201).send(await service.postAttachment(actor, request.params.id, input, file));
      },
    );

    r.get(
      "/messages/:id/attachment",
      {
        config: { access: own("read:message"), securityHeaders: "page" },
        // Opened inline by the browser (PDFs, images): the page set of security headers.
        schema: {
          ...common,
          summary: "A message's attachment (participants only)",
          params: idParamsSchema,
          querystring: z.object({ download: z.enum(["0", "1"]).optional() }),
          response: { 200: storedFileResponse, ...problemResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) =>
        sendStoredFile(
          reply,
          await service.openAttachment(actorOf(request), request.params.id),
          request.query.download === "1",
        ),
    );

    r.patch(
      "/messages/:id",
      {
        config: { access: own("write:message") },
        schema: {
          ...common,
          summary: "Edit one's message within 10 minutes of sending",
          params: idParamsSchema,
          body: editMessageSchema,
          response: { 200: messageSchema, ...errors },
        },
      },
      async (request) => service.edit(actorOf(request), request.params.id, request.body),
    );

    r.delete(
      "/messages/:id",
      {
        config: { access: own("write:message") },
        schema: {
          ...common,
          summary: "Delete one's message; a tombstone stays in the thread",
          params: idParamsSchema,
          response: { 200: messageSchema, ...errors },
        },
      },
      async (request) => service.remove(actorOf(request), request.params.id),
    );

    r.post(
      "/threads/:id/read",
      {
        config: { access: own("write:thread") },
        schema: {
          ...common,
          operationId: "markThreadRead",
          summary: "Mark the thread read up to a message (default: the newest)",
          params: idParamsSchema,
          body: markReadSchema.optional(),
          response: { 200: readStateSchema, ...errors },
        },
      },
      async (request) => service.markRead(actorOf(request), request.params.id, request.body?.messageId),
    );

    r.get(
      "/messages/unread-count",
      {
        config: { access: session() },
        schema: {
          ...common,
          summary: "Unread messages in total and per thread",
          response: { 200: unreadCountsSchema, ...errors },
        },
      },
      async (request) => service.unreadCounts(actorOf(request)),
    );
  };
}
