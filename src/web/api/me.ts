import { queryOptions, useQuery } from "@tanstack/react-query";
import type { Me } from "../../features/accounts/schema.ts";
import { apiFetchSignedIn } from "./http.ts";

export const ME_KEY = ["me"] as const;

/** The signed-in user, or null when nobody is: a 401 here is an answer, not an error. */
export const meQuery = queryOptions({
  queryKey: ME_KEY,
  queryFn: ({ signal }): Promise<Me | null> =>
    apiFetchSignedIn("/api/v1/me", {
      // The schema module (and zod) loads after the answer, and only for someone signed in.
      schema: async () => (await import("../../features/accounts/schema.ts")).meSchema,
      signal,
    }),
  staleTime: 60_000,
});

export function useMe() {
  return useQuery(meQuery);
}
