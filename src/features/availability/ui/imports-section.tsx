import { Button, FileInput, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { translateFieldError } from "../../../web/forms/field-errors.ts";
import { FormAlert } from "../../../web/forms/form-alert.tsx";
import { useZodForm } from "../../../web/forms/use-zod-form.ts";
import { QueryState } from "../../../web/kit/query-state.tsx";
import { useAction } from "../../../web/kit/use-action.ts";
import { useFormat } from "../../../web/kit/use-locale.ts";
import { notify } from "../../../web/layout/notify.ts";
import { SettingsSection } from "../../../web/layout/settings-section.tsx";
import { type CalendarImport, importUrlInputSchema, MAX_IMPORTS } from "../schema.ts";
import {
  addImportUrl,
  importsChanged,
  importsQuery,
  MAX_ICS_BYTES,
  removeImport,
  syncImport,
  uploadIcs,
} from "./availability-api.ts";

/** External calendars whose events count as busy time: subscribed by URL or uploaded once. */
export function ImportsSection() {
  const { t } = useTranslation();
  const query = useQuery(importsQuery);
  return (
    <SettingsSection
      title={t("availability.imports.title")}
      description={t("availability.imports.description")}
    >
      <QueryState query={query}>
        {(imports) =>
          imports.length === 0 ? (
            <Text>{t("availability.imports.none")}</Text>
          ) : (
            <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
              {imports.map((item) => (
                <ImportItem key={item.id} item={item} />
              ))}
            </Stack>
          )
        }
      </QueryState>
      {(query.data?.length ?? 0) < MAX_IMPORTS ? (
        <>
          <AddUrlForm />
          <UploadForm />
        </>
      ) : (
        <Text size="sm">{t("availability.imports.full", { max: MAX_IMPORTS })}</Text>
      )}
    </SettingsSection>
  );
}

function ImportItem({ item }: { item: CalendarImport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const { busy, error, run } = useAction<"sync" | "remove">();
  const source = item.kind === "file" ? t("availability.imports.file") : (item.host ?? "–");
  return (
    <Paper withBorder p="sm" component="li" aria-label={item.name}>
      <Stack gap={4}>
        <Text fw={600}>
          {item.name}{" "}
          <Text span c="dimmed" size="sm">
            · {source}
          </Text>
        </Text>
        <Text size="sm">
          {item.lastSyncedAt
            ? t("availability.imports.synced", {
                time: format.instant(item.lastSyncedAt),
                count: item.busyCount,
              })
            : t("availability.imports.never")}
        </Text>
        {item.lastError ? (
          <Text size="sm" c="red.9">
            {t([`errors.reason.${item.lastError}`, "availability.imports.failed"])}
            {item.syncPaused ? ` ${t("availability.imports.paused")}` : null}
          </Text>
        ) : null}
        <FormAlert error={error} />
        <Group gap="xs">
          {item.kind === "url" ? (
            <Button
              size="compact-sm"
              variant="default"
              loading={busy === "sync"}
              onClick={() =>
                void run("sync", async () => {
                  await syncImport(item.id);
                  await importsChanged(queryClient);
                })
              }
              aria-label={t("availability.imports.syncNamed", { name: item.name })}
            >
              {t("availability.imports.sync")}
            </Button>
          ) : null}
          <Button
            size="compact-sm"
            variant="default"
            loading={busy === "remove"}
            onClick={() =>
              void run("remove", async () => {
                await removeImport(item.id);
                await importsChanged(queryClient);
              })
            }
            aria-label={t("availability.imports.removeNamed", { name: item.name })}
          >
            {t("availability.imports.remove")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function AddUrlForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useZodForm(importUrlInputSchema, { name: "", url: "" });
  const submit = form.onSubmit(async (data) => {
    await addImportUrl(data);
    await importsChanged(queryClient);
    form.setValues({ name: "", url: "" });
    await notify(t, "green", t("availability.imports.added"));
  });
  return (
    <form onSubmit={submit} noValidate aria-labelledby="add-url-heading">
      <Stack gap="xs">
        <Title order={3} size="h5" id="add-url-heading">
          {t("availability.imports.addUrl")}
        </Title>
        <FormAlert error={form.formError} />
        <Group align="flex-start" grow preventGrowOverflow={false} wrap="wrap">
          <TextInput label={t("availability.imports.name")} maxLength={100} {...form.textProps("name")} />
          <TextInput
            label={t("availability.imports.url")}
            description={t("availability.imports.urlHint")}
            type="url"
            {...form.textProps("url")}
          />
        </Group>
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t("availability.imports.subscribe")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function UploadForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState("");
  const [fileError, setFileError] = useState<string | undefined>();
  const { busy, error, run } = useAction<"upload">();
  const upload = () =>
    run("upload", async () => {
      if (!file) return setFileError(translateFieldError(t, "file_required"));
      if (file.size > MAX_ICS_BYTES) return setFileError(t("errors.reason.ics.too_large"));
      await uploadIcs(file, name.trim());
      await importsChanged(queryClient);
      setFile(null);
      setName("");
      await notify(t, "green", t("availability.imports.added"));
    });
  return (
    <Stack gap="xs" component="section" aria-labelledby="upload-heading">
      <Title order={3} size="h5" id="upload-heading">
        {t("availability.imports.upload")}
      </Title>
      <FormAlert error={error} />
      <Group align="flex-start" grow preventGrowOverflow={false} wrap="wrap">
        <TextInput
          label={t("availability.imports.name")}
          maxLength={100}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
        />
        <FileInput
          label={t("availability.imports.fileLabel")}
          description={t("availability.imports.fileHint")}
          accept=".ics,text/calendar"
          clearable
          clearButtonProps={{ "aria-label": t("availability.imports.clearFile") }}
          value={file}
          onChange={(next) => {
            setFile(next);
            setFileError(next && next.size > MAX_ICS_BYTES ? t("errors.reason.ics.too_large") : undefined);
          }}
          error={fileError}
        />
      </Group>
      <Group>
        <Button loading={busy === "upload"} onClick={() => void upload()}>
          {t("availability.imports.uploadSubmit")}
        </Button>
      </Group>
    </Stack>
  );
}
