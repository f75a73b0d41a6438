import { Group } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../../web/kit/data-table.tsx";
import { PagedList } from "../../../web/kit/query-state.tsx";
import { StatusBadge } from "../../../web/kit/status-badge.tsx";
import { useFormat } from "../../../web/kit/use-locale.ts";
import { AnchorLink, ButtonLink } from "../../../web/layout/links.tsx";
import { Page } from "../../../web/layout/page.tsx";
import { myJobsQuery } from "./job-api.ts";

export function MyJobsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const query = useInfiniteQuery(myJobsQuery);
  return (
    <Page title={t("jobs.mine.title")} size="lg">
      <Group>
        <ButtonLink to="/my-jobs/new">{t("jobs.mine.post")}</ButtonLink>
      </Group>
      <PagedList query={query} empty={t("jobs.mine.empty")}>
        {(jobs) => (
          <DataTable
            minWidth={560}
            headers={[t("jobs.mine.job"), t("jobs.mine.status"), t("jobs.mine.bids"), t("jobs.mine.maxRate")]}
            rows={jobs.map((job) => ({
              key: job.id,
              cells: [
                <AnchorLink key="title" to="/my-jobs/$jobId" params={{ jobId: job.id }}>
                  {job.title}
                </AnchorLink>,
                <StatusBadge key="status" kind="jobs" status={job.status} />,
                job.bidCount ?? 0,
                format.rate(job.maxRateMinor, job.currency, job.pricingModel),
              ],
            }))}
          />
        )}
      </PagedList>
    </Page>
  );
}
