import { Radio, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { type FieldErrors, translateFieldError } from "../../../web/forms/field-errors.ts";
import { TASK_CATEGORIES, type TaskCategory } from "../../common/schema.ts";
import { SAMPLE_VISIBILITIES, type sampleFieldsSchema } from "../schema.ts";

type Fields = z.input<typeof sampleFieldsSchema>;

/**
 * The fields every sample has, for both the upload and the link form. `withVisibility` is off where
 * the visibility is fixed (a sample uploaded from a bid is for bids only).
 */
export function SampleFields<V extends Fields>(props: {
  values: V;
  errors: FieldErrors;
  setValue: <K extends keyof Fields & keyof V & string>(field: K, value: V[K]) => void;
  withVisibility?: boolean;
}) {
  const { t } = useTranslation();
  const { values, errors } = props;
  const err = (field: string) => translateFieldError(t, errors[field]);
  return (
    <Stack gap="sm">
      <TextInput
        label={t("samples.form.title")}
        required
        name="title"
        value={values.title}
        onChange={(event) => props.setValue("title", event.currentTarget.value as V["title"])}
        error={err("title")}
      />
      <Textarea
        label={t("samples.form.description")}
        autosize
        minRows={2}
        name="description"
        value={values.description ?? ""}
        onChange={(event) => props.setValue("description", event.currentTarget.value as V["description"])}
        error={err("description")}
      />
      <Select
        label={t("samples.form.category")}
        required
        placeholder={t("samples.form.categoryPlaceholder")}
        data={TASK_CATEGORIES.map((value) => ({ value, label: t(`categories.${value}`) }))}
        value={(values.category as string) || null}
        onChange={(value) => props.setValue("category", (value ?? "") as TaskCategory as V["category"])}
        error={err("category")}
        allowDeselect={false}
      />
      {props.withVisibility === false ? null : (
        <Radio.Group
          label={t("samples.form.visibility")}
          value={values.visibility ?? "bids_only"}
          onChange={(value) => props.setValue("visibility", value as V["visibility"])}
        >
          <Stack gap="xs" mt="xs">
            {SAMPLE_VISIBILITIES.map((option) => (
              <Radio
                key={option}
                value={option}
                label={t(`samples.visibility.${option}`)}
                description={t(`samples.visibilityHint.${option}`)}
              />
            ))}
          </Stack>
        </Radio.Group>
      )}
    </Stack>
  );
}
