// Money as every page and every claim sentence writes it, shared by server and web so that a yen
// amount has no cents in either. Imports nothing. Not in index.ts (no API type).

/** The currency's own minor digits (2 for USD and EUR, 0 for JPY and KRW). */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** The largest magnitude among money figures shown together (a column, a value and its change); 0 without any. */
export const moneyScale = (values: readonly (number | null | undefined)[]): number =>
  values.reduce<number>((m, v) => (v === null || v === undefined || !Number.isFinite(v) ? m : Math.max(m, Math.abs(v))), 0);

/**
 * A negative figure with the minus sign every change on the pages uses ("−$0.90 (−$39.56)"), not
 * Intl's hyphen; one that rounds to nothing has no sign ("$0.00", never "−$0.00").
 */
export const typographicMinus = (s: string): string => (/[1-9]/.test(s) ? s.replace('-', '\u2212') : s.replace('-', ''));

/**
 * Money in the currency: cents below 1,000, whole amounts from there (an estimate with an interval
 * has no meaningful cents), and never more digits than the currency has (¥, ₩). `like`: the
 * largest figure shown beside this one (moneyScale), so that a column or "$2,048 (−$439)" is
 * written to one precision, not "$2,048 (−$438.81)"; an amount under one unit keeps its cents
 * even so ("$0.45", never "$0"). Null and non-finite values are `dash`.
 */
export function formatMoney(value: number | null | undefined, currency = 'USD', like = 0, dash = '—'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return dash;
  const abs = Math.abs(value);
  const whole = Math.max(abs, Number.isFinite(like) ? Math.abs(like) : 0) >= 1000 && (abs >= 1 || abs === 0);
  const digits = whole ? 0 : Math.min(2, minorDigits(currency));
  return typographicMinus(new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value));
}

/** An exact amount (what a vendor billed): always to the currency's own unit, cents included ("$5,174.00", "¥5,174"). */
export function formatMoneyExact(value: number | null | undefined, currency = 'USD', dash = '—'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return dash;
  const digits = minorDigits(currency);
  return typographicMinus(new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value));
}
