import { Alert, Button, Group, Text } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../../../web/api/me.ts";
import { FormAlert } from "../../../web/forms/form-alert.tsx";
import { TermsTable } from "../../../web/kit/data-table.tsx";
import { QueryState } from "../../../web/kit/query-state.tsx";
import { StatusBadge } from "../../../web/kit/status-badge.tsx";
import { useAction } from "../../../web/kit/use-action.ts";
import { useFormat } from "../../../web/kit/use-locale.ts";
import { AnchorLink } from "../../../web/layout/links.tsx";
import { Page } from "../../../web/layout/page.tsx";
import { JobTitleLink } from "../../bids/ui/job-title-link.tsx";
import { jobQuery } from "../../jobs/ui/job-api.ts";
import { OFFER_MACHINE, type OfferDetail } from "../schema.ts";
import { CONTRACTS_KEY, offerQuery, respondToOffer } from "./contract-api.ts";

const route = getRouteApi("/signed-in/offers/$offerId");

/** An offer's terms; the assistant accepts (which creates the contract) or declines here. */
export function OfferPage() {
  const { t } = useTranslation();
  const { offerId } = route.useParams();
  const query = useQuery(offerQuery(offerId));
  return (
    <Page title={t("offers.page.title")} size="md">
      <QueryState query={query}>{(offer) => <OfferView offer={offer} />}</QueryState>
    </Page>
  );
}

function OfferView({ offer }: { offer: OfferDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const { data: job } = useQuery(jobQuery(offer.jobId));
  const { busy, error, run } = useAction<"accept" | "decline">();
  const isClient = job !== undefined && me?.id === job.clientId;

  const respond = (decision: "accept" | "decline") =>
    run(decision, async () => {
      const answer = await respondToOffer(offer.id, decision);
      // The answer has the new status; who sent the offer stays as it was.
      queryClient.setQueryData(offerQuery(offer.id).queryKey, (old) => old && { ...old, ...answer.offer });
      await queryClient.invalidateQueries({ queryKey: CONTRACTS_KEY });
    });

  const rows: [string, ReactNode][] = [
    [t("offers.page.from"), <OfferSender key="from" sender={offer.sender} />],
    [t("offers.page.pricingModel"), t(`pricingModels.${offer.pricingModel}`)],
    [t("offers.page.rate"), format.rate(offer.rateMinor, offer.currency, offer.pricingModel)],
    ...(offer.weeklyHourCap === null
      ? []
      : [
          [t("offers.page.weeklyHourCap"), t("offers.page.hours", { count: offer.weeklyHourCap })] as [
            string,
            ReactNode,
          ],
        ]),
    [t("offers.page.startDate"), format.date(offer.startDate)],
    [t("offers.page.message"), offer.message || "–"],
  ];

  return (
    <>
      <Group>
        <Text fw={600}>
          {t("offers.page.job")}: <JobTitleLink jobId={offer.jobId} />
        </Text>
        <StatusBadge kind="offers" status={offer.status} />
      </Group>
      <TermsTable rows={rows} />
      <FormAlert error={error} />
      {OFFER_MACHINE.can(offer.status, "accept") && !isClient ? (
        <Group>
          <Button loading={busy === "accept"} disabled={busy !== null} onClick={() => void respond("accept")}>
            {t("offers.page.accept")}
          </Button>
          <Button
            variant="default"
            loading={busy === "decline"}
            disabled={busy !== null}
            onClick={() => void respond("decline")}
          >
            {t("offers.page.decline")}
          </Button>
        </Group>
      ) : null}
      {offer.status === "accepted" ? (
        <Alert color="teal.9" variant="outline" role="status">
          {t("offers.page.accepted")} <AnchorLink to="/contracts">{t("offers.page.toContracts")}</AnchorLink>
        </Alert>
      ) : null}
      {offer.status === "declined" ? <Text role="status">{t("offers.page.declined")}</Text> : null}
    </>
  );
}

/** Who sent the offer: the client's name and company, linked to their public profile if they have one. */
function OfferSender({ sender }: { sender: OfferDetail["sender"] }) {
  const label = sender.company ? `${sender.name} (${sender.company})` : sender.name;
  return sender.profileUserId ? (
    <AnchorLink to="/assistants/$userId" params={{ userId: sender.profileUserId }}>
      {label}
    </AnchorLink>
  ) : (
    label
  );
}
