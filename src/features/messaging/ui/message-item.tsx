import { Alert, Anchor, Box, Button, Group, Paper, Stack, Text, Textarea } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../../web/forms/form-alert.tsx";
import { useAction } from "../../../web/kit/use-action.ts";
import { useFormat, useLocale } from "../../../web/kit/use-locale.ts";
import { MarkdownText } from "../../../web/layout/markdown-text.tsx";
import { formatBytes } from "../../samples/ui/sample-files.ts";
import { EDIT_WINDOW_MS, type Message, type Thread } from "../schema.ts";
import { SendFeedback } from "./contact-warning.tsx";
import { attachmentUrl, deleteMessage, editMessage, messagesQuery } from "./message-api.ts";
import { upsertMessage } from "./message-cache.ts";
import { useGuardedSend } from "./use-guarded-send.ts";

const editable = (message: Message) =>
  !message.deletedAt && Date.now() - new Date(message.createdAt).getTime() < EDIT_WINDOW_MS;

function Attachment({ message }: { message: Message }) {
  const locale = useLocale();
  if (!message.attachment) return null;
  return (
    <Anchor href={attachmentUrl(message)} target="_blank" rel="noopener" size="sm">
      {message.attachment.fileName} ({formatBytes(message.attachment.sizeBytes, locale)})
    </Anchor>
  );
}

function EditForm({ message, onDone }: { message: Message; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [body, setBody] = useState(message.body);
  const guard = useGuardedSend(async (confirmContact) => {
    const saved = await editMessage(message.id, body, confirmContact);
    queryClient.setQueryData(messagesQuery(message.threadId).queryKey, (data) => upsertMessage(data, saved));
    onDone();
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void guard.submit();
      }}
    >
      <Stack gap="xs">
        <Textarea
          label={t("messages.editLabel")}
          autosize
          minRows={2}
          value={body}
          onChange={(event) => {
            setBody(event.currentTarget.value);
            guard.reset();
          }}
        />
        <SendFeedback guard={guard} />
        <Group gap="xs">
          <Button type="submit" size="compact-sm" loading={guard.busy}>
            {t("messages.saveEdit")}
          </Button>
          <Button size="compact-sm" variant="default" onClick={onDone}>
            {t("messages.cancelEdit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** One message: text (Markdown subset) or its tombstone, its file, marks, and the sender's actions. */
export function MessageItem(props: { message: Message; thread: Thread; mine: boolean; read: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const { message, mine } = props;
  const [editing, setEditing] = useState(false);
  const { busy, error, run } = useAction<"delete">();
  const sender = props.thread.participants.find((p) => p.userId === message.senderId)?.name;

  const remove = () =>
    run("delete", async () => {
      const gone = await deleteMessage(message.id);
      queryClient.setQueryData(messagesQuery(message.threadId).queryKey, (data) => upsertMessage(data, gone));
    });

  return (
    <Box style={{ alignSelf: mine ? "flex-end" : "flex-start", maxWidth: "min(36rem, 92%)" }}>
      <Paper
        withBorder
        p="xs"
        // Own messages by a border, not a tint: red and blue buttons on grey fall below AA contrast.
        style={mine ? { borderColor: "var(--mantine-color-blue-8)" } : undefined}
        aria-label={t(mine ? "messages.fromMe" : "messages.fromOther", { name: sender ?? "" })}
        component="article"
      >
        <Stack gap={4}>
          <Text size="xs" c="dimmed">
            {mine ? t("messages.me") : sender} · {format.instant(message.createdAt)}
            {message.editedAt && !message.deletedAt ? ` · ${t("messages.edited")}` : ""}
          </Text>
          {message.flaggedContact && !mine ? (
            <Alert color="red.9" variant="outline" p="xs" title={t("messages.flagged.title")}>
              <Text size="sm">{t("messages.flagged.body")}</Text>
            </Alert>
          ) : null}
          {message.deletedAt ? (
            <Text fs="italic" size="sm">
              {t("messages.deleted")}
            </Text>
          ) : editing ? (
            <EditForm message={message} onDone={() => setEditing(false)} />
          ) : (
            <>
              {message.body ? <MarkdownText text={message.body} /> : null}
              <Attachment message={message} />
            </>
          )}
          {message.flaggedContact && mine && !message.deletedAt ? (
            <Text size="xs" c="dimmed">
              {t("messages.flagged.own")}
            </Text>
          ) : null}
          <FormAlert error={error} />
          {mine && !message.deletedAt && !editing ? (
            <Group gap="xs">
              {editable(message) ? (
                <Button size="compact-xs" variant="subtle" onClick={() => setEditing(true)}>
                  {t("messages.edit")}
                </Button>
              ) : null}
              <Button
                size="compact-xs"
                // Outline: a subtle red button takes its text from red-6, below AA contrast.
                variant="outline"
                color="red.9"
                loading={busy === "delete"}
                onClick={() => void remove()}
              >
                {t("messages.delete")}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </Paper>
      {props.read ? (
        <Text size="xs" ta="right" c="dimmed">
          {t("messages.read")}
        </Text>
      ) : null}
    </Box>
  );
}
