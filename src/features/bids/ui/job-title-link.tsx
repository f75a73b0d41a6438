import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { AnchorLink } from "../../../web/layout/links.tsx";
import { jobQuery } from "../../jobs/ui/job-api.ts";

// Bids and offers carry only the job's id; the title comes from the (cached) job itself.
export function JobTitleLink({ jobId, title }: { jobId: string; title?: string }) {
  const { t } = useTranslation();
  const { data: job } = useQuery({ ...jobQuery(jobId), enabled: title === undefined });
  return (
    <AnchorLink to="/jobs/$jobId" params={{ jobId }}>
      {title ?? job?.title ?? t("bids.mine.job")}
    </AnchorLink>
  );
}
