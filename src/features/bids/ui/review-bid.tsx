import { Button, Checkbox, Group, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../../web/forms/form-alert.tsx";
import { StatusBadge } from "../../../web/kit/status-badge.tsx";
import { useAction } from "../../../web/kit/use-action.ts";
import { useFormat } from "../../../web/kit/use-locale.ts";
import { AnchorLink } from "../../../web/layout/links.tsx";
import { notify } from "../../../web/layout/notify.ts";
import { makeOffer } from "../../contracts/ui/contract-api.ts";
import { OfferForm } from "../../contracts/ui/offer-form.tsx";
import { RequestInterviewButton } from "../../interviews/ui/request-interview.tsx";
import type { Job } from "../../jobs/schema.ts";
import { OpenThreadButton } from "../../messaging/ui/open-thread-button.tsx";
import { AttachedSamples } from "../../samples/ui/attached-samples.tsx";
import { BID_MACHINE, type Bid, INTERVIEWABLE_BID_STATUSES } from "../schema.ts";
import { bidChanged, transitionBid } from "./bid-api.ts";
import { bidFacts } from "./bid-facts.ts";

type Panel = "reject" | "offer" | null;

export function ReviewBid(props: {
  job: Job;
  bid: Bid;
  compared: boolean;
  compareFull: boolean;
  onCompare: (on: boolean) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const { job, bid } = props;
  const name = bid.assistantName ?? t("bids.review.assistant");
  const facts = bidFacts(bid, t, format.locale);
  const known = [facts.experience, facts.overlap].filter(Boolean);
  const [panel, setPanel] = useState<Panel>(null);
  const [message, setMessage] = useState("");
  const { busy, error, run } = useAction<"shortlist" | "reject">();

  const act = (action: "shortlist" | "reject") =>
    run(action, async () => {
      await bidChanged(
        queryClient,
        await transitionBid(bid.id, action, action === "reject" ? message : undefined),
      );
      setPanel(null);
      await notify(t, "green", t(`bids.review.done.${action}`, { name }));
    });

  return (
    <Paper withBorder p="md" component="li" aria-label={name}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            <AnchorLink to="/assistants/$userId" params={{ userId: bid.assistantId }} inherit>
              {name}
            </AnchorLink>
          </Title>
          <StatusBadge kind="bids" status={bid.status} />
        </Group>
        <Text fw={600}>{format.rate(bid.rateMinor, bid.currency, job.pricingModel)}</Text>
        {known.length ? <Text size="sm">{known.join(" · ")}</Text> : null}
        <Text size="sm">
          {t("bids.mine.submitted", { date: format.instant(bid.createdAt) })} ·{" "}
          {t("bids.review.startsFrom", { date: format.date(bid.earliestStart) })}
        </Text>
        <Text style={{ whiteSpace: "pre-wrap" }}>{bid.coverLetter}</Text>
        {job.screeningQuestions.map((question, index) => (
          <Text key={question} size="sm">
            <strong>{question}</strong> {bid.answers[index] ?? "–"}
          </Text>
        ))}
        <AttachedSamples ids={bid.sampleIds} caption={t("bids.review.samples")} />
        <Checkbox
          label={t("bids.review.compare", { name })}
          checked={props.compared}
          disabled={!props.compared && props.compareFull}
          onChange={(event) => props.onCompare(event.currentTarget.checked)}
        />
        <FormAlert error={error} />
        <Group gap="xs">
          {BID_MACHINE.can(bid.status, "shortlist") ? (
            <Button variant="outline" loading={busy === "shortlist"} onClick={() => void act("shortlist")}>
              {t("bids.review.shortlist")}
            </Button>
          ) : null}
          {BID_MACHINE.can(bid.status, "reject") ? (
            <Button variant="default" onClick={() => setPanel(panel === "reject" ? null : "reject")}>
              {t("bids.review.reject")}
            </Button>
          ) : null}
          {BID_MACHINE.can(bid.status, "offer") ? (
            <Button onClick={() => setPanel(panel === "offer" ? null : "offer")}>
              {t("bids.review.makeOffer")}
            </Button>
          ) : null}
          {INTERVIEWABLE_BID_STATUSES.includes(bid.status) ? (
            <RequestInterviewButton bidId={bid.id} assistantName={name} />
          ) : null}
          <OpenThreadButton subject="bids" id={bid.id} variant="default" />
        </Group>
        {panel === "reject" ? (
          <Stack gap="xs">
            <Textarea
              label={t("bids.review.rejectMessage")}
              autosize
              minRows={2}
              value={message}
              onChange={(event) => setMessage(event.currentTarget.value)}
            />
            <Group>
              <Button color="red.9" loading={busy === "reject"} onClick={() => void act("reject")}>
                {t("bids.review.confirmReject")}
              </Button>
            </Group>
          </Stack>
        ) : null}
        {panel === "offer" ? (
          <OfferForm
            job={job}
            bid={bid}
            onSubmit={async (terms) => {
              await makeOffer(bid.id, terms);
              await queryClient.invalidateQueries({ queryKey: ["bids"] });
              setPanel(null);
              await notify(t, "green", t("offers.form.sent", { name }));
            }}
          />
        ) : null}
      </Stack>
    </Paper>
  );
}
