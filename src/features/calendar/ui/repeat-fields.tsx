import { Group, NumberInput, Radio, Select, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { translateFieldError } from "../../../web/forms/field-errors.ts";
import { MAX_RRULE_COUNT } from "../schema.ts";
import { REPEAT_CHOICES, REPEAT_ENDS, type Repeat, type RepeatChoice, type RepeatEnd } from "./repeat.ts";

/** "Repeat": none, daily, weekly or monthly, until a day or a number of times; another rule is kept as it is. */
export function RepeatFields(props: {
  repeat: Repeat;
  onChange: (repeat: Repeat) => void;
  errors: { rrule?: string | undefined; until?: string | undefined };
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const { repeat } = props;
  const set = (next: Partial<Repeat>) => props.onChange({ ...repeat, ...next });
  const choices: RepeatChoice[] = repeat.custom ? [...REPEAT_CHOICES, "custom"] : [...REPEAT_CHOICES];
  return (
    <Stack gap="xs">
      <Select
        label={t("calendar.form.repeat")}
        data={choices.map((c) => ({ value: c, label: t(`calendar.repeat.${c}`) }))}
        value={repeat.choice}
        onChange={(value) => value && set({ choice: value as RepeatChoice })}
        allowDeselect={false}
        error={translateFieldError(t, props.errors.rrule)}
        disabled={props.disabled}
        name="repeat"
      />
      {repeat.choice === "custom" && repeat.custom ? (
        <Text size="sm">{t("calendar.form.customRule", { rule: repeat.custom })}</Text>
      ) : null}
      {repeat.choice !== "none" && repeat.choice !== "custom" ? (
        <Radio.Group
          label={t("calendar.form.repeatEnds")}
          value={repeat.ends}
          onChange={(value) => set({ ends: value as RepeatEnd })}
        >
          <Group mt="xs">
            {REPEAT_ENDS.map((end) => (
              <Radio
                key={end}
                value={end}
                label={t(`calendar.repeatEnds.${end}`)}
                disabled={props.disabled}
              />
            ))}
          </Group>
        </Radio.Group>
      ) : null}
      {repeat.choice !== "none" && repeat.choice !== "custom" && repeat.ends === "until" ? (
        <TextInput
          type="date"
          label={t("calendar.form.until")}
          required
          value={repeat.until}
          onChange={(event) => set({ until: event.currentTarget.value })}
          error={translateFieldError(t, props.errors.until)}
          disabled={props.disabled}
          name="until"
        />
      ) : null}
      {repeat.choice !== "none" && repeat.choice !== "custom" && repeat.ends === "count" ? (
        <NumberInput
          label={t("calendar.form.count")}
          required
          allowDecimal={false}
          min={2}
          max={MAX_RRULE_COUNT}
          value={repeat.count}
          onChange={(value) => typeof value === "number" && set({ count: value })}
          disabled={props.disabled}
          name="count"
        />
      ) : null}
    </Stack>
  );
}
