import { Anchor, Button, Group, Paper, Radio, Stack, Text, Textarea, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../../../web/api/me.ts";
import type { ApiError } from "../../../web/api/problem.ts";
import { FormAlert } from "../../../web/forms/form-alert.tsx";
import { QueryState } from "../../../web/kit/query-state.tsx";
import { StatusBadge } from "../../../web/kit/status-badge.tsx";
import { useAction } from "../../../web/kit/use-action.ts";
import { useLocale } from "../../../web/kit/use-locale.ts";
import { zoneLabel } from "../../../web/kit/zone-label.ts";
import { AnchorLink, ButtonLink } from "../../../web/layout/links.tsx";
import { notify } from "../../../web/layout/notify.ts";
import { Page } from "../../../web/layout/page.tsx";
import { useRefetchOnNotice } from "../../../web/layout/use-refetch-on-notice.ts";
import { INTERVIEW_MACHINE, type Interview, type InterviewAction } from "../schema.ts";
import {
  cancelInterview,
  confirmInterview,
  interviewChanged,
  interviewQuery,
  rescheduleInterview,
} from "./interview-api.ts";
import { InterviewWhen, sides, useSlotLabel } from "./interview-times.tsx";
import { SlotPicker } from "./slot-picker.tsx";
import { useViewerZone } from "./use-viewer-zone.ts";
import { dayAndClock } from "./zoned.ts";

const route = getRouteApi("/signed-in/interviews/$interviewId");

/** The current time, ticking every 30 s, so "the room opens at …" turns into a link on its own. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function InterviewPage() {
  const { t } = useTranslation();
  const { interviewId } = route.useParams();
  const query = useQuery(interviewQuery(interviewId));
  // The other party's confirmation, move or cancellation arrives as a notice: show it at once.
  useRefetchOnNotice(interviewQuery(interviewId).queryKey);
  const title = query.data
    ? t("interviews.page.title", { job: query.data.jobTitle })
    : t("interviews.page.titlePlain");
  return (
    <Page title={title} size="md">
      <AnchorLink to="/interviews">{t("interviews.page.back")}</AnchorLink>
      <QueryState query={query}>{(interview) => <InterviewDetails interview={interview} />}</QueryState>
    </Page>
  );
}

type Panel = "cancel" | "move" | null;

function InterviewDetails({ interview }: { interview: Interview }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const zone = useViewerZone();
  const locale = useLocale();
  const [panel, setPanel] = useState<Panel>(null);
  if (!me) return null;
  const { other, isClient } = sides(interview, me.id);
  const can = (action: InterviewAction) => INTERVIEW_MACHINE.can(interview.status, action);
  const active = can("cancel");
  return (
    <Stack gap="lg">
      <Paper withBorder p="md" component="section" aria-label={t("interviews.page.summary")}>
        <Stack gap="xs">
          <Group justify="space-between">
            <Text fw={600}>{t("interviews.with", { name: other.name, job: interview.jobTitle })}</Text>
            <StatusBadge kind="interviews" status={interview.status} />
          </Group>
          <InterviewWhen interview={interview} viewerId={me.id} viewerZone={zone} />
          <Text size="sm" c="dimmed">
            {t("interviews.page.zoneNote", {
              zone: zoneLabel(zone, locale, interview.startsAt ? new Date(interview.startsAt) : undefined),
              count: interview.durationMinutes,
            })}
          </Text>
          {interview.note ? <Text style={{ whiteSpace: "pre-wrap" }}>{interview.note}</Text> : null}
          {interview.cancelReason ? (
            <Text>{t("interviews.page.cancelReason", { reason: interview.cancelReason })}</Text>
          ) : null}
        </Stack>
      </Paper>
      {interview.status === "confirmed" ? (
        <ConfirmedPanel interview={interview} zone={zone} isClient={isClient} otherName={other.name} />
      ) : null}
      {can("confirm") && !isClient ? <ConfirmForm interview={interview} zone={zone} /> : null}
      {can("confirm") && isClient ? <Text>{t("interviews.page.waiting", { name: other.name })}</Text> : null}
      {active ? (
        <Group gap="xs">
          {can("reschedule") ? (
            <Button variant="default" onClick={() => setPanel(panel === "move" ? null : "move")}>
              {t("interviews.page.move")}
            </Button>
          ) : null}
          <Button variant="default" onClick={() => setPanel(panel === "cancel" ? null : "cancel")}>
            {t("interviews.page.cancel")}
          </Button>
        </Group>
      ) : null}
      {active && panel === "cancel" ? (
        <CancelForm interview={interview} onDone={() => setPanel(null)} />
      ) : null}
      {can("reschedule") && panel === "move" ? (
        <MoveForm interview={interview} viewerId={me.id} onDone={() => setPanel(null)} />
      ) : null}
    </Stack>
  );
}

/** A confirmed interview: when it is in the viewer's zone, the way into the room, and what comes next. */
function ConfirmedPanel(props: { interview: Interview; zone: string; isClient: boolean; otherName: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { interview, zone } = props;
  if (!interview.startsAt) return null;
  return (
    <ActionPanel id="confirmed-heading" title={t("interviews.page.confirmedTitle")} error={null}>
      <Text>
        {t("interviews.page.confirmedAt", {
          time: dayAndClock(interview.startsAt, zone, locale),
          zone: zoneLabel(zone, locale, new Date(interview.startsAt)),
        })}
      </Text>
      <JoinLink interview={interview} zone={zone} />
      <Text>
        {t(props.isClient ? "interviews.page.nextClient" : "interviews.page.nextAssistant", {
          name: props.otherName,
        })}
      </Text>
      {props.isClient ? (
        <AnchorLink to="/my-jobs/$jobId/bids" params={{ jobId: interview.jobId }}>
          {t("interviews.page.toBids")}
        </AnchorLink>
      ) : null}
    </ActionPanel>
  );
}

/** Into the built-in video room once it opens (or when it will), or the external meeting link. */
function JoinLink({ interview, zone }: { interview: Interview; zone: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const now = useNow();
  if (interview.meetingUrl)
    return (
      <Anchor href={interview.meetingUrl} target="_blank" rel="noopener noreferrer">
        {t("interviews.page.external")}
      </Anchor>
    );
  if (!interview.roomOpensAt) return null;
  const open = Date.parse(interview.roomOpensAt) <= now;
  return (
    <Stack gap={4} align="flex-start">
      {open ? (
        <ButtonLink to="/interviews/$interviewId/room" params={{ interviewId: interview.id }}>
          {t("interviews.page.join")}
        </ButtonLink>
      ) : (
        <>
          <Button disabled>{t("interviews.page.join")}</Button>
          <Text size="sm">
            {t("interviews.page.opensAt", { time: dayAndClock(interview.roomOpensAt, zone, locale) })}
          </Text>
        </>
      )}
    </Stack>
  );
}

/** The assistant picks one of the proposed times. */
function ConfirmForm({ interview, zone }: { interview: Interview; zone: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const other = me ? sides(interview, me.id).other : interview.client;
  const label = useSlotLabel(zone, other);
  const now = Date.now();
  const open = interview.proposals.filter((p) => Date.parse(p.start) > now);
  const [start, setStart] = useState<string | null>(open.length === 1 ? (open[0]?.start ?? null) : null);
  const { busy, error, run } = useAction<"confirm">();
  const confirm = () =>
    run("confirm", async () => {
      if (!start) return;
      await interviewChanged(queryClient, await confirmInterview(interview.id, start));
      await notify(t, "green", t("interviews.page.confirmed"));
    });
  return (
    <ActionPanel id="confirm-heading" title={t("interviews.page.chooseTitle")} error={error}>
      {open.length === 0 ? (
        <Text>{t("interviews.page.allPassed")}</Text>
      ) : (
        <Radio.Group label={t("interviews.page.choose")} value={start} onChange={setStart}>
          <Stack gap="xs" mt="xs">
            {open.map((p) => (
              <Radio key={p.start} value={p.start} label={label(p)} />
            ))}
          </Stack>
        </Radio.Group>
      )}
      <Group>
        <Button disabled={!start} loading={busy === "confirm"} onClick={() => void confirm()}>
          {t("interviews.page.confirm")}
        </Button>
      </Group>
    </ActionPanel>
  );
}

function CancelForm({ interview, onDone }: { interview: Interview; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const { busy, error, run } = useAction<"cancel">();
  const cancel = () =>
    run("cancel", async () => {
      if (!reason.trim()) {
        setMissing(true);
        return;
      }
      await interviewChanged(queryClient, await cancelInterview(interview.id, reason));
      onDone();
      await notify(t, "green", t("interviews.page.cancelled"));
    });
  return (
    <Stack gap="xs">
      <FormAlert error={error} />
      <ReasonField
        value={reason}
        missing={missing}
        onChange={(value) => {
          setReason(value);
          setMissing(false);
        }}
      />
      <Group>
        <Button color="red.9" loading={busy === "cancel"} onClick={() => void cancel()}>
          {t("interviews.page.confirmCancel")}
        </Button>
      </Group>
    </Stack>
  );
}

function MoveForm({
  interview,
  viewerId,
  onDone,
}: {
  interview: Interview;
  viewerId: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [start, setStart] = useState<string[]>([]);
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState<"start" | "reason" | null>(null);
  const { busy, error, run } = useAction<"move">();
  const move = () =>
    run("move", async () => {
      const chosen = start[0];
      if (!chosen) return setMissing("start");
      if (!reason.trim()) return setMissing("reason");
      await interviewChanged(queryClient, await rescheduleInterview(interview.id, chosen, reason));
      onDone();
      await notify(t, "green", t("interviews.page.moved"));
    });
  return (
    <ActionPanel id="move-heading" title={t("interviews.page.moveTitle")} error={error}>
      <SlotPicker
        bidId={interview.bidId}
        viewerId={viewerId}
        durationMinutes={interview.durationMinutes}
        multiple={false}
        selected={start}
        onChange={(next) => {
          setStart(next);
          setMissing(null);
        }}
        error={missing === "start" ? t("interviews.page.pickTime") : undefined}
      />
      <ReasonField
        value={reason}
        missing={missing === "reason"}
        onChange={(value) => {
          setReason(value);
          setMissing(null);
        }}
      />
      <Group>
        <Button loading={busy === "move"} onClick={() => void move()}>
          {t("interviews.page.confirmMove")}
        </Button>
      </Group>
    </ActionPanel>
  );
}

/** Why an interview is cancelled or moved: required, and sent to the other party. */
function ReasonField(props: { value: string; missing: boolean; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <Textarea
      label={t("interviews.page.reason")}
      required
      autosize
      minRows={2}
      maxLength={1_000}
      value={props.value}
      onChange={(event) => props.onChange(event.currentTarget.value)}
      error={props.missing ? t("errors.field.required") : undefined}
    />
  );
}

/** A titled part of the interview page (the set time, choose a time, move it), with its error above the fields. */
function ActionPanel(props: { id: string; title: string; error: ApiError | null; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={props.id}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={props.id}>
          {props.title}
        </Title>
        <FormAlert error={props.error} />
        {props.children}
      </Stack>
    </Paper>
  );
}
