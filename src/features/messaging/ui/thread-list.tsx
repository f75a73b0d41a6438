import { Group, Paper, Stack, Text } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useMe } from "../../../web/api/me.ts";
import { PagedList } from "../../../web/kit/query-state.tsx";
import { useFormat } from "../../../web/kit/use-locale.ts";
import { AnchorLink } from "../../../web/layout/links.tsx";
import { UnreadBadge } from "../../../web/layout/unread-badge.tsx";
import type { Message, Thread } from "../schema.ts";
import { threadsQuery } from "./message-api.ts";
import { otherParticipant } from "./participants.ts";

/** One line of the newest message: its text, else its file, else that it was deleted. */
function usePreview() {
  const { t } = useTranslation();
  return (message: Message | null) => {
    if (!message) return t("messages.noMessages");
    if (message.deletedAt) return t("messages.deleted");
    const firstLine = message.body.split("\n").find((line) => line.trim()) ?? "";
    return (
      firstLine ||
      (message.attachment ? t("messages.attachmentPreview", { name: message.attachment.fileName }) : "")
    );
  };
}

function ThreadLink({ thread, active }: { thread: Thread; active: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data: me } = useMe();
  const preview = usePreview();
  const other = otherParticipant(thread, me?.id);
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      // A bar, not a tinted background: blue links on light blue fall below AA contrast.
      style={active ? { borderLeft: "4px solid var(--mantine-color-blue-8)" } : undefined}
    >
      <Stack gap={2}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <AnchorLink
            to="/messages/$threadId"
            params={{ threadId: thread.id }}
            fw={thread.unread > 0 ? 700 : 500}
            aria-current={active ? "page" : undefined}
          >
            {other?.name ?? t("messages.someone")}
          </AnchorLink>
          <UnreadBadge count={thread.unread} />
        </Group>
        <Text size="sm">{thread.jobTitle}</Text>
        <Text size="sm" c="dimmed" lineClamp={1}>
          {preview(thread.lastMessage)}
        </Text>
        <Text size="xs" c="dimmed">
          {format.instant(thread.lastActivityAt)}
        </Text>
      </Stack>
    </Paper>
  );
}

/** The user's threads, newest activity first, each with its unread count and newest message. */
export function ThreadList({ activeId }: { activeId?: string | undefined }) {
  const { t } = useTranslation();
  const query = useInfiniteQuery(threadsQuery);
  return (
    <nav aria-label={t("messages.threads")}>
      <PagedList query={query} empty={t("messages.empty")}>
        {(threads) => (
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
            {threads.map((thread) => (
              <ThreadLink key={thread.id} thread={thread} active={thread.id === activeId} />
            ))}
          </Stack>
        )}
      </PagedList>
    </nav>
  );
}
