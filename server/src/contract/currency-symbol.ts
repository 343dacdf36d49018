// Whether an amount's currency sign or code is the workspace's currency, shared by the vendor
// export reader and the claim form: "€700" or "500 EUR" in a USD workspace was added up as
// dollars. Imports nothing. Not in index.ts (no API type).

const SYMBOLS: Readonly<Record<string, (currency: string) => boolean>> = {
  $: (c) => /D$/.test(c), // USD, CAD, AUD, NZD, SGD, HKD...
  '€': (c) => c === 'EUR',
  '£': (c) => c === 'GBP',
  '¥': (c) => c === 'JPY' || c === 'CNY',
  '₩': (c) => c === 'KRW',
};

/** The signs an amount may begin with, as a regular expression class body. */
export const CURRENCY_SIGNS = '$€£¥₩';

/** What currency a sign or code says an amount is in when that is not `currency` ("is in €", "is in EUR"); null when it is or none is given. */
export function otherCurrency(sign: string | undefined, code: string | undefined, currency: string): string | null {
  if (code && code.toUpperCase() !== currency) return `is in ${code.toUpperCase()}`;
  if (sign && !(SYMBOLS[sign]?.(currency) ?? false)) return `is in ${sign}`;
  return null;
}
