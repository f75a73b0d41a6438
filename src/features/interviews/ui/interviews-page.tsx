import { Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useMe } from "../../../web/api/me.ts";
import { AnchorLink } from "../../../web/layout/links.tsx";
import { Page } from "../../../web/layout/page.tsx";
import { LoadMore, QueryState } from "../../jobs/ui/query-state.tsx";
import { StatusBadge } from "../../jobs/ui/status-badge.tsx";
import type { Interview } from "../schema.ts";
import { interviewsQuery } from "./interview-api.ts";
import { InterviewWhen, sides } from "./interview-times.tsx";
import { useViewerZone } from "./use-viewer-zone.ts";

/** Still ahead: requested with a time not yet passed, or confirmed and not yet over. */
export function isUpcoming(interview: Interview, now: number): boolean {
  if (interview.status === "cancelled") return false;
  if (interview.endsAt) return Date.parse(interview.endsAt) > now;
  return interview.proposals.some((p) => Date.parse(p.end) > now);
}

const when = (i: Interview) => i.startsAt ?? i.proposals[0]?.start ?? i.createdAt;

export function InterviewsPage() {
  const { t } = useTranslation();
  const query = useInfiniteQuery(interviewsQuery);
  const now = Date.now();
  return (
    <Page title={t("interviews.title")} size="md">
      <QueryState query={query}>
        {(data) => {
          const items = data.pages.flatMap((page) => page.items);
          const upcoming = items
            .filter((i) => isUpcoming(i, now))
            .sort((a, b) => when(a).localeCompare(when(b)));
          const past = items.filter((i) => !isUpcoming(i, now));
          return (
            <>
              <InterviewList
                title={t("interviews.upcoming")}
                empty={t("interviews.noneUpcoming")}
                items={upcoming}
              />
              <InterviewList title={t("interviews.past")} empty={t("interviews.nonePast")} items={past} />
            </>
          );
        }}
      </QueryState>
      <LoadMore query={query} />
    </Page>
  );
}

function InterviewList(props: { title: string; empty: string; items: Interview[] }) {
  return (
    <Stack gap="sm" component="section" aria-label={props.title}>
      <Title order={2} size="h3">
        {props.title}
      </Title>
      {props.items.length === 0 ? (
        <Text>{props.empty}</Text>
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
          {props.items.map((interview) => (
            <InterviewCard key={interview.id} interview={interview} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function InterviewCard({ interview }: { interview: Interview }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const zone = useViewerZone();
  if (!me) return null;
  const { other } = sides(interview, me.id);
  return (
    <Paper withBorder p="md" component="li">
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap">
          <AnchorLink to="/interviews/$interviewId" params={{ interviewId: interview.id }} fw={600}>
            {t("interviews.with", { name: other.name, job: interview.jobTitle })}
          </AnchorLink>
          <StatusBadge kind="interviews" status={interview.status} />
        </Group>
        <InterviewWhen interview={interview} viewerId={me.id} viewerZone={zone} />
      </Stack>
    </Paper>
  );
}
