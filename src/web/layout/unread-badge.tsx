import { Badge, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** A red count of unread things (none at 0), read out as "3 unread". */
export function UnreadBadge({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count <= 0) return null;
  return (
    <Badge size="sm" color="red.9">
      {count > 99 ? "99+" : count}
      <VisuallyHidden> {t("notifications.unreadSuffix")}</VisuallyHidden>
    </Badge>
  );
}
