import { Button, Fieldset, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../../web/kit/use-locale.ts";
import { WEEKDAYS } from "../schema.ts";
import { nextSlot, type Slot, weekdayName } from "./weekly-hours.ts";

// The schema allows 21 slots a week: three per day.
const MAX_SLOTS = 21;

/** Working hours per weekday as from–to slots; a day without slots is a day off. */
export function WeeklyHoursField(props: {
  value: Slot[];
  onChange: (slots: Slot[]) => void;
  error: (field: string) => string | undefined;
  /** Ends typed as text, so "24:00" (to midnight) can be entered; a time picker stops at 23:59. */
  midnightEnd?: boolean;
  legend?: string;
  hint?: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { value } = props;
  const update = (index: number, change: Partial<Slot>) =>
    props.onChange(value.map((slot, i) => (i === index ? { ...slot, ...change } : slot)));
  const whole = props.error("weeklyHours");

  return (
    <Fieldset legend={props.legend ?? t("profiles.assistant.weeklyHours")}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {props.hint ?? t("profiles.assistant.weeklyHoursHint")}
        </Text>
        {whole ? (
          <Text c="red.9" size="sm" role="alert">
            {whole}
          </Text>
        ) : null}
        {WEEKDAYS.map((day) => {
          const dayName = weekdayName(day, locale);
          // Slots keep their position in the whole list: that is what the schema's error paths name.
          const slots = value.map((slot, index) => ({ slot, index })).filter(({ slot }) => slot.day === day);
          return (
            <Stack key={day} gap="xs" role="group" aria-label={dayName}>
              <Title order={3} size="h5">
                {dayName}
              </Title>
              {slots.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t("profiles.assistant.dayOff")}
                </Text>
              ) : null}
              {slots.map(({ slot, index }, n) => {
                const names = { day: dayName, number: n + 1 };
                return (
                  // Slots have no ids; a position is stable while the list is edited in place.
                  <Group key={index} align="flex-end">
                    <TextInput
                      type="time"
                      label={t("profiles.assistant.slotFrom", names)}
                      value={slot.from}
                      onChange={(event) => update(index, { from: event.currentTarget.value })}
                      error={props.error(`weeklyHours.${index}.from`)}
                    />
                    <TextInput
                      {...(props.midnightEnd
                        ? { type: "text", inputMode: "numeric" as const, placeholder: "17:00", maxLength: 5 }
                        : { type: "time" })}
                      label={t("profiles.assistant.slotTo", names)}
                      value={slot.to}
                      onChange={(event) => update(index, { to: event.currentTarget.value })}
                      error={props.error(`weeklyHours.${index}.to`)}
                    />
                    <Button
                      variant="default"
                      onClick={() => props.onChange(value.filter((_, i) => i !== index))}
                    >
                      {t("profiles.assistant.removeSlot", names)}
                    </Button>
                  </Group>
                );
              })}
              <Group>
                <Button
                  variant="subtle"
                  size="compact-sm"
                  disabled={value.length >= MAX_SLOTS}
                  onClick={() => props.onChange([...value, nextSlot(value, day)])}
                >
                  {t("profiles.assistant.addSlot", { day: dayName })}
                </Button>
              </Group>
            </Stack>
          );
        })}
      </Stack>
    </Fieldset>
  );
}
