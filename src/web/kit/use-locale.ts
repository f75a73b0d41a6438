import { useTranslation } from "react-i18next";
import type { PricingModel } from "../../features/common/schema.ts";
import { formatMoney } from "./money.ts";
import { zoneLabel } from "./zone-label.ts";

/** The interface language, re-rendering on a switch, for Intl formatting. */
export function useLocale(): string {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage ?? "de";
}

/** Formatters bound to the interface language: money, a rate with its unit, dates, instants and zones. */
export function useFormat() {
  const { t } = useTranslation();
  const locale = useLocale();
  const money = (minor: number, currency: string) => formatMoney(minor, currency, locale);
  return {
    locale,
    money,
    rate: (minor: number, currency: string, model: PricingModel) =>
      t(model === "hourly" ? "money.perHour" : "money.perTask", { amount: money(minor, currency) }),
    // An ISO date has no zone: it is a calendar day, shown as such (UTC keeps it from shifting).
    date: (iso: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(
        new Date(`${iso}T00:00:00Z`),
      ),
    /** A zone as people say it, "Berlin (MEZ)", at `at` (now by default: the name changes with DST). */
    zone: (zone: string, at?: Date | string) =>
      zoneLabel(zone, locale, at === undefined ? new Date() : new Date(at)),
    instant: (iso: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso)),
  };
}
