import { inferAdditionalFields, twoFactorClient } from "better-auth/client/plugins";
import { createAuthClient } from "better-auth/react";
import { toApiError } from "./problem-parse.ts";

// Loaded only by lazy pages (and on demand by the shell), so the landing page does not carry it.
export const authClient = createAuthClient({
  baseURL: window.location.origin,
  plugins: [
    // Our sign-in page shows the code step itself instead of a redirect to a fixed page.
    twoFactorClient({ onTwoFactorRedirect: () => undefined }),
    inferAdditionalFields({
      user: {
        roles: { type: "string[]", required: false, input: false },
        locale: { type: "string", required: false },
        timeZone: { type: "string", required: false },
      },
    }),
  ],
});

type Result<T> = { data: T; error: null } | { data: null; error: unknown };

/** Better Auth's client answers {data, error}; pages want the data or a thrown ApiError. */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<NonNullable<T>> {
  const result = await call;
  if (result.error !== null || result.data === null || result.data === undefined) {
    throw toApiError(result.error);
  }
  return result.data as NonNullable<T>;
}
