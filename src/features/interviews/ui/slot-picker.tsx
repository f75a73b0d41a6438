import { Button, Checkbox, Group, Radio, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { QueryState } from "../../../web/kit/query-state.tsx";
import { useLocale } from "../../../web/kit/use-locale.ts";
import { zoneLabel } from "../../../web/kit/zone-label.ts";
import { MAX_PROPOSALS } from "../schema.ts";
import { slotsQuery } from "./interview-api.ts";
import { clock, groupByDay, otherClock } from "./zoned.ts";

const WEEK_MS = 7 * 86_400_000;
/** The server looks at most 42 days ahead at once and books no further: six weeks to page through. */
const LAST_WEEK = 5;

/**
 * The common free times of a bid's two parties, a week at a time, grouped by day in the viewer's
 * zone with the other's local time beside each. `multiple`: up to five to offer; else one to pick.
 */
export function SlotPicker(props: {
  bidId: string;
  viewerId: string;
  durationMinutes: number;
  multiple: boolean;
  selected: string[];
  onChange: (starts: string[]) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [base] = useState(() => Date.now());
  const [week, setWeek] = useState(0);
  const from = new Date(base + week * WEEK_MS).toISOString();
  const to = new Date(base + (week + 1) * WEEK_MS).toISOString();
  const slots = useQuery(slotsQuery(props.bidId, props.durationMinutes, from, to));
  const full = props.multiple && props.selected.length >= MAX_PROPOSALS;

  function toggle(start: string, on: boolean) {
    if (!props.multiple) props.onChange(on ? [start] : []);
    else props.onChange(on ? [...props.selected, start] : props.selected.filter((s) => s !== start));
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between" role="group" aria-label={t("interviews.slots.week")}>
        <Button variant="default" size="compact-sm" disabled={week === 0} onClick={() => setWeek(week - 1)}>
          {t("interviews.slots.previousWeek")}
        </Button>
        <Text size="sm" fw={600} aria-live="polite">
          {t("interviews.slots.range", {
            from: new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(new Date(from)),
            to: new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(new Date(to)),
          })}
        </Text>
        <Button
          variant="default"
          size="compact-sm"
          disabled={week >= LAST_WEEK}
          onClick={() => setWeek(week + 1)}
        >
          {t("interviews.slots.nextWeek")}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {props.multiple
          ? t("interviews.slots.hintMultiple", { max: MAX_PROPOSALS })
          : t("interviews.slots.hintOne")}
      </Text>
      {props.error ? (
        <Text c="red.9" size="sm" role="alert">
          {props.error}
        </Text>
      ) : null}
      <QueryState query={slots}>
        {(data) => {
          const mine = data.client.userId === props.viewerId ? data.client : data.assistant;
          const other = mine === data.client ? data.assistant : data.client;
          const days = groupByDay(data.slots, mine.timeZone, locale);
          if (days.length === 0) return <Text>{t("interviews.slots.none")}</Text>;
          // The zones' names as of the first time offered (MEZ or MESZ).
          const firstSlot = new Date(data.slots[0]?.start ?? Date.now());
          return (
            <Stack gap="md">
              <Text size="sm">
                {t("interviews.slots.zones", {
                  mine: zoneLabel(mine.timeZone, locale, firstSlot),
                  name: other.name,
                  other: zoneLabel(other.timeZone, locale, firstSlot),
                })}
              </Text>
              {days.map((day) => (
                <Stack key={day.key} gap={6} role="group" aria-label={day.label}>
                  <Title order={3} size="h5">
                    {day.label}
                  </Title>
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                    {day.items.map((slot) => {
                      const label = t("interviews.slots.option", {
                        from: clock(slot.start, mine.timeZone, locale),
                        to: clock(slot.end, mine.timeZone, locale),
                        name: other.name,
                        other: otherClock(slot.start, mine.timeZone, other.timeZone, locale),
                        zone: zoneLabel(other.timeZone, locale, new Date(slot.start)),
                      });
                      const checked = props.selected.includes(slot.start);
                      return props.multiple ? (
                        <Checkbox
                          key={slot.start}
                          label={label}
                          checked={checked}
                          disabled={!checked && full}
                          onChange={(event) => toggle(slot.start, event.currentTarget.checked)}
                        />
                      ) : (
                        <Radio
                          key={slot.start}
                          name={`slot-${props.bidId}`}
                          label={label}
                          checked={checked}
                          onChange={(event) => toggle(slot.start, event.currentTarget.checked)}
                        />
                      );
                    })}
                  </SimpleGrid>
                </Stack>
              ))}
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}
