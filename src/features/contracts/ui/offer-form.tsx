import { Button, Checkbox, Group, NumberInput, Radio, Stack, Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { translateFieldError } from "../../../web/forms/field-errors.ts";
import { FormAlert } from "../../../web/forms/form-alert.tsx";
import { useZodForm } from "../../../web/forms/use-zod-form.ts";
import { MoneyInput } from "../../../web/kit/money-input.tsx";
import { useFormat } from "../../../web/kit/use-locale.ts";
import type { Bid } from "../../bids/schema.ts";
import { PRICING_MODELS, type PricingModel } from "../../common/schema.ts";
import type { Job } from "../../jobs/schema.ts";
import { type CreateOfferInput, createOfferSchema } from "../schema.ts";

/** The shared offer schema plus the job's maximum, which only the explicit checkbox lifts. */
function offerSchemaFor(job: Job) {
  return createOfferSchema.refine((offer) => offer.exceedMaximum || offer.rateMinor <= job.maxRateMinor, {
    path: ["rateMinor"],
    message: "rate_above_maximum",
  });
}

/** The contract terms a client offers on a bid; defaults come from the bid and the job. */
export function OfferForm(props: {
  job: Job;
  bid: Bid;
  onSubmit: (data: CreateOfferInput) => Promise<void>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { job, bid } = props;
  const form = useZodForm(offerSchemaFor(job), {
    pricingModel: job.pricingModel,
    rateMinor: bid.rateMinor,
    weeklyHourCap: job.pricingModel === "hourly" ? Math.min(job.expectedVolume, 80) : null,
    startDate: bid.earliestStart,
    message: "",
    exceedMaximum: false,
  });
  const { values, errors } = form;
  const maximum = format.rate(job.maxRateMinor, job.currency, job.pricingModel);
  const rateError =
    errors.rateMinor === "rate_above_maximum"
      ? t("errors.field.rate_above_maximum", { maximum })
      : translateFieldError(t, errors.rateMinor);

  return (
    <form onSubmit={form.onSubmit(props.onSubmit)} noValidate>
      <Stack gap="md">
        <FormAlert error={form.formError} />
        <Radio.Group
          label={t("offers.form.pricingModel")}
          required
          value={values.pricingModel}
          onChange={(value) => {
            const model = value as PricingModel;
            form.setValue("pricingModel", model);
            form.setValue("weeklyHourCap", model === "hourly" ? (values.weeklyHourCap ?? 10) : null);
          }}
        >
          <Group mt="xs">
            {PRICING_MODELS.map((option) => (
              <Radio key={option} value={option} label={t(`pricingModels.${option}`)} />
            ))}
          </Group>
        </Radio.Group>
        <MoneyInput
          label={t(values.pricingModel === "hourly" ? "offers.form.rateHourly" : "offers.form.ratePerTask")}
          description={t("bids.form.rateHint", { maximum })}
          required
          name="rateMinor"
          minor={bid.rateMinor}
          currency={job.currency}
          onMinorChange={(minor) => form.setValue("rateMinor", minor)}
          error={rateError}
        />
        <Checkbox
          label={t("offers.form.exceedMaximum")}
          checked={values.exceedMaximum ?? false}
          onChange={(event) => form.setValue("exceedMaximum", event.currentTarget.checked)}
        />
        {values.pricingModel === "hourly" ? (
          <NumberInput
            label={t("offers.form.weeklyHourCap")}
            required
            allowDecimal={false}
            min={1}
            max={80}
            value={values.weeklyHourCap ?? ""}
            onChange={(value) => form.setValue("weeklyHourCap", typeof value === "number" ? value : null)}
            error={translateFieldError(t, errors.weeklyHourCap)}
          />
        ) : null}
        <TextInput type="date" label={t("offers.form.startDate")} required {...form.textProps("startDate")} />
        <Textarea
          label={t("offers.form.message")}
          autosize
          minRows={3}
          value={values.message ?? ""}
          onChange={(event) => form.setValue("message", event.currentTarget.value)}
          error={translateFieldError(t, errors.message)}
        />
        <Button type="submit" loading={form.submitting}>
          {t("offers.form.submit")}
        </Button>
      </Stack>
    </form>
  );
}
