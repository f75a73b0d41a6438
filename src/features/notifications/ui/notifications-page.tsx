import { Button, Group, Stack } from "@mantine/core";
import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../../web/forms/form-alert.tsx";
import { PagedList } from "../../../web/kit/query-state.tsx";
import { useAction } from "../../../web/kit/use-action.ts";
import { Page } from "../../../web/layout/page.tsx";
import { markRead, notificationsQuery } from "./notification-api.ts";
import { NotificationItem } from "./notification-item.tsx";

export function NotificationsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useInfiniteQuery(notificationsQuery);
  const { busy, error, run } = useAction<string>();
  const read = (target: string, body: { ids: string[] } | { all: true }) =>
    run(target, () => markRead(queryClient, body));

  return (
    <Page title={t("notifications.title")} size="md">
      <FormAlert error={error} />
      <PagedList query={query} empty={t("notifications.empty")}>
        {(items) => (
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
        )}
      </PagedList>
    </Page>
  );
}
