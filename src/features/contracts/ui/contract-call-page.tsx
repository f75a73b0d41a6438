import { Alert } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useRouter } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../web/api/problem.ts";
import { notify } from "../../../web/layout/notify.ts";
import { CallPage } from "../../calls/ui/call-page.tsx";
import { ringContractCall, roomQuery } from "../../calls/ui/room-api.ts";

const route = getRouteApi("/signed-in/contracts/$contractId/call");

/**
 * A contract's video call (the workspace's call tab), open any time while the contract is active.
 * Joining rings the other party, unless this is the answer to their ring (`?answer`); hanging up
 * leads back to the contract's overview.
 */
export function ContractCallPage() {
  const { t } = useTranslation();
  const router = useRouter();
  const { contractId } = route.useParams();
  const { answer } = route.useSearch();
  const query = useQuery(roomQuery({ kind: "contract", id: contractId }));
  return (
    <CallPage
      title={query.data ? t("room.titleCall", { job: query.data.jobTitle }) : t("room.titleCallPlain")}
      query={query}
      answering={answer === true}
      unavailable={(error) => <Unavailable error={error} />}
      onJoin={(room) => {
        if (answer) return;
        // The call works without the ring (the other party may already be here); say it failed.
        ringContractCall(contractId).catch(
          () => void notify(t, "red", t("room.unavailable.ringFailed", { name: room.peer.name })),
        );
      }}
      onHangUp={() => router.history.push(`/contracts/${contractId}`)}
    />
  );
}

/** Why the call cannot be entered: the contract is paused or has ended, or it is not the reader's. */
const REFUSALS: Record<string, string> = {
  "contract.paused": "room.unavailable.contractPaused",
  "contract.ended": "room.unavailable.contractEnded",
};

function Unavailable({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const refusal = error instanceof ApiError ? REFUSALS[error.reason ?? ""] : undefined;
  const message =
    error instanceof ApiError && error.code === "not_found"
      ? t("room.unavailable.notContractParty")
      : t(refusal ?? "room.unavailable.failed");
  return (
    <Alert color="red.9" variant="outline" role="alert">
      {message}
    </Alert>
  );
}
