import { Alert, Paper, Stack, Text, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useLocation } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../../../web/api/me.ts";
import { QueryState } from "../../../web/kit/query-state.tsx";
import { StatusBadge } from "../../../web/kit/status-badge.tsx";
import { AnchorLink, ButtonLink } from "../../../web/layout/links.tsx";
import { Page } from "../../../web/layout/page.tsx";
import { bidChanged, createBid } from "../../bids/ui/bid-api.ts";
import { BidForm } from "../../bids/ui/bid-form.tsx";
import type { Job } from "../schema.ts";
import { jobQuery } from "./job-api.ts";
import { JobDetails, MaximumRate } from "./job-details.tsx";

const route = getRouteApi("/jobs/$jobId");

/** The public page of a job: readable without an account; assistants bid here. */
export function JobPage() {
  const { t } = useTranslation();
  const { jobId } = route.useParams();
  const query = useQuery(jobQuery(jobId));
  return (
    <Page title={query.data?.title ?? t("jobs.public.title")} size="md">
      <QueryState query={query}>
        {(job) => (
          <>
            <StatusBadge kind="jobs" status={job.status} />
            <MaximumRate job={job} />
            <JobDetails job={job} />
            <BidSection job={job} />
          </>
        )}
      </QueryState>
    </Page>
  );
}

function BidSection({ job }: { job: Job }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [sent, setSent] = useState(false);

  let body: React.ReactNode;
  if (!me) {
    body = (
      <Text>
        <AnchorLink to="/sign-in" search={{ redirect: location.href }}>
          {t("bids.place.signIn")}
        </AnchorLink>
      </Text>
    );
  } else if (me.id === job.clientId) {
    body = (
      <ButtonLink to="/my-jobs/$jobId" params={{ jobId: job.id }} variant="outline">
        {t("bids.place.manage")}
      </ButtonLink>
    );
  } else if (!me.roles.includes("assistant")) {
    body = (
      <Text>
        {t("bids.place.needRole")} <AnchorLink to="/settings">{t("nav.settings")}</AnchorLink>
      </Text>
    );
  } else if (job.status !== "open") {
    body = <Text>{t("bids.place.closed")}</Text>;
  } else if (sent) {
    body = (
      <Alert color="teal.9" variant="outline" role="status">
        {t("bids.place.sent")} <AnchorLink to="/my-bids">{t("bids.place.toMyBids")}</AnchorLink>
      </Alert>
    );
  } else {
    body = (
      <BidForm
        job={job}
        submitLabel={t("bids.place.submit")}
        onSubmit={async (input) => {
          await bidChanged(queryClient, await createBid(job.id, input));
          setSent(true);
        }}
      />
    );
  }

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="bid-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="bid-title">
          {t("bids.place.title")}
        </Title>
        {body}
      </Stack>
    </Paper>
  );
}
