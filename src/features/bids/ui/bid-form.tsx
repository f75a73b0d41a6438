import { Button, Stack, Textarea, TextInput } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { translateFieldError } from "../../../web/forms/field-errors.ts";
import { FormAlert } from "../../../web/forms/form-alert.tsx";
import { useZodForm } from "../../../web/forms/use-zod-form.ts";
import { today } from "../../../web/kit/dates.ts";
import { MoneyInput } from "../../../web/kit/money-input.tsx";
import { useFormat } from "../../../web/kit/use-locale.ts";
import type { Job } from "../../jobs/schema.ts";
import { SamplePicker, UploadAndAttach } from "../../samples/ui/sample-picker.tsx";
import { type Bid, type CreateBidInput, createBidSchema } from "../schema.ts";

/** The shared bid schema plus this job's maximum, so a rate above it is refused before it is sent. */
function bidSchemaFor(job: Job) {
  return createBidSchema.refine((bid) => bid.rateMinor <= job.maxRateMinor, {
    path: ["rateMinor"],
    message: "rate_above_maximum",
  });
}

/** Submitting a new bid, or editing one (same fields; the server takes the whole set as a patch). */
export function BidForm(props: {
  job: Job;
  bid?: Bid;
  submitLabel: string;
  onSubmit: (data: CreateBidInput) => Promise<void>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { job, bid } = props;
  const questions = job.screeningQuestions;
  const form = useZodForm(bidSchemaFor(job), {
    rateMinor: bid?.rateMinor ?? Number.NaN,
    coverLetter: bid?.coverLetter ?? "",
    answers: bid?.answers ?? questions.map(() => ""),
    earliestStart: bid?.earliestStart ?? today(),
    // An edit starts from the attached samples; the server replaces them with what is sent.
    sampleIds: bid?.sampleIds ?? [],
  });
  const answers = form.values.answers ?? [];
  const maximum = format.rate(job.maxRateMinor, job.currency, job.pricingModel);
  const rateError =
    form.errors.rateMinor === "rate_above_maximum"
      ? t("errors.field.rate_above_maximum", { maximum })
      : translateFieldError(t, form.errors.rateMinor);

  const formId = useId();
  const sampleIds = form.values.sampleIds ?? [];

  // The sample upload is a form of its own, so it sits after the bid's form, not inside it; the
  // submit button joins the bid's form by its id.
  return (
    <Stack gap="md">
      <form id={formId} onSubmit={form.onSubmit(props.onSubmit)} noValidate>
        <Stack gap="md">
          <FormAlert error={form.formError} />
          <MoneyInput
            label={t(job.pricingModel === "hourly" ? "bids.form.rateHourly" : "bids.form.ratePerTask")}
            description={t("bids.form.rateHint", { maximum })}
            required
            name="rateMinor"
            minor={bid?.rateMinor}
            currency={job.currency}
            onMinorChange={(minor) => form.setValue("rateMinor", minor)}
            error={rateError}
          />
          <Textarea
            label={t("bids.form.coverLetter")}
            required
            autosize
            minRows={5}
            name="coverLetter"
            value={form.values.coverLetter}
            onChange={(event) => form.setValue("coverLetter", event.currentTarget.value)}
            error={translateFieldError(t, form.errors.coverLetter)}
          />
          {questions.map((question, index) => (
            <Textarea
              // Answers follow the job's questions by position.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              key={index}
              label={question}
              description={t("bids.form.answerHint", { number: index + 1 })}
              required
              autosize
              minRows={2}
              value={answers[index] ?? ""}
              onChange={(event) => {
                const next = [...answers];
                next[index] = event.currentTarget.value;
                form.setValue("answers", next);
              }}
              error={translateFieldError(t, form.errors[`answers.${index}`] ?? form.errors.answers)}
            />
          ))}
          <TextInput
            type="date"
            label={t("bids.form.earliestStart")}
            required
            {...form.textProps("earliestStart")}
          />
          <SamplePicker
            value={sampleIds}
            onChange={(ids) => form.setValue("sampleIds", ids)}
            error={translateFieldError(t, form.errors.sampleIds)}
          />
        </Stack>
      </form>
      <UploadAndAttach
        category={job.categories[0]}
        attached={sampleIds.length}
        // From the latest values: the upload may finish after other boxes were ticked.
        onAttach={(sample) =>
          form.setValues((current) => ({ ...current, sampleIds: [...(current.sampleIds ?? []), sample.id] }))
        }
      />
      <div>
        <Button type="submit" form={formId} loading={form.submitting}>
          {props.submitLabel}
        </Button>
      </div>
    </Stack>
  );
}
