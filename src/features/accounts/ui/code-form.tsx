import { Button, Stack, TextInput } from "@mantine/core";
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../../web/api/problem.ts";
import { toApiError } from "../../../web/api/problem-parse.ts";
import { translateFieldError } from "../../../web/forms/field-errors.ts";
import { FormAlert } from "../../../web/forms/form-alert.tsx";

/** One-code form for authenticator and recovery codes, at sign-in and when enabling two-factor. */
export function CodeForm(props: {
  label: string;
  submitLabel: string;
  numeric: boolean;
  verify: (code: string) => Promise<void>;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState("");
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Apps show codes as "123 456"; the server wants the digits only.
    const trimmed = code.replace(/\s+/g, "");
    setMissing(!trimmed);
    if (!trimmed) return;
    setBusy(true);
    setError(null);
    try {
      await props.verify(trimmed);
    } catch (failure) {
      setError(toApiError(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" align="flex-start">
        <FormAlert error={error} />
        <TextInput
          label={props.label}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          autoComplete="one-time-code"
          inputMode={props.numeric ? "numeric" : "text"}
          required
          error={translateFieldError(t, missing ? "required" : undefined)}
        />
        {props.children}
        <Button type="submit" loading={busy}>
          {props.submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
