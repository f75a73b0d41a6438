import { AnchorLink } from "../../../web/layout/links.tsx";
import { noticeText, type WebFeature } from "../../../web/routes/web-feature.ts";

/** Where the bell sends the reader of each of this feature's notices: the contract's calendar. */
export const calendarNoticeLinks: WebFeature["notices"] = {
  "calendar.event_changed": ({ data, label, onClick }) => {
    const contractId = noticeText(data, "contractId");
    return contractId ? (
      <AnchorLink to="/contracts/$contractId/calendar" params={{ contractId }} onClick={onClick}>
        {label}
      </AnchorLink>
    ) : null;
  },
};
