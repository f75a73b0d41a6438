import { Badge, Group, List } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { TermsTable } from "../../../web/kit/data-table.tsx";
import { useFormat } from "../../../web/kit/use-locale.ts";
import type { PublicAssistantProfile } from "../schema.ts";
import { hoursByDay, weekdayName } from "./weekly-hours.ts";

function Badges({ items }: { items: string[] }) {
  if (items.length === 0) return "–";
  return (
    <Group gap={4}>
      {items.map((item) => (
        <Badge key={item} variant="outline" color="gray.8" style={{ textTransform: "none" }}>
          {item}
        </Badge>
      ))}
    </Group>
  );
}

/** An assistant's terms at a glance: experience, skills, languages, rates and working hours. */
export function AssistantFacts({ profile }: { profile: PublicAssistantProfile }) {
  const { t } = useTranslation();
  const format = useFormat();
  const languageNames = new Intl.DisplayNames([format.locale], { type: "language" });
  const week = hoursByDay(profile.weeklyHours);
  const rows: [string, ReactNode][] = [
    [t("profiles.public.experience"), t("profiles.public.years", { count: profile.yearsExperience })],
    [t("profiles.public.skills"), <Badges key="s" items={profile.skills.map((s) => t(`categories.${s}`))} />],
    [t("profiles.public.tags"), <Badges key="t" items={profile.tags} />],
    [
      t("profiles.public.languages"),
      profile.languages.length
        ? profile.languages
            .map((l) => `${languageNames.of(l.code) ?? l.code} (${t(`profiles.levels.${l.level}`)})`)
            .join(", ")
        : "–",
    ],
    [
      t("profiles.public.hourlyRate"),
      profile.hourlyRateMinor === null
        ? "–"
        : format.rate(profile.hourlyRateMinor, profile.currency, "hourly"),
    ],
    [
      t("profiles.public.priceList"),
      profile.priceList.length ? (
        <List key="p" listStyleType="none" spacing={2} size="sm">
          {profile.priceList.map((price) => (
            <List.Item key={price.category}>
              {t(`categories.${price.category}`)}:{" "}
              {format.rate(price.priceMinor, profile.currency, "per_task")}
            </List.Item>
          ))}
        </List>
      ) : (
        "–"
      ),
    ],
    [t("profiles.public.timeZone"), format.zone(profile.timeZone)],
    [
      t("profiles.public.weeklyHours"),
      week.length ? (
        <List key="w" listStyleType="none" spacing={2} size="sm">
          {week.map(({ day, slots }) => (
            <List.Item key={day}>
              {weekdayName(day, format.locale)}: {slots.map((s) => `${s.from}–${s.to}`).join(", ")}
            </List.Item>
          ))}
        </List>
      ) : (
        "–"
      ),
    ],
  ];
  return <TermsTable rows={rows} />;
}
