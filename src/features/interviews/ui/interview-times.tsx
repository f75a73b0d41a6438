import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../../web/kit/use-locale.ts";
import { zoneLabel } from "../../../web/kit/zone-label.ts";
import type { Interview } from "../schema.ts";
import { dayAndClock, otherClock } from "./zoned.ts";

/** The viewer's and the other party's side of an interview. */
export function sides(interview: Interview, viewerId: string) {
  const mine = interview.client.userId === viewerId ? interview.client : interview.assistant;
  const other = mine === interview.client ? interview.assistant : interview.client;
  return { mine, other, isClient: mine === interview.client };
}

/** "Fr., 14. März, 10:00 – 10:30 · Anna: 17:00, Manila (GMT+8)" in the viewer's zone. */
export function useSlotLabel(viewerZone: string, other: { name: string; timeZone: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (slot: { start: string; end: string }) =>
    t("interviews.when", {
      start: dayAndClock(slot.start, viewerZone, locale),
      end: new Intl.DateTimeFormat(locale, {
        timeZone: viewerZone,
        hour: "2-digit",
        minute: "2-digit",
      }).format(new Date(slot.end)),
      name: other.name,
      other: otherClock(slot.start, viewerZone, other.timeZone, locale),
      zone: zoneLabel(other.timeZone, locale, new Date(slot.start)),
    });
}

/** When the interview is, or the times still open for it. */
export function InterviewWhen({
  interview,
  viewerId,
  viewerZone,
}: {
  interview: Interview;
  viewerId: string;
  viewerZone: string;
}) {
  const { t } = useTranslation();
  const { other } = sides(interview, viewerId);
  const label = useSlotLabel(viewerZone, other);
  if (interview.startsAt && interview.endsAt)
    return <Text>{label({ start: interview.startsAt, end: interview.endsAt })}</Text>;
  return (
    <Text>
      {t("interviews.proposed", { count: interview.proposals.length })}{" "}
      {interview.proposals.map((p) => label(p)).join("; ")}
    </Text>
  );
}
