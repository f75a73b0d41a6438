import { Select } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../../web/kit/use-locale.ts";
import { zoneLabel } from "../../../web/kit/zone-label.ts";

/** The browser's own zone, the sensible default for a new account. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "Europe/Berlin";
}

/**
 * A zone by the name people say ("Berlin (MEZ)"), grouped by the id's region ("Europe"); the value
 * stays the IANA id the API stores.
 */
export function TimeZoneSelect(props: {
  value: string;
  onChange: (zone: string) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { value } = props;
  // Some engines resolve to names missing from supportedValuesOf (e.g. "UTC"); keep the current one selectable.
  const zones = useMemo(() => {
    const all = Intl.supportedValuesOf("timeZone");
    const ids = all.includes(value) ? all : [value, ...all];
    const groups = new Map<string, { value: string; label: string }[]>();
    const now = new Date();
    for (const id of ids) {
      const region = id.includes("/") ? (id.split("/")[0] as string) : "UTC";
      const items = groups.get(region) ?? [];
      items.push({ value: id, label: zoneLabel(id, locale, now) });
      groups.set(region, items);
    }
    return [...groups].map(([group, items]) => ({ group, items }));
  }, [value, locale]);
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
