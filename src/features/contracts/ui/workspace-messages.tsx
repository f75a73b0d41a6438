import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { QueryState } from "../../../web/kit/query-state.tsx";
import { Page } from "../../../web/layout/page.tsx";
import { openThread, threadOpened } from "../../messaging/ui/message-api.ts";
import { ThreadPane } from "../../messaging/ui/thread-pane.tsx";
import { overviewQuery } from "./workspace-api.ts";

const route = getRouteApi("/signed-in/contracts/$contractId/messages");

/**
 * The contract's conversation inside its workspace: the same thread as in the inbox, opened on
 * first visit (opening again finds it), with the inbox's own pane.
 */
export function ContractMessagesPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { contractId } = route.useParams();
  const overview = useQuery(overviewQuery(contractId));
  const thread = useQuery({
    queryKey: ["contract-thread", contractId],
    queryFn: async () => {
      const opened = await openThread("contracts", contractId);
      await threadOpened(queryClient, opened);
      return opened;
    },
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const job = overview.data?.contract.jobTitle;
  return (
    <Page title={job ? t("workspace.messagesTitle", { job }) : t("workspace.tabs.messages")} size="lg">
      <QueryState query={thread}>{(opened) => <ThreadPane threadId={opened.id} />}</QueryState>
    </Page>
  );
}
