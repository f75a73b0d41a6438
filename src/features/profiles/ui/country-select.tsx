import { Select } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../../web/kit/use-locale.ts";
import { countryOptions } from "./countries.ts";

/** A country by ISO code, listed by its name in the interface language. */
export function CountrySelect(props: {
  label: string;
  value: string;
  onChange: (code: string) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const options = useMemo(() => countryOptions(locale), [locale]);
  return (
    <Select
      label={props.label}
      required
      name="country"
      data={options}
      value={props.value || null}
      onChange={(code) => code && props.onChange(code)}
      error={props.error}
      searchable
      allowDeselect={false}
      nothingFoundMessage={t("profiles.client.noCountry")}
      maxDropdownHeight={280}
    />
  );
}
