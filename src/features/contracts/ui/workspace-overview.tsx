import { Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { TermsTable } from "../../../web/kit/data-table.tsx";
import { QueryState } from "../../../web/kit/query-state.tsx";
import { StatusBadge } from "../../../web/kit/status-badge.tsx";
import { useFormat } from "../../../web/kit/use-locale.ts";
import { AnchorLink } from "../../../web/layout/links.tsx";
import { Page } from "../../../web/layout/page.tsx";
import { JobTitleLink } from "../../bids/ui/job-title-link.tsx";
import type { ContractOverview } from "../schema.ts";
import { AttentionList } from "./attention-list.tsx";
import { HistoryList } from "./history-list.tsx";
import { PartyAvatar } from "./party-avatar.tsx";
import { overviewQuery } from "./workspace-api.ts";

const route = getRouteApi("/signed-in/contracts/$contractId/");

/** The other party: photo, name, side, and their public profile where they have one. */
function OtherParty({ party }: { party: ContractOverview["otherParty"] }) {
  const { t } = useTranslation();
  return (
    <Group gap="md" component="section" aria-labelledby="party-title">
      <PartyAvatar party={party} size={72} radius="md" />
      <Stack gap={2}>
        <Title order={2} size="h3" id="party-title">
          {party.name}
        </Title>
        <Text size="sm">{t(`workspace.side.${party.side}`)}</Text>
        {party.profileUserId ? (
          <AnchorLink to="/assistants/$userId" params={{ userId: party.profileUserId }}>
            {t("workspace.profileLink", { name: party.name })}
          </AnchorLink>
        ) : null}
      </Stack>
    </Group>
  );
}

function Terms({ overview }: { overview: ContractOverview }) {
  const { t } = useTranslation();
  const format = useFormat();
  const c = overview.contract;
  return (
    <Stack gap="xs" component="section" aria-labelledby="terms-title">
      <Title order={2} size="h3" id="terms-title">
        {t("workspace.terms")}
      </Title>
      <TermsTable
        rows={[
          [t("offers.page.job"), <JobTitleLink key="job" jobId={c.jobId} title={c.jobTitle} />],
          [t("offers.page.pricingModel"), t(`pricingModels.${c.pricingModel}`)],
          [t("offers.page.rate"), format.rate(c.rateMinor, c.currency, c.pricingModel)],
          ...(c.weeklyHourCap === null
            ? []
            : [
                [t("offers.page.weeklyHourCap"), t("offers.page.hours", { count: c.weeklyHourCap })] as [
                  string,
                  string,
                ],
              ]),
          [t("offers.page.startDate"), format.date(c.startDate)],
          [t("contracts.statusColumn"), <StatusBadge key="status" kind="contracts" status={c.status} />],
        ]}
      />
    </Stack>
  );
}

/** The workspace's first tab: who, what, on which terms, what needs attention, what happened. */
export function ContractOverviewPage() {
  const { t } = useTranslation();
  const { contractId } = route.useParams();
  const query = useQuery(overviewQuery(contractId));
  const title = query.data
    ? t("workspace.title", { job: query.data.contract.jobTitle })
    : t("workspace.titlePlain");
  return (
    <Page title={title} size="xl">
      <QueryState query={query}>
        {(overview) => (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
            <Stack gap="lg">
              <OtherParty party={overview.otherParty} />
              <Terms overview={overview} />
            </Stack>
            <Stack gap="lg">
              <AttentionList contractId={contractId} items={overview.attention} />
              <HistoryList contractId={contractId} history={overview.history} />
            </Stack>
          </SimpleGrid>
        )}
      </QueryState>
    </Page>
  );
}
