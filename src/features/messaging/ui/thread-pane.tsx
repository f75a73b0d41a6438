import { Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useMe } from "../../../web/api/me.ts";
import { QueryState } from "../../../web/kit/query-state.tsx";
import { AnchorLink } from "../../../web/layout/links.tsx";
import type { Thread } from "../schema.ts";
import { Composer } from "./composer.tsx";
import { messagesQuery, threadQuery } from "./message-api.ts";
import { oldestFirst, readReceiptFor } from "./message-cache.ts";
import { MessageList } from "./message-list.tsx";
import { otherParticipant } from "./participants.ts";
import { TypingIndicator } from "./typing-indicator.tsx";
import { useMarkRead } from "./use-mark-read.ts";

function OpenThread({ thread, myId }: { thread: Thread; myId: string }) {
  const { t } = useTranslation();
  const query = useInfiniteQuery(messagesQuery(thread.id));
  const messages = oldestFirst(query.data);
  const other = otherParticipant(thread, myId);
  useMarkRead(thread, myId, messages);
  const readId = readReceiptFor(messages, myId, other?.readUpToId ?? null);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="thread-title" className="thread-pane">
      <Stack gap="sm">
        <AnchorLink to="/messages" hiddenFrom="sm" size="sm">
          {t("messages.back")}
        </AnchorLink>
        <Group justify="space-between" align="baseline">
          <Title order={2} size="h3" id="thread-title">
            {other?.name ?? t("messages.someone")}
          </Title>
          <Text size="sm">
            {t(`messages.kind.${thread.kind}`)}: {thread.jobTitle}
          </Text>
        </Group>
        <QueryState query={query}>
          {() => (
            <MessageList
              messages={messages}
              thread={thread}
              myId={myId}
              readReceiptId={readId}
              older={query}
            />
          )}
        </QueryState>
        <TypingIndicator threadId={thread.id} user={other} />
        <Composer thread={thread} />
      </Stack>
    </Paper>
  );
}

/** The open thread: its messages (older ones as one scrolls up), who is typing, and the composer. */
export function ThreadPane({ threadId }: { threadId: string }) {
  const { data: me } = useMe();
  const thread = useQuery(threadQuery(threadId));
  return (
    <QueryState query={thread}>
      {(data) => (me ? <OpenThread thread={data} myId={me.id} /> : null)}
    </QueryState>
  );
}
