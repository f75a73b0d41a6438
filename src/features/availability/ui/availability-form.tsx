import { Button, Checkbox, Fieldset, Group, NumberInput, Stack, Text, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { translateFieldError } from "../../../web/forms/field-errors.ts";
import { FormAlert } from "../../../web/forms/form-alert.tsx";
import { useZodForm } from "../../../web/forms/use-zod-form.ts";
import { notify } from "../../../web/layout/notify.ts";
import { SettingsSection } from "../../../web/layout/settings-section.tsx";
import { TimeZoneSelect } from "../../accounts/ui/time-zone-select.tsx";
import type { AvailabilityException } from "../../calendar/schema.ts";
import { WeeklyHoursField } from "../../profiles/ui/weekly-hours-field.tsx";
import { type AvailabilityView, availabilitySchema } from "../schema.ts";
import { availabilityQuery, saveAvailability } from "./availability-api.ts";

export function AvailabilityForm({ availability }: { availability: AvailabilityView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { isDefault: _default, ...initial } = availability;
  const form = useZodForm(availabilitySchema, initial);
  const err = (field: string) => translateFieldError(t, form.errors[field]);
  const exceptions = form.values.exceptions ?? [];
  const setExceptions = (next: AvailabilityException[]) => form.setValue("exceptions", next);
  const update = (index: number, change: Partial<AvailabilityException>) =>
    setExceptions(exceptions.map((e, i) => (i === index ? { ...e, ...change } : e)));
  const submit = form.onSubmit(async (data) => {
    queryClient.setQueryData(availabilityQuery.queryKey, await saveAvailability(data));
    await notify(t, "green", t("common.saved"));
  });

  return (
    <SettingsSection
      title={t("availability.hours.title")}
      description={
        availability.isDefault ? t("availability.hours.default") : t("availability.hours.description")
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="lg">
          <FormAlert error={form.formError} />
          <TimeZoneSelect
            value={form.values.timeZone}
            onChange={(zone) => form.setValue("timeZone", zone)}
            error={err("timeZone")}
          />
          <WeeklyHoursField
            value={form.values.weeklyHours}
            onChange={(slots) => form.setValue("weeklyHours", slots)}
            error={err}
            midnightEnd
            legend={t("availability.hours.weekly")}
            hint={t("availability.hours.weeklyHint")}
          />
          <Fieldset legend={t("availability.exceptions.title")}>
            <Stack gap="md">
              <Text size="sm" c="dimmed">
                {t("availability.exceptions.hint")}
              </Text>
              {err("exceptions") ? (
                <Text c="red.9" size="sm" role="alert">
                  {err("exceptions")}
                </Text>
              ) : null}
              {exceptions.length === 0 ? <Text size="sm">{t("availability.exceptions.none")}</Text> : null}
              {exceptions.map((exception, index) => {
                const n = { number: index + 1 };
                const wholeDay = exception.from === undefined;
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: exceptions have no ids; a position is stable while the list is edited in place, and the schema's error paths name positions.
                  <Stack key={index} gap="xs" role="group" aria-label={t("availability.exceptions.item", n)}>
                    <Group align="flex-end" wrap="wrap">
                      <TextInput
                        type="date"
                        label={t("availability.exceptions.date", n)}
                        value={exception.date}
                        onChange={(event) => update(index, { date: event.currentTarget.value })}
                        error={err(`exceptions.${index}.date`)}
                      />
                      <Checkbox
                        label={t("availability.exceptions.wholeDay", n)}
                        checked={wholeDay}
                        onChange={(event) =>
                          update(
                            index,
                            event.currentTarget.checked
                              ? { from: undefined, to: undefined }
                              : { from: "09:00", to: "12:00" },
                          )
                        }
                        mb={8}
                      />
                    </Group>
                    {wholeDay ? null : (
                      <Group align="flex-end" wrap="wrap">
                        <TextInput
                          type="time"
                          label={t("availability.exceptions.from", n)}
                          value={exception.from ?? ""}
                          onChange={(event) => update(index, { from: event.currentTarget.value })}
                          error={err(`exceptions.${index}.from`) ?? err(`exceptions.${index}`)}
                        />
                        <TextInput
                          type="text"
                          inputMode="numeric"
                          placeholder="12:00"
                          maxLength={5}
                          label={t("availability.exceptions.to", n)}
                          value={exception.to ?? ""}
                          onChange={(event) => update(index, { to: event.currentTarget.value })}
                          error={err(`exceptions.${index}.to`)}
                        />
                      </Group>
                    )}
                    <Group>
                      <Button
                        variant="default"
                        size="compact-sm"
                        onClick={() => setExceptions(exceptions.filter((_, i) => i !== index))}
                      >
                        {t("availability.exceptions.remove", n)}
                      </Button>
                    </Group>
                  </Stack>
                );
              })}
              <Group>
                <Button
                  variant="subtle"
                  size="compact-sm"
                  onClick={() =>
                    setExceptions([...exceptions, { date: new Date().toISOString().slice(0, 10) }])
                  }
                >
                  {t("availability.exceptions.add")}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
          <NumberInput
            label={t("availability.buffer")}
            description={t("availability.bufferHint")}
            name="bufferMinutes"
            allowDecimal={false}
            min={0}
            max={240}
            step={5}
            value={form.values.bufferMinutes ?? 0}
            onChange={(value) =>
              form.setValue("bufferMinutes", typeof value === "number" ? value : Number.NaN)
            }
            error={err("bufferMinutes")}
          />
          <Group>
            <Button type="submit" loading={form.submitting}>
              {t("availability.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </SettingsSection>
  );
}
