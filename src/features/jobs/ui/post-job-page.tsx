import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { notify } from "../../../web/layout/notify.ts";
import { Page } from "../../../web/layout/page.tsx";
import { createJob, jobChanged } from "./job-api.ts";
import { JobForm } from "./job-form.tsx";

/** A new job is saved as a draft; the owner's page then offers "Publish". */
export function PostJobPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <Page title={t("jobs.post.title")} size="md">
      <JobForm
        submitLabel={t("jobs.post.submit")}
        onSubmit={async (body) => {
          const job = await createJob(body);
          await jobChanged(queryClient, job);
          await notify(t, "green", t("jobs.post.saved"));
          await navigate({ to: "/my-jobs/$jobId", params: { jobId: job.id } });
        }}
      />
    </Page>
  );
}
