import { Button, Stack, Text, Timeline, Title } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { LoadMore, QueryState } from "../../../web/kit/query-state.tsx";
import { useFormat } from "../../../web/kit/use-locale.ts";
import type { ContractChange, ContractOverview } from "../schema.ts";
import { olderHistoryQuery } from "./workspace-api.ts";

function Change({ change }: { change: ContractChange }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Timeline.Item title={t(`workspace.history.${change.action}`, { name: change.actorName })}>
      <Text size="sm">{format.instant(change.at)}</Text>
      {change.reason ? <Text style={{ whiteSpace: "pre-wrap" }}>{change.reason}</Text> : null}
    </Timeline.Item>
  );
}

/** Older changes, fetched once asked for, page by page. */
function Older({ contractId, after }: { contractId: string; after: string }) {
  const query = useInfiniteQuery(olderHistoryQuery(contractId, after));
  return (
    <QueryState query={query}>
      {(data) => (
        <Stack gap="sm">
          <Timeline bulletSize={12} lineWidth={2}>
            {data.pages
              .flatMap((page) => page.items)
              .map((change) => (
                <Change key={change.id} change={change} />
              ))}
          </Timeline>
          <LoadMore query={query} />
        </Stack>
      )}
    </QueryState>
  );
}

/** Who paused, resumed or ended the contract, when and why, newest first. */
export function HistoryList({
  contractId,
  history,
}: {
  contractId: string;
  history: ContractOverview["history"];
}) {
  const { t } = useTranslation();
  const [more, setMore] = useState(false);
  return (
    <Stack gap="xs" component="section" aria-labelledby="history-title">
      <Title order={2} size="h3" id="history-title">
        {t("workspace.history.title")}
      </Title>
      {history.items.length ? (
        <Timeline bulletSize={12} lineWidth={2}>
          {history.items.map((change) => (
            <Change key={change.id} change={change} />
          ))}
        </Timeline>
      ) : (
        <Text>{t("workspace.history.empty")}</Text>
      )}
      {history.nextCursor && more ? <Older contractId={contractId} after={history.nextCursor} /> : null}
      {history.nextCursor && !more ? (
        <Button variant="default" onClick={() => setMore(true)} w="fit-content">
          {t("common.loadMore")}
        </Button>
      ) : null}
    </Stack>
  );
}
