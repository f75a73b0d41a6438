import { AnchorLink } from "../../../web/layout/links.tsx";
import { noticeText, type WebFeature } from "../../../web/routes/web-feature.ts";

/** Where the bell sends the reader of each of this feature's notices: the thread. */
export const messagingNoticeLinks: WebFeature["notices"] = {
  "message.unread": ({ data, label, onClick }) => {
    const threadId = noticeText(data, "threadId");
    return threadId ? (
      <AnchorLink to="/messages/$threadId" params={{ threadId }} onClick={onClick}>
        {label}
      </AnchorLink>
    ) : null;
  },
};
