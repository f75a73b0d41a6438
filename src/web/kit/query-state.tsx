import { Button, Loader, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { toApiError } from "../api/problem-parse.ts";
import { FormAlert } from "../forms/form-alert.tsx";

/** A query's waiting and failed states, so each page only writes the loaded one. */
export function QueryState<T>(props: {
  query: { data: T | undefined; error: unknown; isPending: boolean };
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (props.query.error) return <FormAlert error={toApiError(props.query.error)} />;
  if (props.query.data === undefined) return <Loader role="status" aria-label={t("common.loading")} />;
  return <>{props.children(props.query.data)}</>;
}

/** "Load more" under a cursor-paged list; gone once the last page is in. */
export function LoadMore(props: {
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
}) {
  const { t } = useTranslation();
  if (!props.query.hasNextPage) return null;
  return (
    <Button
      variant="default"
      loading={props.query.isFetchingNextPage}
      onClick={() => void props.query.fetchNextPage()}
    >
      {t("common.loadMore")}
    </Button>
  );
}

interface PagedQuery<T> {
  data: { pages: { items: T[] }[] } | undefined;
  error: unknown;
  isPending: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/** A cursor-paged list: waiting, failed, empty (`empty` says so) or its items, then "load more". */
export function PagedList<T>(props: {
  query: PagedQuery<T>;
  empty: string;
  children: (items: T[]) => ReactNode;
}) {
  return (
    <>
      <QueryState query={props.query}>
        {(data) => {
          const items = data.pages.flatMap((page) => page.items);
          return items.length === 0 ? <Text>{props.empty}</Text> : props.children(items);
        }}
      </QueryState>
      <LoadMore query={props.query} />
    </>
  );
}
