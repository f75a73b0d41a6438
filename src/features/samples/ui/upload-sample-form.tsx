import { Button, FileInput, Group, Stack } from "@mantine/core";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { translateFieldError } from "../../../web/forms/field-errors.ts";
import { FormAlert } from "../../../web/forms/form-alert.tsx";
import { useZodForm } from "../../../web/forms/use-zod-form.ts";
import { useLocale } from "../../../web/kit/use-locale.ts";
import type { TaskCategory } from "../../common/schema.ts";
import { MAX_SAMPLE_BYTES, type Sample } from "../schema.ts";
import { SampleFields } from "./sample-fields.tsx";
import { formatBytes, SAMPLE_ACCEPT } from "./sample-files.ts";
import { uploadSample } from "./upload.ts";
import { UploadProgress } from "./upload-progress.tsx";
import { sampleUploadSchema } from "./upload-schema.ts";

const emptyValues = (category: TaskCategory | undefined, visibility: Sample["visibility"]) => ({
  title: "",
  description: "",
  category: category ?? ("" as TaskCategory),
  visibility,
  file: null as File | null,
});

/**
 * Uploads a file sample to the portfolio with a progress bar. On failure every input stays as it
 * was, so fixing the file (or retrying) does not mean typing the title again.
 */
export function UploadSampleForm(props: {
  submitLabel: string;
  onUploaded: (sample: Sample) => Promise<void> | void;
  /** Fixed visibility (the field is hidden), e.g. bids_only for a sample uploaded from a bid. */
  visibility?: Sample["visibility"];
  category?: TaskCategory;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  // Bids only unless chosen otherwise, as in the shared schema: nothing becomes public by default.
  const initial = emptyValues(props.category, props.visibility ?? "bids_only");
  const form = useZodForm(sampleUploadSchema, initial);
  const [progress, setProgress] = useState<number | null>(null);
  const cancel = useRef<AbortController | null>(null);
  const maxSize = formatBytes(MAX_SAMPLE_BYTES, locale);

  const submit = form.onSubmit(async ({ file, ...fields }) => {
    cancel.current = new AbortController();
    setProgress(0);
    try {
      const sample = await uploadSample(fields, file, {
        onProgress: setProgress,
        signal: cancel.current.signal,
      }).catch((error: unknown) => {
        // A cancel is the user's choice, not a failure to report.
        if (error instanceof DOMException && error.name === "AbortError") return null;
        throw error;
      });
      if (!sample) return;
      form.setValues(initial);
      await props.onUploaded(sample);
    } finally {
      setProgress(null);
      cancel.current = null;
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormAlert error={form.formError} />
        <SampleFields
          values={form.values}
          errors={form.errors}
          setValue={form.setValue}
          withVisibility={props.visibility === undefined}
        />
        <FileInput
          label={t("samples.form.file")}
          description={t("samples.form.fileHint", { max: maxSize })}
          placeholder={t("samples.form.filePlaceholder")}
          required
          accept={SAMPLE_ACCEPT}
          value={form.values.file ?? null}
          onChange={(file) => form.setValue("file", file)}
          error={
            form.errors.file === "file_too_large"
              ? t("errors.field.file_too_large", { size: maxSize })
              : translateFieldError(t, form.errors.file)
          }
        />
        <UploadProgress percent={progress} onCancel={() => cancel.current?.abort()} />
        <Group gap="xs">
          <Button type="submit" loading={form.submitting}>
            {props.submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
