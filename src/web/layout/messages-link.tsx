import { queryOptions, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { apiFetch } from "../api/http.ts";
import { ButtonLink } from "./links.tsx";
import { UnreadBadge } from "./unread-badge.tsx";

export const UNREAD_MESSAGES_KEY = ["messaging", "unread"] as const;

/** Unread messages in total and per thread; kept current by the live connection, never polled. */
export const unreadMessagesQuery = queryOptions({
  queryKey: UNREAD_MESSAGES_KEY,
  queryFn: async ({ signal }) => {
    // The schema module (and zod) loads beside the request, as in me.ts, to keep the landing page light.
    const { unreadCountsSchema } = await import("../../features/messaging/schema.ts");
    return apiFetch("/api/v1/messages/unread-count", { schema: unreadCountsSchema, signal });
  },
  staleTime: Number.POSITIVE_INFINITY,
});

/** The header's link to the inbox with the number of unread messages. */
export function MessagesLink() {
  const { t } = useTranslation();
  const { data } = useQuery(unreadMessagesQuery);
  const unread = data?.total ?? 0;
  return (
    <ButtonLink to="/messages" variant="subtle" rightSection={<UnreadBadge count={unread} />}>
      {t("nav.messages")}
    </ButtonLink>
  );
}
