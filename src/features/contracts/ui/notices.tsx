import { AnchorLink } from "../../../web/layout/links.tsx";
import { noticeText, type WebFeature } from "../../../web/routes/web-feature.ts";
import { toJobBids } from "../../bids/ui/notices.tsx";

type Link = NonNullable<WebFeature["notices"]>["contract.paused"];

const toContract: Link = ({ data, label, onClick }) => {
  const contractId = noticeText(data, "contractId");
  return contractId ? (
    <AnchorLink to="/contracts/$contractId" params={{ contractId }} onClick={onClick}>
      {label}
    </AnchorLink>
  ) : null;
};

/** Where the bell sends the reader of each of this feature's notices. */
export const contractNoticeLinks: WebFeature["notices"] = {
  "offer.received": ({ data, label, onClick }) => {
    const offerId = noticeText(data, "offerId");
    return offerId ? (
      <AnchorLink to="/offers/$offerId" params={{ offerId }} onClick={onClick}>
        {label}
      </AnchorLink>
    ) : null;
  },
  "offer.accepted": ({ label, onClick }) => (
    <AnchorLink to="/contracts" onClick={onClick}>
      {label}
    </AnchorLink>
  ),
  // The client whose contract offer was declined: the job's other bids.
  "offer.declined": toJobBids,
  // Answering: joining does not ring the caller back.
  "call.started": ({ data, label, onClick }) => {
    const contractId = noticeText(data, "contractId");
    return contractId ? (
      <AnchorLink
        to="/contracts/$contractId/call"
        params={{ contractId }}
        search={{ answer: true }}
        onClick={onClick}
      >
        {label}
      </AnchorLink>
    ) : null;
  },
  "contract.paused": toContract,
  "contract.resumed": toContract,
  "contract.ended": toContract,
};
