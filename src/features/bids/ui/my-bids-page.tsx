import { Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../../web/forms/form-alert.tsx";
import { PagedList } from "../../../web/kit/query-state.tsx";
import { StatusBadge } from "../../../web/kit/status-badge.tsx";
import { useAction } from "../../../web/kit/use-action.ts";
import { useFormat } from "../../../web/kit/use-locale.ts";
import { notify } from "../../../web/layout/notify.ts";
import { Page } from "../../../web/layout/page.tsx";
import { jobQuery } from "../../jobs/ui/job-api.ts";
import { OpenThreadButton } from "../../messaging/ui/open-thread-button.tsx";
import { AttachedSamples } from "../../samples/ui/attached-samples.tsx";
import type { Bid } from "../schema.ts";
import { BID_MACHINE, EDITABLE_BID_STATUSES } from "../schema.ts";
import { bidChanged, myBidsQuery, transitionBid, updateBid } from "./bid-api.ts";
import { BidForm } from "./bid-form.tsx";
import { JobTitleLink } from "./job-title-link.tsx";

export function MyBidsPage() {
  const { t } = useTranslation();
  const query = useInfiniteQuery(myBidsQuery);
  return (
    <Page title={t("bids.mine.title")} size="md">
      <PagedList query={query} empty={t("bids.mine.empty")}>
        {(bids) => (
          <Stack gap="md" component="ul" p={0} style={{ listStyle: "none" }}>
            {bids.map((bid) => (
              <MyBid key={bid.id} bid={bid} />
            ))}
          </Stack>
        )}
      </PagedList>
    </Page>
  );
}

function MyBid({ bid }: { bid: Bid }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const { data: job } = useQuery(jobQuery(bid.jobId));
  const [editing, setEditing] = useState(false);
  const { busy, error, run } = useAction<"withdraw">();

  const withdraw = () =>
    run("withdraw", async () => {
      await bidChanged(queryClient, await transitionBid(bid.id, "withdraw"));
      await notify(t, "green", t("bids.mine.withdrawn"));
    });

  return (
    <Paper withBorder p="md" component="li">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            <JobTitleLink jobId={bid.jobId} />
          </Title>
          <StatusBadge kind="bids" status={bid.status} />
        </Group>
        <Text>
          {t("bids.mine.rate")}:{" "}
          {job
            ? format.rate(bid.rateMinor, bid.currency, job.pricingModel)
            : format.money(bid.rateMinor, bid.currency)}
          {" · "}
          {t("bids.mine.submitted", { date: format.instant(bid.createdAt) })}
        </Text>
        {bid.rejectionMessage ? <Text fs="italic">{bid.rejectionMessage}</Text> : null}
        {editing ? null : <AttachedSamples ids={bid.sampleIds} caption={t("bids.review.samples")} />}
        <FormAlert error={error} />
        {editing && job ? (
          <BidForm
            job={job}
            bid={bid}
            submitLabel={t("bids.mine.save")}
            onSubmit={async (input) => {
              await bidChanged(queryClient, await updateBid(bid.id, input));
              setEditing(false);
              await notify(t, "green", t("common.saved"));
            }}
          />
        ) : null}
        <Group gap="xs">
          {EDITABLE_BID_STATUSES.includes(bid.status) && job ? (
            <Button variant="default" onClick={() => setEditing(!editing)}>
              {editing ? t("bids.mine.cancelEdit") : t("bids.mine.edit")}
            </Button>
          ) : null}
          {BID_MACHINE.can(bid.status, "withdraw") ? (
            <Button
              variant="outline"
              color="red.9"
              loading={busy === "withdraw"}
              onClick={() => void withdraw()}
            >
              {t("bids.mine.withdraw")}
            </Button>
          ) : null}
          <OpenThreadButton subject="bids" id={bid.id} variant="default" />
        </Group>
      </Stack>
    </Paper>
  );
}
