import { Button, Group, Paper, Stack, Text, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { WEB_FEATURES } from "../../../web/features.ts";
import { useFormat } from "../../../web/kit/use-locale.ts";
import { noticeText, type WebFeature } from "../../../web/routes/web-feature.ts";
import { interviewStart, type Notification, occurrenceDate } from "../schema.ts";

/** Every feature's links for the notices it sends, by type. */
const LINKS = Object.assign({}, ...WEB_FEATURES.map((f: WebFeature) => f.notices ?? {})) as NonNullable<
  WebFeature["notices"]
>;

/** The link to where the reader acts on the notice, as the feature that sent it says. */
function NotificationLink({ notification, onClick }: { notification: Notification; onClick: () => void }) {
  const { t } = useTranslation();
  const Link = LINKS[notification.type];
  return Link ? (
    <Link data={notification.data} label={t(`notifications.open.${notification.type}`)} onClick={onClick} />
  ) : null;
}

export function NotificationItem(props: { notification: Notification; onRead: () => void; busy: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { notification } = props;
  const unread = notification.readAt === null;
  const message = noticeText(notification.data, "message");
  return (
    <Paper
      withBorder
      p="md"
      component="li"
      // A bar, not a tinted background: blue links on light blue fall below AA contrast.
      style={unread ? { borderLeft: "4px solid var(--mantine-color-blue-8)" } : undefined}
    >
      <Stack gap={6}>
        <Text fw={unread ? 700 : 400}>
          {unread ? <VisuallyHidden>{t("notifications.unread")}: </VisuallyHidden> : null}
          {t(`notifications.types.${notification.type}`, {
            job: noticeText(notification.data, "jobTitle") ?? "–",
            sender: noticeText(notification.data, "sender") ?? "–",
            count: Number(notification.data.count ?? 1),
            // A calendar notice says what happened to which appointment, and who did it.
            title: noticeText(notification.data, "title") ?? "–",
            actor: noticeText(notification.data, "actor") ?? "–",
            context: noticeText(notification.data, "change"),
            date: occurrenceDate(notification.data, format.locale),
            // A confirmed interview: when, in the reader's zone.
            time: interviewStart(notification.data, format.locale) ?? "–",
          })}
        </Text>
        {message ? <Text fs="italic">{message}</Text> : null}
        <Text size="sm">{format.instant(notification.createdAt)}</Text>
        <Group gap="sm">
          <NotificationLink notification={notification} onClick={() => unread && props.onRead()} />
          {unread ? (
            <Button size="compact-sm" variant="default" loading={props.busy} onClick={props.onRead}>
              {t("notifications.markRead")}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Paper>
  );
}
