import { Button, Group, Paper, Stack, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../../web/forms/form-alert.tsx";
import { QueryState } from "../../../web/kit/query-state.tsx";
import { StatusBadge } from "../../../web/kit/status-badge.tsx";
import { useAction } from "../../../web/kit/use-action.ts";
import { ButtonLink } from "../../../web/layout/links.tsx";
import { notify } from "../../../web/layout/notify.ts";
import { Page } from "../../../web/layout/page.tsx";
import {
  type CreateJobInput,
  EDITABLE_JOB_STATUSES,
  type Job,
  type JobAction,
  ownerJobActions,
} from "../schema.ts";
import { jobChanged, jobQuery, transitionJob, updateJob } from "./job-api.ts";
import { JobDetails, MaximumRate } from "./job-details.tsx";
import { JobForm } from "./job-form.tsx";

const route = getRouteApi("/signed-in/my-jobs/$jobId");

/** Whether anything differs: an unchanged save sent to an open job would still notify its bidders. */
function changed(job: Job, next: CreateJobInput): boolean {
  const before = job as unknown as Record<string, unknown>;
  return Object.entries(next).some(([key, value]) => JSON.stringify(before[key]) !== JSON.stringify(value));
}

export function OwnerJobPage() {
  const { t } = useTranslation();
  const { jobId } = route.useParams();
  const query = useQuery(jobQuery(jobId));
  return (
    <Page title={query.data?.title ?? t("jobs.owner.title")} size="md">
      <QueryState query={query}>{(job) => <OwnerJob job={job} />}</QueryState>
    </Page>
  );
}

function OwnerJob({ job }: { job: Job }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const { busy, error, run } = useAction<JobAction>();

  const act = (action: JobAction) =>
    run(action, async () => {
      await jobChanged(queryClient, await transitionJob(job.id, action));
      await notify(t, "green", t(`jobs.owner.done.${action}`));
    });

  return (
    <>
      <Group gap="sm">
        <StatusBadge kind="jobs" status={job.status} />
        <MaximumRate job={job} />
      </Group>
      <FormAlert error={error} />
      <Group gap="xs" role="group" aria-label={t("jobs.owner.actions")}>
        {ownerJobActions(job.status).map((action) => (
          <Button
            key={action}
            variant={action === "publish" || action === "resume" ? "filled" : "default"}
            loading={busy === action}
            onClick={() => void act(action)}
          >
            {t(`jobs.actions.${action}`)}
          </Button>
        ))}
        {EDITABLE_JOB_STATUSES.includes(job.status) && !editing ? (
          <Button variant="default" onClick={() => setEditing(true)}>
            {t("jobs.owner.edit")}
          </Button>
        ) : null}
        {job.status !== "draft" ? (
          <ButtonLink variant="outline" to="/my-jobs/$jobId/bids" params={{ jobId: job.id }}>
            {t("jobs.owner.reviewBids")}
          </ButtonLink>
        ) : null}
        {job.status !== "draft" ? (
          <ButtonLink variant="subtle" to="/jobs/$jobId" params={{ jobId: job.id }}>
            {t("jobs.owner.publicPage")}
          </ButtonLink>
        ) : null}
      </Group>
      {editing ? (
        <Paper withBorder p="lg" component="section" aria-labelledby="edit-job">
          <Stack>
            <Title order={2} size="h3" id="edit-job">
              {t("jobs.owner.editTitle")}
            </Title>
            <JobForm
              job={job}
              submitLabel={t("jobs.owner.save")}
              onSubmit={async (next) => {
                // Every term, not only the changed ones: the server's partial schema fills an omitted
                // field that has a default (questions, languages, overlap …) with that default.
                if (changed(job, next)) await jobChanged(queryClient, await updateJob(job.id, next));
                setEditing(false);
                await notify(t, "green", t("common.saved"));
              }}
            />
            <Button variant="subtle" onClick={() => setEditing(false)}>
              {t("jobs.owner.cancelEdit")}
            </Button>
          </Stack>
        </Paper>
      ) : (
        <JobDetails job={job} />
      )}
    </>
  );
}
