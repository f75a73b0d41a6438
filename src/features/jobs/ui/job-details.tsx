import { Badge, Group, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { TermsTable } from "../../../web/kit/data-table.tsx";
import { useFormat } from "../../../web/kit/use-locale.ts";
import type { Job } from "../schema.ts";

/** The terms of a job as a two-column table: the same view for the public page and the owner. */
export function JobDetails({ job }: { job: Job }) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = new Intl.DisplayNames([format.locale], { type: "language" });
  const rows: [string, ReactNode][] = [
    [
      t("jobs.details.categories"),
      <Group gap={4} key="c">
        {job.categories.map((category) => (
          <Badge key={category} variant="outline" color="gray.8">
            {t(`categories.${category}`)}
          </Badge>
        ))}
      </Group>,
    ],
    [t("jobs.details.pricingModel"), t(`pricingModels.${job.pricingModel}`)],
    [
      t("jobs.details.volume"),
      t(job.pricingModel === "hourly" ? "jobs.details.volumeHourly" : "jobs.details.volumePerTask", {
        count: job.expectedVolume,
      }),
    ],
    [t("jobs.details.startDate"), format.date(job.startDate)],
    [
      t("jobs.details.duration"),
      job.durationWeeks === null
        ? t("jobs.details.openEnded")
        : t("jobs.details.weeks", { count: job.durationWeeks }),
    ],
    [
      t("jobs.details.languages"),
      job.languages.length ? job.languages.map((code) => names.of(code) ?? code).join(", ") : "–",
    ],
    [
      t("jobs.details.overlap"),
      job.overlap
        ? t("jobs.details.overlapText", {
            hours: job.overlap.hours,
            from: job.overlap.from,
            to: job.overlap.to,
            zone: format.zone(job.overlap.timeZone),
          })
        : "–",
    ],
    [t("jobs.details.bidDeadline"), format.instant(job.bidDeadline)],
    [t("jobs.details.visibility"), t(`jobs.visibility.${job.visibility}`)],
    [t("jobs.details.openings"), String(job.openings)],
  ];
  return (
    <>
      <Text style={{ whiteSpace: "pre-wrap" }}>{job.description}</Text>
      <TermsTable rows={rows} />
    </>
  );
}

/** The maximum rate, large: bidders must see it before they type a rate. */
export function MaximumRate({ job }: { job: Job }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Text fz="xl" fw={700}>
      {t("jobs.details.maxRate")}: {format.rate(job.maxRateMinor, job.currency, job.pricingModel)}
    </Text>
  );
}
