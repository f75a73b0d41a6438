import { Alert, Container, Group, Stack, Text } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Outlet, useRouter } from "@tanstack/react-router";
import { useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "../../../web/kit/status-badge.tsx";
import { ButtonLink } from "../../../web/layout/links.tsx";
import { UNREAD_KEY } from "../../../web/layout/notification-bell.tsx";
import { type ContractOverview, contractAllows } from "../schema.ts";
import { ContractActions } from "./contract-actions.tsx";
import { PartyAvatar } from "./party-avatar.tsx";
import { overviewQuery, workspaceKey } from "./workspace-api.ts";
import { workspaceTabsOf } from "./workspace-tabs.ts";

const route = getRouteApi("/signed-in/contracts/$contractId");

/**
 * Refreshes the workspace when a notice arrives: the other party pausing, resuming or ending the
 * contract (or writing, calling, changing the calendar) reaches this tab as a live notification,
 * which makes the bell fetch its count again; that fetch is the cue.
 */
function useRefreshOnNotice(contractId: string) {
  const queryClient = useQueryClient();
  useEffect(() => {
    const unread = JSON.stringify(UNREAD_KEY);
    return queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== "updated" || event.action.type !== "success") return;
      if (JSON.stringify(event.query.queryKey) !== unread) return;
      void queryClient.invalidateQueries({ queryKey: workspaceKey(contractId) });
    });
  }, [queryClient, contractId]);
}

/** Who the contract is with, its status and what it allows, the actions, and the tabs. */
function Header({ overview }: { overview: ContractOverview }) {
  const { t } = useTranslation();
  const { contract, otherParty } = overview;
  const { routesById } = useRouter();
  // The tabs are the workspace's child routes that declare a place in the row (ui/pages.ts).
  const all = useMemo(() => workspaceTabsOf(Object.values(routesById)), [routesById]);
  const tabs = all.filter((tab) => contractAllows(contract.status, tab.need));
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="center" gap="sm">
        <Group gap="sm" wrap="nowrap">
          <PartyAvatar party={otherParty} size="md" />
          <Stack gap={0}>
            <Text fw={600}>{otherParty.name}</Text>
            <Text size="sm">{contract.jobTitle}</Text>
          </Stack>
          <StatusBadge kind="contracts" status={contract.status} />
        </Group>
        <ContractActions contractId={contract.id} status={contract.status} />
      </Group>
      {contract.status !== "active" ? (
        <Alert color="gray.8" variant="outline" role="status">
          {t(`workspace.statusNote.${contract.status}`)}
        </Alert>
      ) : null}
      <Group component="nav" aria-label={t("workspace.nav")} gap="xs">
        {tabs.map((tab) => (
          <ButtonLink
            key={tab.id}
            // Every tab lies below /contracts/$contractId, so it takes the same parameter.
            to={tab.to as "/contracts/$contractId"}
            params={{ contractId: contract.id }}
            activeOptions={{ exact: tab.exact ?? false, includeSearch: false }}
            variant="subtle"
            activeProps={{ variant: "light" }}
            size="compact-md"
          >
            {t(`workspace.tabs.${tab.id}`)}
          </ButtonLink>
        ))}
      </Group>
    </Stack>
  );
}

/**
 * A contract's workspace: the header above every tab, the tab's page below. Without an overview
 * (a stranger, a failure) only the page shows, and it says why in its own words.
 */
export function ContractWorkspace() {
  const { contractId } = route.useParams();
  const query = useQuery(overviewQuery(contractId));
  useRefreshOnNotice(contractId);
  return (
    <>
      {query.data ? (
        <Container size="xl" pt="lg">
          <Header overview={query.data} />
        </Container>
      ) : null}
      <Outlet />
    </>
  );
}
