import { Group, Stack, Text } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useMe } from "../../../web/api/me.ts";
import { DataTable } from "../../../web/kit/data-table.tsx";
import { PagedList } from "../../../web/kit/query-state.tsx";
import { StatusBadge } from "../../../web/kit/status-badge.tsx";
import { useFormat } from "../../../web/kit/use-locale.ts";
import { AnchorLink } from "../../../web/layout/links.tsx";
import { Page } from "../../../web/layout/page.tsx";
import { JobTitleLink } from "../../bids/ui/job-title-link.tsx";
import { OpenThreadButton } from "../../messaging/ui/open-thread-button.tsx";
import { CallButton } from "./call-button.tsx";
import { contractsQuery } from "./contract-api.ts";
import { PartyCell } from "./party-cell.tsx";

/** Contracts the user is party to, as client or as assistant, newest first. */
export function ContractsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { data: me } = useMe();
  const query = useInfiniteQuery(contractsQuery);

  return (
    <Page title={t("contracts.title")} size="lg">
      <PagedList query={query} empty={t("contracts.empty")}>
        {(contracts) => (
          <DataTable
            // Fits beside the sidebar at 1280 px; narrower screens scroll the table sideways.
            minWidth={900}
            headers={[
              t("contracts.job"),
              t("contracts.otherParty"),
              t("contracts.rate"),
              t("contracts.startDate"),
              t("contracts.statusColumn"),
              t("contracts.actionsColumn"),
            ]}
            rows={contracts.map((contract) => ({
              key: contract.id,
              cells: [
                <JobTitleLink key="job" jobId={contract.jobId} title={contract.jobTitle} />,
                <PartyCell key="party" contract={contract} meId={me?.id} />,
                <Stack key="rate" gap={0}>
                  <Text size="sm">
                    {format.rate(contract.rateMinor, contract.currency, contract.pricingModel)}
                  </Text>
                  {contract.weeklyHourCap === null ? null : (
                    <Text size="xs" c="dimmed">
                      {t("contracts.capLine", { count: contract.weeklyHourCap })}
                    </Text>
                  )}
                </Stack>,
                format.date(contract.startDate),
                <StatusBadge key="status" kind="contracts" status={contract.status} />,
                // The ways into the contract in one cell, so the row fits beside the sidebar.
                <Group key="actions" gap="xs" wrap="wrap">
                  <AnchorLink to="/contracts/$contractId" params={{ contractId: contract.id }}>
                    {t("contracts.openWorkspace")}
                  </AnchorLink>
                  <OpenThreadButton subject="contracts" id={contract.id} size="compact-sm" />
                  <AnchorLink to="/contracts/$contractId/calendar" params={{ contractId: contract.id }}>
                    {t("contracts.calendarLink")}
                  </AnchorLink>
                  {/* Calls are for working together: only while the contract is active. */}
                  {contract.status === "active" ? <CallButton contractId={contract.id} /> : null}
                </Group>,
              ],
            }))}
          />
        )}
      </PagedList>
    </Page>
  );
}
