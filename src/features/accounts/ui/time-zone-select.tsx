import { Select } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";

/** The browser's own zone, the sensible default for a new account. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "Europe/Berlin";
}

export function TimeZoneSelect(props: {
  value: string;
  onChange: (zone: string) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const { value } = props;
  // Some engines resolve to names missing from supportedValuesOf (e.g. "UTC"); keep the current one selectable.
  const zones = useMemo(() => {
    const all = Intl.supportedValuesOf("timeZone");
    return all.includes(value) ? all : [value, ...all];
  }, [value]);
  return (
    <Select
      label={t("timeZone.label")}
      description={t("timeZone.description")}
      data={zones}
      value={value}
      onChange={(zone) => zone && props.onChange(zone)}
      error={props.error}
      searchable
      allowDeselect={false}
      nothingFoundMessage={t("timeZone.nothingFound")}
      maxDropdownHeight={280}
      name="timeZone"
    />
  );
}
