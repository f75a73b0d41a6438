import { Button, Checkbox, Paper, Stack, Text } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../../web/kit/use-locale.ts";
import type { TaskCategory } from "../../common/schema.ts";
import type { Sample } from "../schema.ts";
import { ownSamplesQuery, sampleAdded } from "./sample-api.ts";
import { fileTypeLabel, formatBytes } from "./sample-files.ts";
import { UploadSampleForm } from "./upload-sample-form.tsx";

/** As many as the bid schema takes (createBidSchema: sampleIds max 10). */
export const MAX_ATTACHED = 10;

/** Work samples from the portfolio to attach to a bid, as checkboxes; at most MAX_ATTACHED. */
export function SamplePicker(props: { value: string[]; onChange: (ids: string[]) => void; error?: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { data: samples = [], isPending } = useQuery(ownSamplesQuery);
  const full = props.value.length >= MAX_ATTACHED;
  const detailsOf = (sample: Sample) =>
    sample.kind === "link"
      ? t("samples.kind.link")
      : [fileTypeLabel(sample), sample.sizeBytes === null ? null : formatBytes(sample.sizeBytes, locale)]
          .filter(Boolean)
          .join(" · ");

  return (
    <Checkbox.Group
      label={t("samples.attach.label")}
      description={t("samples.attach.hint", { max: MAX_ATTACHED })}
      value={props.value}
      onChange={props.onChange}
      error={props.error}
    >
      <Stack gap="xs" mt="xs">
        {!isPending && samples.length === 0 ? <Text size="sm">{t("samples.attach.none")}</Text> : null}
        {samples.map((sample) => (
          <Checkbox
            key={sample.id}
            value={sample.id}
            label={sample.title}
            description={detailsOf(sample)}
            disabled={full && !props.value.includes(sample.id)}
          />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

/**
 * Uploading a sample while bidding: it goes to the portfolio for bids only and is attached at once.
 * Rendered outside the bid's <form>, as forms cannot nest.
 */
export function UploadAndAttach(props: {
  category: TaskCategory | undefined;
  attached: number;
  onAttach: (sample: Sample) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const full = props.attached >= MAX_ATTACHED;
  if (!open) {
    return (
      <div>
        <Button variant="outline" disabled={full} onClick={() => setOpen(true)}>
          {t("samples.attach.uploadNew")}
        </Button>
      </div>
    );
  }
  return (
    <Paper withBorder p="md" component="section" aria-label={t("samples.attach.uploadTitle")}>
      <Stack gap="sm">
        <Text size="sm">{t("samples.attach.uploadHint")}</Text>
        <UploadSampleForm
          submitLabel={t("samples.attach.uploadSubmit")}
          visibility="bids_only"
          {...(props.category ? { category: props.category } : {})}
          onUploaded={async (sample) => {
            await sampleAdded(queryClient, sample);
            props.onAttach(sample);
            setOpen(false);
          }}
        />
        <div>
          <Button variant="subtle" onClick={() => setOpen(false)}>
            {t("samples.attach.closeUpload")}
          </Button>
        </div>
      </Stack>
    </Paper>
  );
}
