import { type ChangeEvent, type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { ApiError } from "../api/problem.ts";
import { toApiError } from "../api/problem-parse.ts";
import { type FieldErrors, fieldErrorsFromIssues, translateFieldError } from "./field-errors.ts";

type Values = Record<string, unknown>;

export interface ZodFormOptions {
  /**
   * Fields the server may name that are not keys of the form's values, for a form that turns its
   * values into a different body (the calendar's repeat choice becomes an "rrule").
   */
  serverFields?: readonly string[];
}

/**
 * Form state driven by a shared zod schema: the same schema the server parses, so the browser and
 * the API agree on every rule. Server field errors land beside their field; the rest in `formError`.
 */
export function useZodForm<S extends z.ZodType<Values, Values>>(
  schema: S,
  initial: z.input<S>,
  options: ZodFormOptions = {},
) {
  const { t } = useTranslation();
  const [values, setValues] = useState<z.input<S>>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);

  function setValue<K extends keyof z.input<S> & string>(field: K, value: z.input<S>[K]) {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors(({ [field]: _cleared, ...rest }) => rest);
  }

  /** Props for a Mantine text input bound to a string field, with its translated error. */
  function textProps<K extends keyof z.input<S> & string>(field: K) {
    return {
      name: field,
      value: String(values[field] ?? ""),
      onChange: (event: ChangeEvent<HTMLInputElement>) =>
        setValue(field, event.currentTarget.value as z.input<S>[K]),
      error: translateFieldError(t, errors[field]),
    };
  }

  function fail(error: unknown) {
    const apiError = toApiError(error);
    const known = apiError.fieldErrors.filter(
      (e) => e.field in values || options.serverFields?.includes(e.field),
    );
    if (known.length) {
      setErrors(Object.fromEntries(known.map((e) => [e.field, e.code])));
      setFormError(known.length < apiError.fieldErrors.length ? apiError : null);
    } else {
      setFormError(apiError);
    }
  }

  /** Validates, then runs the action; `extra` adds values the form does not show (locale, callback URL). */
  function onSubmit(
    action: (data: z.output<S>) => Promise<void>,
    extra: () => Partial<z.input<S>> = () => ({}),
  ) {
    return async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      setFormError(null);
      const parsed = schema.safeParse({ ...values, ...extra() });
      if (!parsed.success) {
        setErrors(fieldErrorsFromIssues(parsed.error.issues));
        return;
      }
      setErrors({});
      setSubmitting(true);
      try {
        await action(parsed.data);
      } catch (error) {
        if (!(error instanceof ApiError) && !isProblemLike(error)) console.error(error);
        fail(error);
      } finally {
        setSubmitting(false);
      }
    };
  }

  return {
    values,
    setValue,
    setValues,
    errors,
    textProps,
    formError,
    setFormError,
    fail,
    submitting,
    setSubmitting,
    onSubmit,
  };
}

function isProblemLike(error: unknown): boolean {
  return typeof error === "object" && error !== null && "status" in error;
}
