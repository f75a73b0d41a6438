import { Button, Group, Paper, Stack, Text, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../web/kit/use-locale.ts";
import { AnchorLink } from "../../../web/layout/links.tsx";
import { interviewStart, type Notification, occurrenceDate } from "../schema.ts";

const id = (data: Notification["data"], key: string) => {
  const value = data[key];
  return typeof value === "string" ? value : undefined;
};

/** The link to where the reader acts on the notice: the bids, the offer, the contracts or the job. */
function NotificationLink({ notification, onClick }: { notification: Notification; onClick: () => void }) {
  const { t } = useTranslation();
  const label = t(`notifications.open.${notification.type}`);
  const jobId = id(notification.data, "jobId");
  const offerId = id(notification.data, "offerId");
  const threadId = id(notification.data, "threadId");
  const interviewId = id(notification.data, "interviewId");
  switch (notification.type) {
    case "bid.received":
    case "offer.declined":
      return jobId ? (
        <AnchorLink to="/my-jobs/$jobId/bids" params={{ jobId }} onClick={onClick}>
          {label}
        </AnchorLink>
      ) : null;
    case "bid.shortlisted":
    case "bid.rejected":
      return (
        <AnchorLink to="/my-bids" onClick={onClick}>
          {label}
        </AnchorLink>
      );
    case "offer.received":
      return offerId ? (
        <AnchorLink to="/offers/$offerId" params={{ offerId }} onClick={onClick}>
          {label}
        </AnchorLink>
      ) : null;
    case "offer.accepted":
      return (
        <AnchorLink to="/contracts" onClick={onClick}>
          {label}
        </AnchorLink>
      );
    case "message.unread":
      return threadId ? (
        <AnchorLink to="/messages/$threadId" params={{ threadId }} onClick={onClick}>
          {label}
        </AnchorLink>
      ) : null;
    case "interview.requested":
    case "interview.confirmed":
      return interviewId ? (
        <AnchorLink to="/interviews/$interviewId" params={{ interviewId }} onClick={onClick}>
          {label}
        </AnchorLink>
      ) : null;
    case "calendar.event_changed": {
      const contractId = id(notification.data, "contractId");
      return contractId ? (
        <AnchorLink to="/contracts/$contractId/calendar" params={{ contractId }} onClick={onClick}>
          {label}
        </AnchorLink>
      ) : null;
    }
    case "call.started": {
      const contractId = id(notification.data, "contractId");
      // Answering: joining does not ring the caller back.
      return contractId ? (
        <AnchorLink
          to="/contracts/$contractId/call"
          params={{ contractId }}
          search={{ answer: true }}
          onClick={onClick}
        >
          {label}
        </AnchorLink>
      ) : null;
    }
    case "contract.paused":
    case "contract.resumed":
    case "contract.ended": {
      const contractId = id(notification.data, "contractId");
      return contractId ? (
        <AnchorLink to="/contracts/$contractId" params={{ contractId }} onClick={onClick}>
          {label}
        </AnchorLink>
      ) : null;
    }
    case "job.terms_changed":
    case "job.filled":
      return jobId ? (
        <AnchorLink to="/jobs/$jobId" params={{ jobId }} onClick={onClick}>
          {label}
        </AnchorLink>
      ) : null;
  }
}

export function NotificationItem(props: { notification: Notification; onRead: () => void; busy: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { notification } = props;
  const unread = notification.readAt === null;
  const message = id(notification.data, "message");
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
            job: id(notification.data, "jobTitle") ?? "–",
            sender: id(notification.data, "sender") ?? "–",
            count: Number(notification.data.count ?? 1),
            // A calendar notice says what happened to which appointment, and who did it.
            title: id(notification.data, "title") ?? "–",
            actor: id(notification.data, "actor") ?? "–",
            context: id(notification.data, "change"),
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
