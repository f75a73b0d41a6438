import { Alert } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useRouter } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../web/api/problem.ts";
import { useLocale } from "../../../web/kit/use-locale.ts";
import { CallPage } from "../../calls/ui/call-page.tsx";
import { roomQuery } from "../../calls/ui/room-api.ts";

const route = getRouteApi("/signed-in/interviews/$interviewId/room");

/** The interview's video room, open around its time; hanging up leads back to the interview. */
export function InterviewRoomPage() {
  const { t } = useTranslation();
  const router = useRouter();
  const { interviewId } = route.useParams();
  const query = useQuery(roomQuery({ kind: "interview", id: interviewId }));
  return (
    <CallPage
      title={query.data ? t("room.title", { job: query.data.jobTitle }) : t("room.titlePlain")}
      query={query}
      unavailable={(error) => <Unavailable error={error} />}
      onHangUp={() => router.history.push(`/interviews/${interviewId}`)}
    />
  );
}

/** Why the room cannot be entered (now): not open yet (and when it opens), over, or not theirs. */
function Unavailable({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const reason = error instanceof ApiError ? error.reason : undefined;
  const notOpen = reason === "interview.room_not_open";
  let message: string;
  if (error instanceof ApiError && error.code === "not_found") message = t("room.unavailable.notParticipant");
  else if (notOpen) {
    // The refusal says when the room opens.
    const opensAt = error instanceof ApiError ? error.problem.availableAt : undefined;
    message = opensAt
      ? t("room.unavailable.notOpen", {
          time: new Intl.DateTimeFormat(locale, {
            weekday: "long",
            day: "numeric",
            month: "long",
            hour: "2-digit",
            minute: "2-digit",
            timeZoneName: "short",
          }).format(new Date(opensAt)),
        })
      : t("room.unavailable.notOpenSoon");
  } else if (reason === "interview.room_closed") message = t("room.unavailable.closed");
  else if (reason === "interview.room_unavailable") message = t("room.unavailable.notConfirmed");
  else if (reason === "interview.external_meeting") message = t("room.unavailable.external");
  else message = t("room.unavailable.failed");
  return (
    <Alert color={notOpen ? "blue.9" : "red.9"} variant="outline" role={notOpen ? "status" : "alert"}>
      {message}
    </Alert>
  );
}
