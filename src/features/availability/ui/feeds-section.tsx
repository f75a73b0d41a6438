import { Anchor, Button, CopyButton, Group, Paper, Stack, Text } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../../web/forms/form-alert.tsx";
import { QueryState } from "../../../web/kit/query-state.tsx";
import { useAction } from "../../../web/kit/use-action.ts";
import { useFormat } from "../../../web/kit/use-locale.ts";
import { SettingsSection } from "../../../web/layout/settings-section.tsx";
import type { CalendarFeed } from "../schema.ts";
import { createFeed, feedsChanged, feedsQuery, revokeFeed } from "./availability-api.ts";

/** Links that calendar apps subscribe to: one's interviews and contract events as an iCalendar feed. */
export function FeedsSection() {
  const { t } = useTranslation();
  const query = useQuery(feedsQuery);
  const queryClient = useQueryClient();
  const { busy, error, run } = useAction<"create">();
  return (
    <SettingsSection title={t("availability.feeds.title")} description={t("availability.feeds.description")}>
      <QueryState query={query}>
        {(feeds) =>
          feeds.length === 0 ? (
            <Text>{t("availability.feeds.none")}</Text>
          ) : (
            <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
              {feeds.map((feed, index) => (
                <FeedItem key={feed.id} feed={feed} number={index + 1} />
              ))}
            </Stack>
          )
        }
      </QueryState>
      <FormAlert error={error} />
      <Group>
        <Button
          loading={busy === "create"}
          onClick={() =>
            void run("create", async () => {
              await createFeed();
              await feedsChanged(queryClient);
            })
          }
        >
          {t("availability.feeds.create")}
        </Button>
      </Group>
    </SettingsSection>
  );
}

function FeedItem({ feed, number }: { feed: CalendarFeed; number: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const { busy, error, run } = useAction<"revoke">();
  const label = t("availability.feeds.item", { number });
  return (
    <Paper withBorder p="sm" component="li" aria-label={label}>
      <Stack gap={4}>
        <Text fw={600}>
          {feed.contractId ? t("availability.feeds.contract") : t("availability.feeds.all")} ·{" "}
          <Text span size="sm" c="dimmed">
            {t("availability.feeds.created", { time: format.instant(feed.createdAt) })}
          </Text>
        </Text>
        <Anchor href={feed.webcalUrl} style={{ overflowWrap: "anywhere" }}>
          {feed.webcalUrl}
        </Anchor>
        <FormAlert error={error} />
        <Group gap="xs">
          <CopyButton value={feed.webcalUrl}>
            {({ copied, copy }) => (
              <Button
                size="compact-sm"
                variant="default"
                onClick={copy}
                aria-label={t("availability.feeds.copyNamed", { name: label })}
              >
                {copied ? t("availability.feeds.copied") : t("availability.feeds.copy")}
              </Button>
            )}
          </CopyButton>
          <Button
            size="compact-sm"
            color="red.9"
            variant="outline"
            loading={busy === "revoke"}
            aria-label={t("availability.feeds.revokeNamed", { name: label })}
            onClick={() =>
              void run("revoke", async () => {
                await revokeFeed(feed.id);
                await feedsChanged(queryClient);
              })
            }
          >
            {t("availability.feeds.revoke")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
