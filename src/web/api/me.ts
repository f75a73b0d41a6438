import { queryOptions, useQuery } from "@tanstack/react-query";
import type { Me } from "../../features/accounts/schema.ts";
import { apiFetch } from "./http.ts";
import { ApiError } from "./problem.ts";

export const ME_KEY = ["me"] as const;

/** The signed-in user, or null when nobody is: a 401 here is an answer, not an error. */
export const meQuery = queryOptions({
  queryKey: ME_KEY,
  queryFn: async ({ signal }): Promise<Me | null> => {
    // The schema module (and zod) loads beside the request instead of in the landing page's bundle.
    const { meSchema } = await import("../../features/accounts/schema.ts");
    try {
      return await apiFetch("/api/v1/me", { schema: meSchema, signal });
    } catch (error) {
      if (error instanceof ApiError && error.code === "unauthenticated") return null;
      throw error;
    }
  },
  staleTime: 60_000,
});

export function useMe() {
  return useQuery(meQuery);
}
