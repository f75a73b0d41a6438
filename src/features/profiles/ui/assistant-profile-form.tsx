import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  TextInput,
} from "@mantine/core";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { translateFieldError } from "../../../web/forms/field-errors.ts";
import { FormAlert } from "../../../web/forms/form-alert.tsx";
import { useZodForm } from "../../../web/forms/use-zod-form.ts";
import { MoneyInput } from "../../../web/kit/money-input.tsx";
import { TimeZoneSelect } from "../../accounts/ui/time-zone-select.tsx";
import { CURRENCIES, type Currency, TASK_CATEGORIES } from "../../common/schema.ts";
import {
  type AssistantProfileInput,
  AVAILABILITY,
  assistantProfileInputSchema,
  type PublicAssistantProfile,
} from "../schema.ts";
import { BioField } from "./bio-field.tsx";
import { LanguagesField } from "./languages-field.tsx";
import { PriceListField } from "./price-list-field.tsx";
import { WeeklyHoursField } from "./weekly-hours-field.tsx";

function initialValues(profile: PublicAssistantProfile | null, timeZone: string): AssistantProfileInput {
  if (!profile) {
    return {
      headline: "",
      bio: "",
      yearsExperience: 0,
      skills: [],
      tags: [],
      languages: [],
      hourlyRateMinor: null,
      priceList: [],
      currency: "EUR",
      timeZone,
      weeklyHours: [],
      availability: "available",
    };
  }
  // The form holds exactly the input: the strict schema refuses any key it does not know.
  const { userId: _u, name: _n, hasPhoto: _p, updatedAt: _at, ...input } = profile;
  return input;
}

/** Everything an assistant shows clients, validated by the shared schema before it is sent. */
export function AssistantProfileForm(props: {
  profile: PublicAssistantProfile | null;
  timeZone: string;
  onSubmit: (input: AssistantProfileInput) => Promise<void>;
}) {
  const { t } = useTranslation();
  const form = useZodForm(assistantProfileInputSchema, initialValues(props.profile, props.timeZone));
  const { values } = form;
  const err = (field: string) => translateFieldError(t, form.errors[field]);
  const currency = values.currency ?? "EUR";
  // MoneyInput hands on NaN for both "" and "abc"; only an empty box means "no hourly rate".
  const rateBlank = useRef(props.profile?.hourlyRateMinor == null);
  const submit = form.onSubmit(props.onSubmit, () => (rateBlank.current ? { hourlyRateMinor: null } : {}));

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <FormAlert error={form.formError} />
        <TextInput
          label={t("profiles.assistant.headline")}
          description={t("profiles.assistant.headlineHint")}
          required
          maxLength={140}
          {...form.textProps("headline")}
        />
        <BioField value={values.bio ?? ""} onChange={(bio) => form.setValue("bio", bio)} error={err("bio")} />
        <NumberInput
          label={t("profiles.assistant.yearsExperience")}
          required
          name="yearsExperience"
          allowDecimal={false}
          min={0}
          max={60}
          value={values.yearsExperience}
          onChange={(value) =>
            form.setValue("yearsExperience", typeof value === "number" ? value : Number.NaN)
          }
          error={err("yearsExperience")}
        />
        <Checkbox.Group
          label={t("profiles.assistant.skills")}
          value={values.skills as string[]}
          onChange={(value) => form.setValue("skills", value as AssistantProfileInput["skills"])}
          error={err("skills")}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
            {TASK_CATEGORIES.map((category) => (
              <Checkbox key={category} value={category} label={t(`categories.${category}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <TagsInput
          label={t("profiles.assistant.tags")}
          description={t("profiles.assistant.tagsHint")}
          maxTags={20}
          value={values.tags ?? []}
          onChange={(tags) => form.setValue("tags", tags)}
          error={err("tags") ?? err(firstIndexed(form.errors, "tags"))}
        />
        <LanguagesField
          value={values.languages ?? []}
          onChange={(languages) => form.setValue("languages", languages)}
          error={err}
        />
        <Group align="flex-start" grow>
          <MoneyInput
            label={t("profiles.assistant.hourlyRate")}
            description={t("profiles.assistant.hourlyRateHint")}
            name="hourlyRateMinor"
            minor={props.profile?.hourlyRateMinor ?? undefined}
            currency={currency}
            onInput={(event) => {
              rateBlank.current = event.currentTarget.value.trim() === "";
            }}
            onMinorChange={(minor) => form.setValue("hourlyRateMinor", minor)}
            error={err("hourlyRateMinor")}
          />
          <Select
            label={t("profiles.assistant.currency")}
            data={[...CURRENCIES]}
            value={currency}
            onChange={(value) => value && form.setValue("currency", value as Currency)}
            allowDeselect={false}
          />
        </Group>
        <PriceListField
          value={values.priceList ?? []}
          currency={currency}
          onChange={(prices) => form.setValue("priceList", prices)}
          error={err}
        />
        <TimeZoneSelect
          value={values.timeZone}
          onChange={(zone) => form.setValue("timeZone", zone)}
          error={err("timeZone")}
        />
        <WeeklyHoursField
          value={values.weeklyHours ?? []}
          onChange={(slots) => form.setValue("weeklyHours", slots)}
          error={err}
        />
        <Radio.Group
          label={t("profiles.assistant.availability")}
          value={values.availability ?? "available"}
          onChange={(value) => form.setValue("availability", value as AssistantProfileInput["availability"])}
        >
          <Stack gap="xs" mt="xs">
            {AVAILABILITY.map((option) => (
              <Radio key={option} value={option} label={t(`profiles.availability.${option}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t("profiles.assistant.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The first "tags.3"-style key: a single tag's error shows on the tag box as a whole. */
function firstIndexed(errors: Record<string, string>, field: string): string {
  return Object.keys(errors).find((key) => key.startsWith(`${field}.`)) ?? field;
}
