// How the dashboard writes numbers: durations as "2m 14s", money in the cost model's currency,
// rates as percentages. Pure, tested in format.spec.ts.
import { formatMoney, typographicMinus } from '../../../server/src/contract/money-format';

export const DASH = '—';

export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return DASH;
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  if (s < 86400) return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  return `${Math.floor(s / 86400)}d ${Math.floor((s % 86400) / 3600)}h`;
}

// Money: one rule for the dashboard and the server's claim sentences (server/src/contract/money-format.ts).
export { formatMoney, moneyScale } from '../../../server/src/contract/money-format';

export function formatRate(rate: number | null | undefined, digits = 1): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return DASH;
  return `${(rate * 100).toFixed(digits)}%`;
}

/**
 * A rate axis tick: whole percents, or as many decimals as the tick needs (up to 2). Ticks every
 * 1.5% read "0% 2% 3% 5% 6%" when rounded to whole percents.
 */
export function formatRateTick(rate: number): string {
  const pct = rate * 100;
  const digits = [0, 1, 2].find((d) => Math.abs(Number(pct.toFixed(d)) - pct) < 1e-9) ?? 2;
  return formatRate(rate, digits);
}

/** An axis tick: whole amounts without cents ("$0", not "$0.00" beside "$20,000"). */
export function formatMoneyTick(value: number, currency = 'USD'): string {
  return Number.isInteger(value) ? typographicMinus(new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(value)) : formatMoney(value, currency);
}

export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? DASH : typographicMinus(n.toLocaleString('en-US'));
}

export function formatNumber(n: number | null | undefined, digits = 1): string {
  return n === null || n === undefined || !Number.isFinite(n) ? DASH : typographicMinus(n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }));
}

/** A 95% interval as "low to high" in a given format, "≈" in front when it is approximate. */
export function formatInterval(iv: { low: number; high: number } | null | undefined, format: (v: number) => string, approximate = false): string {
  if (!iv) return DASH;
  return `${approximate ? '≈' : ''}${format(iv.low)} to ${format(iv.high)}`;
}

/**
 * A change: its sign (+, −, or ± for none) before its size as `format` writes it. A change that
 * rounds to nothing is written as none (±0.0 pt, not −0.0 pt).
 */
export function formatChange(v: number, format: (size: number) => string): string {
  const size = format(Math.abs(v));
  return `${isNone(v, format) ? '±' : v > 0 ? '+' : '−'}${size}`;
}

/** Whether a change is nothing once written (zero, or too small to show in `format`'s digits). */
export function isNone(v: number, format: (size: number) => string): boolean {
  return v === 0 || !Number.isFinite(v) || format(Math.abs(v)) === format(0);
}

/** A change of a rate, in percentage points. */
const points = (a: number) => `${(a * 100).toFixed(1)} pt`;
export const formatPoints = (change: number): string => formatChange(change, points);
/** Whether a change of a rate shows as ±0.0 pt. */
export const isNoPoints = (change: number): boolean => isNone(change, points);
