import { Button, Group, Stack, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../../web/forms/form-alert.tsx";
import { useZodForm } from "../../../web/forms/use-zod-form.ts";
import type { TaskCategory } from "../../common/schema.ts";
import { linkSampleSchema, type Sample } from "../schema.ts";
import { createLinkSample } from "./sample-api.ts";
import { SampleFields } from "./sample-fields.tsx";

const EMPTY = {
  title: "",
  description: "",
  category: "" as TaskCategory,
  // As in the shared schema: nothing becomes public by default.
  visibility: "bids_only" as const,
  url: "",
};

/** A sample that lives elsewhere (a published article, a shared spreadsheet): a link and its fields. */
export function LinkSampleForm(props: { onAdded: (sample: Sample) => Promise<void> | void }) {
  const { t } = useTranslation();
  const form = useZodForm(linkSampleSchema, EMPTY);
  const submit = form.onSubmit(async (input) => {
    const sample = await createLinkSample(input);
    form.setValues(EMPTY);
    await props.onAdded(sample);
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormAlert error={form.formError} />
        <TextInput
          type="url"
          label={t("samples.form.url")}
          placeholder="https://"
          required
          {...form.textProps("url")}
        />
        <SampleFields values={form.values} errors={form.errors} setValue={form.setValue} />
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t("samples.form.addLink")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
