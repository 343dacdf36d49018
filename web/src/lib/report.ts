// The board pack's document title, which a printed PDF keeps as its title: the period and the
// headline figures, so a file found later says what it is.
import type { Summary } from '../../../server/src/contract';
import { addDays } from './date-range';
import { formatMoney } from './format';
import { NOT_JUDGED, mostlyMaturing } from './maturity';

export function reportTitle(s: Pick<Summary, 'from' | 'to' | 'tz' | 'savings' | 'pendingAiResolved' | 'aiResolved'>, currency: string): string {
  const sv = s.savings;
  const early = mostlyMaturing(s);
  const parts = [`Claimcheck board pack ${s.from} to ${addDays(s.to, -1)} (${s.tz})`, `claimed ${formatMoney(sv.claimedSavings, currency)}`, `verified ${early ? NOT_JUDGED : formatMoney(sv.verifiedSavings, currency)}`];
  if (!early && sv.netSavings !== null && sv.netSavings !== undefined) parts.push(`net ${formatMoney(sv.netSavings, currency)}`);
  return parts.join(' · ');
}
