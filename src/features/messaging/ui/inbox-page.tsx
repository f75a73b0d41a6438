import { Container, Stack, Text, Title } from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { usePageTitle } from "../../../web/layout/page.tsx";
import { ThreadList } from "./thread-list.tsx";
import { ThreadPane } from "./thread-pane.tsx";

const threadRoute = getRouteApi("/signed-in/messages/$threadId");

/**
 * The inbox: threads beside the open one. On a phone the two stack: the list alone, or the open
 * thread alone with a way back, filling the screen so the composer stays in view (app.css, .inbox).
 */
function Inbox({ threadId }: { threadId?: string }) {
  const { t } = useTranslation();
  usePageTitle(t("messages.title"));
  return (
    <Container size="xl" py="lg" className="inbox-page">
      <Stack gap="md">
        <Title order={1}>{t("messages.title")}</Title>
        <div className="inbox" data-open={threadId ? "" : undefined}>
          <div className="inbox-list">
            <ThreadList activeId={threadId} />
          </div>
          <div className="inbox-pane">
            {threadId ? (
              <ThreadPane key={threadId} threadId={threadId} />
            ) : (
              <Text c="dimmed">{t("messages.pickThread")}</Text>
            )}
          </div>
        </div>
      </Stack>
    </Container>
  );
}

export function InboxPage() {
  return <Inbox />;
}

export function ThreadPage() {
  const { threadId } = threadRoute.useParams();
  return <Inbox threadId={threadId} />;
}
