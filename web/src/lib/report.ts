// The board pack's document title, which a printed PDF keeps as its title (the period and the
// headline figures, so a file found later says what it is), and the terminal command that prints it.
import type { Summary } from '../../../server/src/contract';
import { type ViewFilters, addDays } from './date-range';
import { formatMoney } from './format';
import { NOT_JUDGED, mostlyMaturing } from './maturity';
import type { Compare } from './url-state';

export function reportTitle(s: Pick<Summary, 'from' | 'to' | 'tz' | 'savings' | 'pendingAiResolved' | 'aiResolved'>, currency: string): string {
  const sv = s.savings;
  const early = mostlyMaturing(s);
  const parts = [`Claimcheck board pack ${s.from} to ${addDays(s.to, -1)} (${s.tz})`, `claimed ${formatMoney(sv.claimedSavings, currency)}`, `verified ${early ? NOT_JUDGED : formatMoney(sv.verifiedSavings, currency)}`];
  if (!early && sv.netSavings !== null && sv.netSavings !== undefined) parts.push(`net ${formatMoney(sv.netSavings, currency)}`);
  return parts.join(' · ');
}

/** A value as one shell word: as is when plain, else in single quotes. */
const shellWord = (v: string) => (/^[\w./,:+-]+$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`);

/**
 * The terminal command that prints this board pack (web/scripts/report.mjs): the same range, zone,
 * filters, comparison and workspace as the view, so the PDF shows what the screen does.
 */
export function reportCommand(filters: ViewFilters, compare: Compare, workspace: string, excludeLowRated = false): string {
  const args: [string, string | undefined][] = [
    ['from', filters.from],
    ['to', filters.to],
    ['tz', filters.tz],
    ['channel', filters.channel],
    ['category', filters.category],
    ['compare', compare === 'previous' ? undefined : compare],
    ['lowrated', excludeLowRated ? 'exclude' : undefined],
    ['workspace', workspace],
    ['out', 'report.pdf'],
  ];
  return ['npm run report --', ...args.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `--${k} ${shellWord(v!)}`)].join(' ');
}
