import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../api/problem.ts";

/**
 * Seconds until a refused request may be sent again: Retry-After, else the problem's availableAt
 * (Better Auth's client drops the headers), else a minute.
 */
function waitSeconds(error: ApiError): number {
  if (error.retryAfter) return error.retryAfter;
  const at = Date.parse(error.problem.availableAt ?? "");
  return Number.isNaN(at) ? 60 : Math.max(1, Math.ceil((at - Date.now()) / 1000));
}

/** A request's failure that belongs to no single field, translated by reason first, then by code. */
export function FormAlert({ error }: { error: ApiError | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  const keys = [`errors.code.${error.code}`, "errors.code.internal"];
  if (error.reason) keys.unshift(`errors.reason.${error.reason}`);
  const seconds = waitSeconds(error);
  return (
    <Alert color="red.9" role="alert" variant="outline">
      {t(keys, { seconds, minutes: Math.ceil(seconds / 60), address: error.problem.openAt })}
    </Alert>
  );
}
