import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { translateFieldError } from "../../../web/forms/field-errors.ts";
import { FormAlert } from "../../../web/forms/form-alert.tsx";
import { useZodForm } from "../../../web/forms/use-zod-form.ts";
import { instantToLocal, localToInstant } from "../../../web/kit/dates.ts";
import { MoneyInput } from "../../../web/kit/money-input.tsx";
import { useLocale } from "../../../web/kit/use-locale.ts";
import { browserTimeZone, TimeZoneSelect } from "../../accounts/ui/time-zone-select.tsx";
import {
  CURRENCIES,
  type Currency,
  PRICING_MODELS,
  type PricingModel,
  TASK_CATEGORIES,
} from "../../common/schema.ts";
import {
  type CreateJobInput,
  createJobSchema,
  JOB_VISIBILITIES,
  type Job,
  MAX_SCREENING_QUESTIONS,
} from "../schema.ts";

// Languages clients most often ask for; the API takes any two-letter code.
const LANGUAGE_CODES = ["de", "en", "fr", "es", "it", "nl", "pl", "pt", "tr", "ru", "uk", "ar", "zh"];

function initialValues(job: Job | undefined) {
  if (!job) {
    return {
      title: "",
      description: "",
      categories: [],
      pricingModel: "hourly" as PricingModel,
      maxRateMinor: Number.NaN,
      currency: "EUR" as Currency,
      expectedVolume: 10,
      startDate: "",
      durationWeeks: null,
      languages: [],
      overlap: null,
      screeningQuestions: [],
      bidDeadline: "",
      visibility: "public" as const,
      openings: 1,
    };
  }
  const {
    id: _i,
    clientId: _c,
    status: _s,
    bidCount: _b,
    publishedAt: _p,
    createdAt: _cr,
    updatedAt: _u,
    ...terms
  } = job;
  return { ...terms, currency: terms.currency as Currency };
}

