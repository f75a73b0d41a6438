import { Alert } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../api/problem.ts";

/** A request's failure that belongs to no single field, translated by reason first, then by code. */
export function FormAlert({ error }: { error: ApiError | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  const keys = [`errors.code.${error.code}`, "errors.code.internal"];
  if (error.reason) keys.unshift(`errors.reason.${error.reason}`);
  return (
    <Alert color="red.9" role="alert" variant="outline">
      {t(keys, { seconds: error.retryAfter ?? 60 })}
    </Alert>
  );
}
