import { Group, Paper, SegmentedControl, Select, Stack, Text } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useMe } from "../../../web/api/me.ts";
import { LoadMore, QueryState } from "../../../web/kit/query-state.tsx";
import { StatusBadge } from "../../../web/kit/status-badge.tsx";
import { AnchorLink } from "../../../web/layout/links.tsx";
import { Page } from "../../../web/layout/page.tsx";
import { INTERVIEW_STATUSES, type Interview, type InterviewStatus } from "../schema.ts";
import { interviewsQuery } from "./interview-api.ts";
import { InterviewWhen, sides } from "./interview-times.tsx";
import { useViewerZone } from "./use-viewer-zone.ts";

const route = getRouteApi("/signed-in/interviews");

/**
 * Own interviews, filtered on the server: upcoming ones soonest first (what is next), past and
 * cancelled ones latest first. The view and status live in the address, so a filtered list can
 * be bookmarked and survives a reload.
 */
export function InterviewsPage() {
  const { t } = useTranslation();
  const { view = "upcoming", status } = route.useSearch();
  const navigate = route.useNavigate();
  const query = useInfiniteQuery(interviewsQuery({ view, status }));
  const statuses =
    view === "upcoming" ? INTERVIEW_STATUSES.filter((s) => s !== "cancelled") : INTERVIEW_STATUSES;
  return (
    <Page title={t("interviews.title")} size="md">
      <Group justify="space-between" align="end" wrap="wrap">
        <SegmentedControl
          aria-label={t("interviews.filter.view")}
          value={view}
          onChange={(value) =>
            void navigate({
              search: (s) => ({
                view: value === "past" ? ("past" as const) : undefined,
                // "Cancelled" only exists among the past ones.
                status: value === "upcoming" && s.status === "cancelled" ? undefined : s.status,
              }),
            })
          }
          data={[
            { value: "upcoming", label: t("interviews.upcoming") },
            { value: "past", label: t("interviews.past") },
          ]}
        />
        <Select
          label={t("interviews.filter.status")}
          w={200}
          value={status ?? "all"}
          allowDeselect={false}
          onChange={(value) =>
            void navigate({
              search: (s) => ({ ...s, status: value === "all" ? undefined : (value as InterviewStatus) }),
            })
          }
          data={[
            { value: "all", label: t("interviews.filter.all") },
            ...statuses.map((s) => ({ value: s, label: t(`interviews.status.${s}`) })),
          ]}
        />
      </Group>
      <QueryState query={query}>
        {(data) => {
          const items = data.pages.flatMap((page) => page.items);
          const label = view === "upcoming" ? t("interviews.upcoming") : t("interviews.past");
          if (items.length === 0)
            return (
              <Text>{view === "upcoming" ? t("interviews.noneUpcoming") : t("interviews.nonePast")}</Text>
            );
          return (
            <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: "none" }} aria-label={label}>
              {items.map((interview) => (
                <InterviewCard key={interview.id} interview={interview} />
              ))}
            </Stack>
          );
        }}
      </QueryState>
      <LoadMore query={query} />
    </Page>
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
