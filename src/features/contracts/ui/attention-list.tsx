import { Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../web/kit/use-locale.ts";
import { ButtonLink } from "../../../web/layout/links.tsx";
import type { AttentionItem } from "../schema.ts";

/** One item: what it is, and the way to act on it. */
function Item({ children, action }: { children: ReactNode; action: ReactNode }) {
  return (
    <Paper withBorder p="sm" component="li">
      <Group justify="space-between" gap="sm">
        <Text>{children}</Text>
        {action}
      </Group>
    </Paper>
  );
}

/** When an appointment is, as the calendar would say it: a day for all-day ones, else a time. */
function useWhen() {
  const format = useFormat();
  return (item: Extract<AttentionItem, { kind: "event.next" }>) =>
    item.allDay
      ? new Intl.DateTimeFormat(format.locale, { dateStyle: "full", timeZone: item.timeZone }).format(
          new Date(item.startsAt),
        )
      : format.instant(item.startsAt);
}

/** "What needs attention" in the contract: each domain's items, each with its link. */
export function AttentionList({ contractId, items }: { contractId: string; items: AttentionItem[] }) {
  const { t } = useTranslation();
  const when = useWhen();
  const params = { contractId };
  const render = (item: AttentionItem) => {
    switch (item.kind) {
      case "call.pending":
        return (
          <Item
            key={item.kind}
            action={
              <ButtonLink
                to="/contracts/$contractId/call"
                params={params}
                search={{ answer: true }}
                size="compact-sm"
              >
                {t("workspace.attention.callJoin")}
              </ButtonLink>
            }
          >
            {t("workspace.attention.call", { name: item.callerName })}
          </Item>
        );
      case "messages.unread":
        return (
          <Item
            key={item.kind}
            action={
              <ButtonLink
                to="/contracts/$contractId/messages"
                params={params}
                size="compact-sm"
                variant="default"
              >
                {t("workspace.attention.messagesOpen")}
              </ButtonLink>
            }
          >
            {t("workspace.attention.messages", { count: item.count })}
          </Item>
        );
      case "event.next":
        return (
          <Item
            key={item.kind}
            action={
              <ButtonLink
                to="/contracts/$contractId/calendar"
                params={params}
                search={{ date: item.startsAt.slice(0, 10) }}
                size="compact-sm"
                variant="default"
              >
                {t("workspace.attention.eventOpen")}
              </ButtonLink>
            }
          >
            {t("workspace.attention.event", { title: item.title, when: when(item) })}
          </Item>
        );
    }
  };
  return (
    <Stack gap="xs" component="section" aria-labelledby="attention-title">
      <Title order={2} size="h3" id="attention-title">
        {t("workspace.attention.title")}
      </Title>
      {items.length ? (
        <Stack gap="xs" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {items.map(render)}
        </Stack>
      ) : (
        <Text>{t("workspace.attention.empty")}</Text>
      )}
    </Stack>
  );
}
