// Money is integer minor units plus an ISO currency everywhere; these helpers only present it.
const DIGITS: Record<string, number> = { EUR: 2, USD: 2, GBP: 2, CHF: 2 };

export function formatMinor(amountMinor: number, currency: string): string {
  const digits = DIGITS[currency] ?? 2;
  const major = (amountMinor / 10 ** digits).toFixed(digits);
  return `${major} ${currency}`;
}
