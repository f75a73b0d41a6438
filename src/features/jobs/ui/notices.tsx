import { AnchorLink } from "../../../web/layout/links.tsx";
import { noticeText, type WebFeature } from "../../../web/routes/web-feature.ts";

const toJob: NonNullable<WebFeature["notices"]>["job.filled"] = ({ data, label, onClick }) => {
  const jobId = noticeText(data, "jobId");
  return jobId ? (
    <AnchorLink to="/jobs/$jobId" params={{ jobId }} onClick={onClick}>
      {label}
    </AnchorLink>
  ) : null;
};

/** Where the bell sends the reader of each of this feature's notices: the job's public page. */
export const jobNoticeLinks: WebFeature["notices"] = {
  "job.terms_changed": toJob,
  "job.filled": toJob,
};
