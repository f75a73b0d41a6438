import { Badge, Button, Card, Group, Select, Stack, Text, Title } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { MoneyInput } from "../../../web/kit/money-input.tsx";
import { PagedList } from "../../../web/kit/query-state.tsx";
import { useFormat } from "../../../web/kit/use-locale.ts";
import { AnchorLink } from "../../../web/layout/links.tsx";
import { Page } from "../../../web/layout/page.tsx";
import {
  PRICING_MODELS,
  type PricingModel,
  TASK_CATEGORIES,
  type TaskCategory,
} from "../../common/schema.ts";
import type { Job } from "../schema.ts";
import { type BoardFilters, boardQuery } from "./job-api.ts";

/** Open public jobs, newest first, filtered by category, pricing model and a minimum rate. */
export function JobBoardPage() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<BoardFilters>({});
  const [filters, setFilters] = useState<BoardFilters>({});
  const query = useInfiniteQuery(boardQuery(filters));
  const minRateInvalid = draft.minRateMinor !== undefined && Number.isNaN(draft.minRateMinor);

  return (
    <Page title={t("jobs.board.title")} size="lg">
      <form
        aria-label={t("jobs.board.filters")}
        onSubmit={(event) => {
          event.preventDefault();
          if (!minRateInvalid) setFilters(draft);
        }}
      >
        <Group align="flex-end">
          <Select
            label={t("jobs.board.category")}
            placeholder={t("jobs.board.any")}
            clearable
            data={TASK_CATEGORIES.map((value) => ({ value, label: t(`categories.${value}`) }))}
            value={draft.category ?? null}
            onChange={(value) =>
              setDraft({ ...draft, category: (value as TaskCategory | null) ?? undefined })
            }
          />
          <Select
            label={t("jobs.board.pricingModel")}
            placeholder={t("jobs.board.any")}
            clearable
            data={PRICING_MODELS.map((value) => ({ value, label: t(`pricingModels.${value}`) }))}
            value={draft.pricingModel ?? null}
            onChange={(value) =>
              setDraft({ ...draft, pricingModel: (value as PricingModel | null) ?? undefined })
            }
          />
          <MoneyInput
            label={t("jobs.board.minRate")}
            minor={undefined}
            currency="EUR"
            onMinorChange={(minor) =>
              setDraft({ ...draft, minRateMinor: Number.isNaN(minor) ? undefined : minor })
            }
          />
          <Button type="submit">{t("jobs.board.apply")}</Button>
        </Group>
      </form>
      <PagedList query={query} empty={t("jobs.board.empty")}>
        {(jobs) => (
          <Stack gap="sm" component="ul" p={0} style={{ listStyle: "none" }}>
            {jobs.map((job) => (
              <JobCard key={job.id} job={job} />
            ))}
          </Stack>
        )}
      </PagedList>
    </Page>
  );
}

function JobCard({ job }: { job: Job }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card withBorder component="li">
      <Stack gap={6}>
        <Title order={2} size="h4">
          <AnchorLink to="/jobs/$jobId" params={{ jobId: job.id }}>
            {job.title}
          </AnchorLink>
        </Title>
        <Text fw={600}>
          {t("jobs.details.maxRate")}: {format.rate(job.maxRateMinor, job.currency, job.pricingModel)}
        </Text>
        <Group gap={4}>
          {job.categories.map((category) => (
            <Badge key={category} variant="outline" color="gray.8">
              {t(`categories.${category}`)}
            </Badge>
          ))}
        </Group>
        <Text size="sm">{t("jobs.board.deadline", { date: format.instant(job.bidDeadline) })}</Text>
      </Stack>
    </Card>
  );
}
