// Pure functions with the locale passed in (components get it from useLocale), so tests need no i18next.

// Every currency we take (EUR, USD, GBP, CHF) has two minor digits; Intl confirms it per currency.
function minorDigits(currency: string): number {
  return (
    new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/** "35,00 €" in German, "€35.00" in English: integer minor units shown in the interface language. */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(minor / 10 ** digits);
}

function separators(locale: string) {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  return {
    decimal: parts.find((p) => p.type === "decimal")?.value ?? ".",
    group: parts.find((p) => p.type === "group")?.value ?? ",",
  };
}

/**
 * What a person typed in major units ("35", "35,5", "1.234,50" in German) as integer minor units;
 * NaN when it is not an amount, so the shared schema answers with its own "amount_invalid".
 */
export function parseMajor(text: string, currency: string, locale: string): number {
  const { decimal, group } = separators(locale);
  const digits = minorDigits(currency);
  const plain = text
    .trim()
    .replace(/[\s\u00a0\u202f]/g, "")
    .split(group)
    .join("")
    .replace(decimal, ".");
  if (!new RegExp(`^\\d+(\\.\\d{1,${digits}})?$`).test(plain)) return Number.NaN;
  const [whole = "0", fraction = ""] = plain.split(".");
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
}

/** Minor units as an editable major-unit text without grouping ("35,00"). */
export function majorText(minor: number, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: false,
  }).format(minor / 10 ** digits);
}
