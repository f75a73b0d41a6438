import { Button, CloseButton, FileButton, Group, Stack, Text, Textarea } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { translateFieldError } from "../../../web/forms/field-errors.ts";
import { useLocale } from "../../../web/kit/use-locale.ts";
import { MAX_SAMPLE_BYTES } from "../../samples/schema.ts";
import { fileProblem, formatBytes, SAMPLE_ACCEPT } from "../../samples/ui/sample-files.ts";
import { UploadProgress } from "../../samples/ui/upload-progress.tsx";
import { type Message, messageBodySchema, type Thread } from "../schema.ts";
import { SendFeedback } from "./contact-warning.tsx";
import { messagesQuery, postMessage, uploadAttachment } from "./message-api.ts";
import { upsertMessage } from "./message-cache.ts";
import { sendTyping } from "./send-typing.ts";
import { useGuardedSend } from "./use-guarded-send.ts";

/**
 * Writing a message: text in the Markdown subset, optionally a file (the work samples' types and
 * size, with an upload progress bar). Ctrl/⌘+Enter sends; plain Enter is a new line, as Markdown
 * needs them.
 */
export function Composer({ thread }: { thread: Thread }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [body, setBody] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const cancel = useRef<AbortController | null>(null);
  const maxSize = formatBytes(MAX_SAMPLE_BYTES, locale);

  const added = (message: Message) =>
    queryClient.setQueryData(messagesQuery(thread.id).queryKey, (data) => upsertMessage(data, message));

  const guard = useGuardedSend(async (confirmContact) => {
    if (!file) {
      added(await postMessage(thread.id, body, confirmContact));
    } else {
      cancel.current = new AbortController();
      setProgress(0);
      try {
        added(
          await uploadAttachment(
            thread.id,
            file,
            { body, confirmContact },
            {
              onProgress: setProgress,
              signal: cancel.current.signal,
            },
          ),
        );
      } finally {
        setProgress(null);
        cancel.current = null;
      }
    }
    setBody("");
    setFile(null);
  });

  /** What the browser can tell before sending: the file's size and type, or the text by the shared schema. */
  function problem(): string | null {
    if (file) return fileProblem(file);
    const parsed = messageBodySchema.safeParse(body);
    return parsed.success ? null : (parsed.error.issues[0]?.message ?? "invalid");
  }

  function submit() {
    const found = problem();
    setFieldError(found);
    if (!found) void guard.submit();
  }

  const fileError =
    fieldError === "file_too_large" ? t("errors.field.file_too_large", { size: maxSize }) : null;

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      noValidate
    >
      <Stack gap="xs">
        <Textarea
          label={t("messages.composer.label")}
          description={t("messages.composer.hint")}
          autosize
          minRows={2}
          maxRows={8}
          value={body}
          error={file ? undefined : translateFieldError(t, fieldError ?? undefined)}
          onChange={(event) => {
            setBody(event.currentTarget.value);
            setFieldError(null);
            guard.reset();
            if (event.currentTarget.value) sendTyping(thread.id);
          }}
          onKeyDown={(event) => {
            if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              submit();
            }
          }}
        />
        {file ? (
          <Group gap="xs">
            <Text size="sm">
              {t("messages.composer.file", { name: file.name, size: formatBytes(file.size, locale) })}
            </Text>
            {progress === null ? (
              <CloseButton
                size="sm"
                aria-label={t("messages.composer.removeFile")}
                onClick={() => {
                  setFile(null);
                  setFieldError(null);
                }}
              />
            ) : null}
          </Group>
        ) : null}
        {file && fieldError ? (
          <Text size="sm" c="red.9" role="alert">
            {fileError ?? translateFieldError(t, fieldError)}
          </Text>
        ) : null}
        <UploadProgress percent={progress} onCancel={() => cancel.current?.abort()} />
        <SendFeedback guard={guard} />
        <Group gap="xs">
          <Button type="submit" loading={guard.busy}>
            {t("messages.composer.send")}
          </Button>
          <FileButton
            accept={SAMPLE_ACCEPT}
            onChange={(chosen) => {
              setFile(chosen);
              setFieldError(chosen ? fileProblem(chosen) : null);
            }}
          >
            {(props) => (
              <Button variant="default" {...props} disabled={progress !== null}>
                {t("messages.composer.attach")}
              </Button>
            )}
          </FileButton>
        </Group>
      </Stack>
    </form>
  );
}
