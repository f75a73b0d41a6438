import { Paper, Stack, Table, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "../../../web/kit/status-badge.tsx";
import { useFormat } from "../../../web/kit/use-locale.ts";
import type { Job } from "../../jobs/schema.ts";
import { AttachedSamples } from "../../samples/ui/attached-samples.tsx";
import type { Bid } from "../schema.ts";
import { bidFacts } from "./bid-facts.ts";

/** Side by side fits three on a laptop screen; more would need scrolling sideways. */
export const MAX_COMPARED = 3;

export function CompareBids({ job, bids }: { job: Job; bids: Bid[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows: [string, (bid: Bid) => ReactNode][] = [
    [t("bids.review.rate"), (bid) => format.rate(bid.rateMinor, bid.currency, job.pricingModel)],
    [t("bids.review.earliestStart"), (bid) => format.date(bid.earliestStart)],
    [t("bids.review.experienceLabel"), (bid) => bidFacts(bid, t, format.locale).experience ?? "–"],
    [t("bids.review.overlapLabel"), (bid) => bidFacts(bid, t, format.locale).overlap ?? "–"],
    [t("bids.review.statusLabel"), (bid) => <StatusBadge kind="bids" status={bid.status} />],
    [t("bids.form.coverLetter"), (bid) => bid.coverLetter],
    ...job.screeningQuestions.map((question, index): [string, (bid: Bid) => ReactNode] => [
      question,
      (bid) => bid.answers[index] ?? "–",
    ]),
    [
      t("bids.review.samples"),
      (bid) => (bid.sampleIds.length ? <AttachedSamples ids={bid.sampleIds} /> : "–"),
    ],
  ];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="compare-title">
      <Stack>
        <Title order={2} size="h3" id="compare-title">
          {t("bids.review.compareTitle")}
        </Title>
        <Table.ScrollContainer minWidth={600}>
          <Table withColumnBorders layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Td />
                {bids.map((bid) => (
                  <Table.Th key={bid.id} scope="col">
                    {bid.assistantName ?? t("bids.review.assistant")}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(([label, cell]) => (
                <Table.Tr key={label}>
                  <Table.Th scope="row">{label}</Table.Th>
                  {bids.map((bid) => (
                    <Table.Td key={bid.id} style={{ whiteSpace: "pre-wrap" }}>
                      {cell(bid)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}
