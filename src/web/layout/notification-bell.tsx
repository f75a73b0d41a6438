import { VisuallyHidden } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { apiFetch } from "../api/http.ts";
import { LineIcon } from "./line-icon.tsx";
import { ButtonLink } from "./links.tsx";
import { UnreadBadge } from "./unread-badge.tsx";

export const UNREAD_KEY = ["notifications", "unread"] as const;
// Kept current by the live channel (notification.created refetches it); the slow poll only covers
// a tab whose socket cannot connect.
const POLL_MS = 5 * 60_000;

/**
 * The header's bell: a link to the notifications with the unread count; shown to signed-in users
 * only. `compact` narrows it for a phone.
 */
export function NotificationBell({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { data: unread = 0 } = useQuery({
    queryKey: UNREAD_KEY,
    queryFn: async ({ signal }) => {
      // The schema module (and zod) loads beside the request, as in me.ts, to keep the landing page light.
      const { unreadCountSchema } = await import("../../features/notifications/schema.ts");
      return (await apiFetch("/api/v1/notifications/unread-count", { schema: unreadCountSchema, signal }))
        .unread;
    },
    refetchInterval: POLL_MS,
  });
  return (
    <ButtonLink
      to="/notifications"
      variant="subtle"
      px={compact ? "xs" : undefined}
      rightSection={<UnreadBadge count={unread} />}
    >
      <BellIcon />
      {/* Named by visible parts (icon, count) plus hidden words, so the name contains what is seen. */}
      <VisuallyHidden>{t("notifications.title")}</VisuallyHidden>
    </ButtonLink>
  );
}

function BellIcon() {
  return (
    <LineIcon>
      <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
      <path d="M13.73 21a2 2 0 0 1-3.46 0" />
    </LineIcon>
  );
}
