import type { QueryClient } from "@tanstack/react-query";
import { apiFetch } from "../../../web/api/http.ts";
import { pagedQuery } from "../../../web/kit/paged-query.ts";
import { UNREAD_KEY } from "../../../web/layout/notification-bell.tsx";
import { notificationSchema, unreadCountSchema } from "../schema.ts";

export const NOTIFICATIONS_KEY = ["notifications"] as const;

export const notificationsQuery = pagedQuery(
  [...NOTIFICATIONS_KEY, "list"],
  "/api/v1/notifications",
  notificationSchema,
);

/** Marks some (or all) as read; the answer is the new unread count, which the bell shows at once. */
export async function markRead(queryClient: QueryClient, body: { ids: string[] } | { all: true }) {
  const count = await apiFetch("/api/v1/notifications/read", {
    method: "POST",
    body,
    schema: unreadCountSchema,
  });
  queryClient.setQueryData(UNREAD_KEY, count.unread);
  await queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
}
