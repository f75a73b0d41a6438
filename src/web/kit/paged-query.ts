import { infiniteQueryOptions, type QueryKey } from "@tanstack/react-query";
import type { z } from "zod";
import { pageSchema } from "../../features/common/schema.ts";
import { apiFetch } from "../api/http.ts";

/** Query-string of the values that are set (filters left empty are left out). */
export function searchOf(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** A cursor-paged list endpoint as an infinite query: each page asks with the last page's nextCursor. */
export function pagedQuery<T>(
  queryKey: QueryKey,
  path: string,
  item: z.ZodType<T>,
  params: Record<string, string | number | undefined> = {},
) {
  const schema = pageSchema(item);
  return infiniteQueryOptions({
    queryKey,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      apiFetch(`${path}${searchOf({ ...params, cursor: pageParam })}`, { schema, signal }),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
