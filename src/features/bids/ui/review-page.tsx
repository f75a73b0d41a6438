import { Group, Select, Stack, Text } from "@mantine/core";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { LoadMore, QueryState } from "../../../web/kit/query-state.tsx";
import { AnchorLink } from "../../../web/layout/links.tsx";
import { Page } from "../../../web/layout/page.tsx";
import { jobQuery } from "../../jobs/ui/job-api.ts";
import { MaximumRate } from "../../jobs/ui/job-details.tsx";
import { BID_SORTS, BID_STATUSES, type BidStatus } from "../schema.ts";
import { jobBidsQuery, type ReviewOrder } from "./bid-api.ts";
import { CompareBids, MAX_COMPARED } from "./compare-bids.tsx";
import { ReviewBid } from "./review-bid.tsx";

const route = getRouteApi("/signed-in/my-jobs/$jobId/bids");

/** The client's review of a job's bids: sort, filter, shortlist, reject, compare and offer. */
export function ReviewPage() {
  const { t } = useTranslation();
  const { jobId } = route.useParams();
  const jobResult = useQuery(jobQuery(jobId));
  const [order, setOrder] = useState<ReviewOrder>({ sort: "submitted", order: "asc" });
  const bids = useInfiniteQuery(jobBidsQuery(jobId, order));
  const [compared, setCompared] = useState<string[]>([]);
  const title = jobResult.data
    ? t("bids.review.titleFor", { job: jobResult.data.title })
    : t("bids.review.title");

  function toggle(id: string, on: boolean) {
    setCompared((current) =>
      on ? [...current, id].slice(0, MAX_COMPARED) : current.filter((c) => c !== id),
    );
  }

  return (
    <Page title={title} size="lg">
      <QueryState query={jobResult}>
        {(job) => (
          <>
            <Group>
              <MaximumRate job={job} />
              <AnchorLink to="/my-jobs/$jobId" params={{ jobId }}>
                {t("bids.review.backToJob")}
              </AnchorLink>
            </Group>
            <Group align="flex-end" role="group" aria-label={t("bids.review.controls")}>
              <Select
                label={t("bids.review.sort")}
                data={BID_SORTS.map((value) => ({ value, label: t(`bids.review.sorts.${value}`) }))}
                value={order.sort}
                onChange={(value) => value && setOrder({ ...order, sort: value as ReviewOrder["sort"] })}
                allowDeselect={false}
              />
              <Select
                label={t("bids.review.order")}
                data={(["asc", "desc"] as const).map((value) => ({
                  value,
                  label: t(`bids.review.orders.${value}`),
                }))}
                value={order.order}
                onChange={(value) => value && setOrder({ ...order, order: value as ReviewOrder["order"] })}
                allowDeselect={false}
              />
              <Select
                label={t("bids.review.status")}
                placeholder={t("jobs.board.any")}
                clearable
                data={BID_STATUSES.map((value) => ({ value, label: t(`bids.status.${value}`) }))}
                value={order.status ?? null}
                onChange={(value) => setOrder({ ...order, status: (value as BidStatus | null) ?? undefined })}
              />
            </Group>
            <QueryState query={bids}>
              {(data) => {
                const items = data.pages.flatMap((page) => page.items);
                if (items.length === 0) return <Text>{t("bids.review.empty")}</Text>;
                const selected = items.filter((bid) => compared.includes(bid.id));
                return (
                  <>
                    {selected.length >= 2 ? <CompareBids job={job} bids={selected} /> : null}
                    <Stack gap="md" component="ul" p={0} style={{ listStyle: "none" }}>
                      {items.map((bid) => (
                        <ReviewBid
                          key={bid.id}
                          job={job}
                          bid={bid}
                          compared={compared.includes(bid.id)}
                          compareFull={compared.length >= MAX_COMPARED}
                          onCompare={(on) => toggle(bid.id, on)}
                        />
                      ))}
                    </Stack>
                  </>
                );
              }}
            </QueryState>
            <LoadMore query={bids} />
          </>
        )}
      </QueryState>
    </Page>
  );
}
