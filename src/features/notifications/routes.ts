import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { actorOf } from "../../server/auth/actor.ts";
import { session } from "../../server/http/access.ts";
import { cursorQuerySchema, pageSchema } from "../common/schema.ts";
import { problemSchema } from "../problems/schema.ts";
import {
  markReadSchema,
  notificationSchema,
  preferencesSchema,
  unreadCountSchema,
  updatePreferencesSchema,
} from "./schema.ts";
import type { NotificationsService } from "./service.ts";

export function notificationsRoutes(service: NotificationsService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const common = { tags: ["notifications"] };
    r.get(
      "/notifications",
      {
        config: { access: session() },
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
        config: { access: session() },
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
        config: { access: session() },
        schema: {
          operationId: "markNotificationsRead",
          ...common,
          summary: "Mark notifications (or all) as read",
          body: markReadSchema,
          response: { 200: unreadCountSchema, 400: problemSchema, 401: problemSchema },
        },
      },
      async (request) => service.markRead(actorOf(request), request.body),
    );
    r.get(
      "/me/notification-preferences",
      {
        config: { access: session() },
        schema: {
          operationId: "getMyNotificationPreferences",
          ...common,
          summary: "How each type of notification reaches the user (in-app, e-mail, daily digest, off)",
          response: { 200: preferencesSchema, 401: problemSchema },
        },
      },
      async (request) => service.preferences(actorOf(request)),
    );
    r.put(
      "/me/notification-preferences",
      {
        config: { access: session() },
        schema: {
          ...common,
          summary: "Change the channel of some notification types; the others keep theirs",
          body: updatePreferencesSchema,
          response: { 200: preferencesSchema, 400: problemSchema, 401: problemSchema },
        },
      },
      async (request) => service.setPreferences(actorOf(request), request.body.preferences),
    );
  };
}
