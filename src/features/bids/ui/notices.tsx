import { AnchorLink } from "../../../web/layout/links.tsx";
import { noticeText, type WebFeature } from "../../../web/routes/web-feature.ts";

type Link = NonNullable<WebFeature["notices"]>["bid.received"];

/** The client: the bids on their job (also where a declined contract offer sends them back to). */
export const toJobBids: Link = ({ data, label, onClick }) => {
  const jobId = noticeText(data, "jobId");
  return jobId ? (
    <AnchorLink to="/my-jobs/$jobId/bids" params={{ jobId }} onClick={onClick}>
      {label}
    </AnchorLink>
  ) : null;
};

/** The assistant: their bids. */
const toMyBids: Link = ({ label, onClick }) => (
  <AnchorLink to="/my-bids" onClick={onClick}>
    {label}
  </AnchorLink>
);

/** Where the bell sends the reader of each of this feature's notices. */
export const bidNoticeLinks: WebFeature["notices"] = {
  "bid.received": toJobBids,
  "bid.shortlisted": toMyBids,
  "bid.rejected": toMyBids,
};
