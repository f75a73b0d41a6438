import { Button, Group, Stack, Text } from "@mantine/core";
import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../../web/api/problem.ts";
import { toApiError } from "../../../web/api/problem-parse.ts";
import { FormAlert } from "../../../web/forms/form-alert.tsx";
import { Page } from "../../../web/layout/page.tsx";
import { LoadMore, QueryState } from "../../jobs/ui/query-state.tsx";
import { markRead, notificationsQuery } from "./notification-api.ts";
import { NotificationItem } from "./notification-item.tsx";

export function NotificationsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useInfiniteQuery(notificationsQuery);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  async function read(target: string, body: { ids: string[] } | { all: true }) {
    setBusy(target);
    setError(null);
    try {
      await markRead(queryClient, body);
    } catch (failure) {
      setError(toApiError(failure));
    } finally {
      setBusy(null);
    }
  }

  return (
    <Page title={t("notifications.title")} size="md">
      <FormAlert error={error} />
      <QueryState query={query}>
        {(data) => {
          const items = data.pages.flatMap((page) => page.items);
          if (items.length === 0) return <Text>{t("notifications.empty")}</Text>;
          return (
            <>
              {items.some((item) => item.readAt === null) ? (
                <Group>
                  <Button
                    variant="outline"
                    loading={busy === "all"}
                    onClick={() => void read("all", { all: true })}
                  >
                    {t("notifications.markAllRead")}
                  </Button>
                </Group>
              ) : null}
              <Stack gap="sm" component="ul" p={0} style={{ listStyle: "none" }}>
                {items.map((item) => (
                  <NotificationItem
                    key={item.id}
                    notification={item}
                    busy={busy === item.id}
                    onRead={() => void read(item.id, { ids: [item.id] })}
                  />
                ))}
              </Stack>
            </>
          );
        }}
      </QueryState>
      <LoadMore query={query} />
    </Page>
  );
}
