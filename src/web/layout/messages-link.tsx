import { VisuallyHidden } from "@mantine/core";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { apiFetch } from "../api/http.ts";
import { LineIcon } from "./line-icon.tsx";
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

/**
 * The header's link to the inbox with the number of unread messages. `compact` (a phone's header)
 * shows an icon for the word, as the bell does, so the row fits a 320 px screen with any count.
 */
export function MessagesLink({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { data } = useQuery(unreadMessagesQuery);
  const unread = data?.total ?? 0;
  return (
    <ButtonLink
      to="/messages"
      variant="subtle"
      px={compact ? "xs" : undefined}
      rightSection={<UnreadBadge count={unread} />}
    >
      {compact ? (
        <>
          <MessagesIcon />
          {/* Named by visible parts (icon, count) plus hidden words, as the bell. */}
          <VisuallyHidden>{t("nav.messages")}</VisuallyHidden>
        </>
      ) : (
        t("nav.messages")
      )}
    </ButtonLink>
  );
}

function MessagesIcon() {
  return (
    <LineIcon>
      <path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z" />
    </LineIcon>
  );
}
