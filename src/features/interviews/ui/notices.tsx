import { AnchorLink } from "../../../web/layout/links.tsx";
import { noticeText, type WebFeature } from "../../../web/routes/web-feature.ts";

const toInterview: NonNullable<WebFeature["notices"]>["interview.requested"] = ({ data, label, onClick }) => {
  const interviewId = noticeText(data, "interviewId");
  return interviewId ? (
    <AnchorLink to="/interviews/$interviewId" params={{ interviewId }} onClick={onClick}>
      {label}
    </AnchorLink>
  ) : null;
};

/** Where the bell sends the reader of each of this feature's notices: the interview's page. */
export const interviewNoticeLinks: WebFeature["notices"] = {
  "interview.requested": toInterview,
  "interview.confirmed": toInterview,
};