/** Every term of a job posting, validated by the shared createJobSchema before it is sent. */
export function JobForm(props: {
  job?: Job;
  submitLabel: string;
  onSubmit: (data: CreateJobInput) => Promise<void>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useZodForm(createJobSchema, initialValues(props.job));
  const [deadline, setDeadline] = useState(props.job ? instantToLocal(props.job.bidDeadline) : "");
  const { values, errors } = form;
  const err = (field: string) => translateFieldError(t, errors[field]);
  const model = values.pricingModel;
  const questions = values.screeningQuestions ?? [];
  const overlap = values.overlap ?? null;
  const languages = useMemo(() => {
    const names = new Intl.DisplayNames([locale], { type: "language" });
    return LANGUAGE_CODES.map((code) => ({ value: code, label: names.of(code) ?? code }));
  }, [locale]);

  const submit = form.onSubmit(props.onSubmit, () => ({ bidDeadline: localToInstant(deadline) }));
  const numberProps = (field: "expectedVolume" | "openings") => ({
    value: values[field] ?? "",
    onChange: (value: number | string) =>
      form.setValue(field, typeof value === "number" ? value : Number.NaN),
    error: err(field),
    allowDecimal: false,
    min: 1,
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormAlert error={form.formError} />
        <TextInput label={t("jobs.form.title")} required {...form.textProps("title")} />
        <Textarea
          label={t("jobs.form.description")}
          required
          autosize
          minRows={4}
          name="description"
          value={values.description}
          onChange={(event) => form.setValue("description", event.currentTarget.value)}
          error={err("description")}
        />
        <Checkbox.Group
          label={t("jobs.form.categories")}
          required
          value={values.categories as string[]}
          onChange={(value) => form.setValue("categories", value as CreateJobInput["categories"])}
          error={err("categories")}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
            {TASK_CATEGORIES.map((category) => (
              <Checkbox key={category} value={category} label={t(`categories.${category}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Radio.Group
          label={t("jobs.form.pricingModel")}
          required
          value={model}
          onChange={(value) => form.setValue("pricingModel", value as PricingModel)}
        >
          <Group mt="xs">
            {PRICING_MODELS.map((option) => (
              <Radio key={option} value={option} label={t(`pricingModels.${option}`)} />
            ))}
          </Group>
        </Radio.Group>
        <Group align="flex-start" grow>
          <MoneyInput
            label={t(model === "hourly" ? "jobs.form.maxRateHourly" : "jobs.form.maxRatePerTask")}
            required
            name="maxRateMinor"
            minor={props.job?.maxRateMinor}
            currency={values.currency ?? "EUR"}
            onMinorChange={(minor) => form.setValue("maxRateMinor", minor)}
            error={err("maxRateMinor")}
          />
          <Select
            label={t("jobs.form.currency")}
            data={[...CURRENCIES]}
            value={values.currency ?? "EUR"}
            onChange={(value) => value && form.setValue("currency", value as Currency)}
            allowDeselect={false}
          />
        </Group>
        <NumberInput
          label={t(model === "hourly" ? "jobs.form.volumeHourly" : "jobs.form.volumePerTask")}
          required
          name="expectedVolume"
          {...numberProps("expectedVolume")}
        />
        <Group align="flex-start" grow>
          <TextInput type="date" label={t("jobs.form.startDate")} required {...form.textProps("startDate")} />
          <NumberInput
            label={t("jobs.form.durationWeeks")}
            description={t("jobs.form.durationHint")}
            name="durationWeeks"
            allowDecimal={false}
            min={1}
            value={values.durationWeeks ?? ""}
            onChange={(value) => form.setValue("durationWeeks", typeof value === "number" ? value : null)}
            error={err("durationWeeks")}
          />
        </Group>
        <MultiSelect
          label={t("jobs.form.languages")}
          data={languages}
          value={values.languages ?? []}
          onChange={(value) => form.setValue("languages", value)}
          searchable
          error={err("languages")}
        />
        <Fieldset legend={t("jobs.form.overlap")}>
          <Stack gap="sm">
            <Checkbox
              label={t("jobs.form.overlapWanted")}
              checked={overlap !== null}
              onChange={(event) =>
                form.setValue(
                  "overlap",
                  event.currentTarget.checked
                    ? { hours: 3, timeZone: browserTimeZone(), from: "09:00", to: "17:00" }
                    : null,
                )
              }
            />
            {overlap ? (
              <>
                <NumberInput
                  label={t("jobs.form.overlapHours")}
                  allowDecimal={false}
                  min={1}
                  max={12}
                  value={overlap.hours}
                  onChange={(value) =>
                    form.setValue("overlap", {
                      ...overlap,
                      hours: typeof value === "number" ? value : Number.NaN,
                    })
                  }
                  error={err("overlap.hours")}
                />
                <TimeZoneSelect
                  value={overlap.timeZone}
                  onChange={(timeZone) => form.setValue("overlap", { ...overlap, timeZone })}
                  error={err("overlap.timeZone")}
                />
                <Group grow>
                  <TextInput
                    type="time"
                    label={t("jobs.form.overlapFrom")}
                    value={overlap.from}
                    onChange={(event) =>
                      form.setValue("overlap", { ...overlap, from: event.currentTarget.value })
                    }
                    error={err("overlap.from")}
                  />
                  <TextInput
                    type="time"
                    label={t("jobs.form.overlapTo")}
                    value={overlap.to}
                    onChange={(event) =>
                      form.setValue("overlap", { ...overlap, to: event.currentTarget.value })
                    }
                    error={err("overlap.to")}
                  />
                </Group>
              </>
            ) : null}
          </Stack>
        </Fieldset>
        <Fieldset legend={t("jobs.form.questions", { max: MAX_SCREENING_QUESTIONS })}>
          <Stack gap="sm">
            {questions.map((question, index) => (
              // Questions have no ids of their own; their position is what the bids' answers refer to.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <Group key={index} align="flex-end" wrap="nowrap">
                <TextInput
                  style={{ flex: 1 }}
                  label={t("jobs.form.question", { number: index + 1 })}
                  value={question}
                  onChange={(event) => {
                    const next = [...questions];
                    next[index] = event.currentTarget.value;
                    form.setValue("screeningQuestions", next);
                  }}
                  error={err(`screeningQuestions.${index}`)}
                />
                <Button
                  variant="default"
                  onClick={() =>
                    form.setValue(
                      "screeningQuestions",
                      questions.filter((_, i) => i !== index),
                    )
                  }
                >
                  {t("jobs.form.removeQuestion", { number: index + 1 })}
                </Button>
              </Group>
            ))}
            <Button
              variant="outline"
              disabled={questions.length >= MAX_SCREENING_QUESTIONS}
              onClick={() => form.setValue("screeningQuestions", [...questions, ""])}
            >
              {t("jobs.form.addQuestion")}
            </Button>
          </Stack>
        </Fieldset>
        <TextInput
          type="datetime-local"
          label={t("jobs.form.bidDeadline")}
          description={t("jobs.form.bidDeadlineHint")}
          required
          name="bidDeadline"
          value={deadline}
          onChange={(event) => setDeadline(event.currentTarget.value)}
          error={err("bidDeadline")}
        />
        <Radio.Group
          label={t("jobs.form.visibility")}
          value={values.visibility ?? "public"}
          onChange={(value) => form.setValue("visibility", value as (typeof JOB_VISIBILITIES)[number])}
        >
          <Stack gap="xs" mt="xs">
            {JOB_VISIBILITIES.map((option) => (
              <Radio
                key={option}
                value={option}
                label={t(`jobs.visibility.${option}`)}
                description={t(`jobs.visibilityHint.${option}`)}
              />
            ))}
          </Stack>
        </Radio.Group>
        <NumberInput label={t("jobs.form.openings")} name="openings" max={20} {...numberProps("openings")} />
        <Button type="submit" loading={form.submitting}>
          {props.submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
