import { TextInput, type TextInputProps } from "@mantine/core";
import { useState } from "react";
import { majorText, parseMajor } from "./money.ts";
import { useLocale } from "./use-locale.ts";

/**
 * An amount typed in major units the local way ("35,00" in German) and handed on as integer minor
 * units; what is not an amount goes on as NaN, which the shared schema refuses as amount_invalid.
 */
export function MoneyInput({
  minor,
  currency,
  onMinorChange,
  ...props
}: Omit<TextInputProps, "value" | "onChange"> & {
  minor: number | undefined;
  currency: string;
  onMinorChange: (minor: number) => void;
}) {
  const locale = useLocale();
  const [text, setText] = useState(() =>
    minor === undefined || Number.isNaN(minor) ? "" : majorText(minor, currency, locale),
  );
  return (
    <TextInput
      inputMode="decimal"
      autoComplete="off"
      rightSection={currency}
      rightSectionWidth={48}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        onMinorChange(parseMajor(event.currentTarget.value, currency, locale));
      }}
      {...props}
    />
  );
}
