import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { actorOf } from "../../server/auth/actor.ts";
import { cursorQuerySchema, pageSchema } from "../common/schema.ts";
import { problemSchema } from "../problems/schema.ts";
import { markReadSchema, notificationSchema, unreadCountSchema } from "./schema.ts";
import type { NotificationsService } from "./service.ts";

export function notificationsRoutes(
  service: NotificationsService,
  authenticate: (r: FastifyRequest) => Promise<void>,
) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.addHook("preHandler", authenticate);
    const common = { tags: ["notifications"], security: [{ session: [] }] };
    r.get(
      "/notifications",
      {
        schema: {
          ...common,
          summary: "Own notifications, newest first",
          querystring: cursorQuerySchema,
          response: { 200: pageSchema(notificationSchema), 401: problemSchema },
        },
      },
      async (request) => service.list(actorOf(request), request.query.cursor, request.query.limit),
    );
    r.get(
      "/notifications/unread-count",
      {
        schema: {
          ...common,
          summary: "The bell's badge",
          response: { 200: unreadCountSchema, 401: problemSchema },
        },
      },
      async (request) => service.unread(actorOf(request)),
    );
    r.post(
      "/notifications/read",
      {
        schema: {
          ...common,
          summary: "Mark notifications (or all) as read",
          body: markReadSchema,
          response: { 200: unreadCountSchema, 400: problemSchema, 401: problemSchema },
        },
      },
      async (request) => service.markRead(actorOf(request), request.body),
    );
  };
}
