import { Button, Center, Stack, Text } from "@mantine/core";
import { useLayoutEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { Message, Thread } from "../schema.ts";
import { MessageItem } from "./message-item.tsx";

/** Within this many pixels of the top, the next older page loads; of the bottom, new ones scroll in. */
const EDGE_PX = 80;

interface Older {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/**
 * The messages, oldest at the top. Scrolling up loads older ones and keeps what was on screen in
 * place; a new message scrolls into view when the reader was at the bottom (or sent it).
 */
export function MessageList(props: {
  messages: Message[];
  thread: Thread;
  myId: string;
  readReceiptId: string | null;
  older: Older;
}) {
  const { t } = useTranslation();
  const { messages, older } = props;
  const box = useRef<HTMLDivElement>(null);
  const before = useRef({ first: "", last: "", height: 0, atBottom: true });

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const first = messages[0]?.id ?? "";
    const last = messages.at(-1);
    const was = before.current;
    if (was.first && first !== was.first && (last?.id ?? "") === was.last) {
      // Older messages came in above: keep the same messages under the reader's eyes.
      el.scrollTop += el.scrollHeight - was.height;
    } else if ((last?.id ?? "") !== was.last && (was.atBottom || last?.senderId === props.myId)) {
      el.scrollTop = el.scrollHeight;
    }
    before.current = {
      first,
      last: last?.id ?? "",
      height: el.scrollHeight,
      atBottom: el.scrollHeight - el.scrollTop - el.clientHeight < EDGE_PX,
    };
  }, [messages, props.myId]);

  function onScroll() {
    const el = box.current;
    if (!el) return;
    before.current.atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < EDGE_PX;
    before.current.height = el.scrollHeight;
    if (el.scrollTop < EDGE_PX && older.hasNextPage && !older.isFetchingNextPage) void older.fetchNextPage();
  }

  return (
    <div
      ref={box}
      className="message-log"
      role="log"
      aria-label={t("messages.log")}
      // A scrollable region must be reachable by keyboard to scroll it (axe: scrollable-region-focusable).
      // biome-ignore lint/a11y/noNoninteractiveTabindex: see above
      tabIndex={0}
      onScroll={onScroll}
    >
      <Stack gap="sm" p="xs">
        {older.hasNextPage ? (
          <Center>
            <Button
              variant="default"
              size="compact-sm"
              loading={older.isFetchingNextPage}
              onClick={() => void older.fetchNextPage()}
            >
              {t("messages.loadOlder")}
            </Button>
          </Center>
        ) : null}
        {messages.length === 0 ? <Text c="dimmed">{t("messages.startHint")}</Text> : null}
        {messages.map((message) => (
          <MessageItem
            key={message.id}
            message={message}
            thread={props.thread}
            mine={message.senderId === props.myId}
            read={message.id === props.readReceiptId}
          />
        ))}
      </Stack>
    </div>
  );
}
