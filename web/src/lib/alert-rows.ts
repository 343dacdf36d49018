// Alerts and "what changed" rows as the dashboard shows them: plain sentences, the change in the
// metric's own units, n on both sides, who did what, and links to the tickets. Pure.
import type { AlertMetric, AlertRow, ChangeRow, MetricChange } from '../../../server/src/contract';
import { formatChange, formatCount, formatDuration, formatRate } from './format';
import { formatInstant } from './date-range';
import { ALERT_DRILL } from '../../../server/src/contract/alert-drill';

export interface AlertRowView {
  id: string;
  state: AlertRow['state'];
  sentence: string;
  /** "Began May 11, 2026 · alerted May 13, 2026" */
  when: string;
  /** "Acknowledged by ops-lead at …", "Snoozed by … until …", or null. */
  who: string | null;
  /** Wider segments that show the same change (no alert of their own). */
  alsoSeenIn: string | null;
  ticketsHref: string;
  /** What the link opens: the tickets that make the rate bad, not all the n of the sentence. */
  ticketsLabel: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const longDay = (iso: string) => `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${Number(iso.slice(8, 10))}, ${iso.slice(0, 4)}`;

export function segmentName(segment: string): string {
  // "escalated: category:billing" names another path's series: "the escalated path in billing".
  const other = segment.indexOf(': ');
  if (other > 0) {
    const path = segment.slice(0, other);
    const rest = segment.slice(other + 2);
    return `${path === 'all paths' ? 'all paths' : `the ${path} path`}${rest === 'all' ? '' : ` ${segmentName(rest).replace(/^channel /, 'on ').replace(/^category /, 'in ')}`}`;
  }
  if (segment === 'all') return 'all tickets';
  const i = segment.indexOf(':');
  return `${segment.slice(0, i)} ${segment.slice(i + 1)}`;
}

/** Newest first, each with its sentence, its days, who acted on it, and the tickets behind it. */
/** `tz`: the view's zone, in which who-did-what times are written like every other time on the page. */
/**
 * The alerts the overview and the board pack list: every one not resolved. They asked for
 * state=open, so acknowledging a regression (someone is on it) took it off the board pack.
 */
export const unresolved = (alerts: readonly AlertRow[]): AlertRow[] => alerts.filter((a) => a.state !== 'resolved');

/** Alerts not resolved that a filtered list leaves out (about other channels or categories): said beside it. */
export const alertsElsewhere = (shown: readonly AlertRow[], all: readonly AlertRow[]): number => unresolved(all).filter((u) => !shown.some((a) => a.id === u.id)).length;

export function alertRows(alerts: readonly AlertRow[], tz = 'UTC'): AlertRowView[] {
  const at = (iso: string) => `${formatInstant(iso, tz)} (${tz})`;
  return [...alerts]
    .sort((a, b) => (a.detectedOn < b.detectedOn ? 1 : a.detectedOn > b.detectedOn ? -1 : a.id.localeCompare(b.id)))
    .map((a) => {
      const who = a.state === 'snoozed' && a.snoozedUntil
        ? `Snoozed by ${a.snoozedBy} until ${at(a.snoozedUntil)}`
        : a.state === 'resolved' && a.resolvedAt
          ? `Resolved by ${a.resolvedBy} at ${at(a.resolvedAt)}`
          : a.acknowledgedAt
            ? `Acknowledged by ${a.acknowledgedBy} at ${at(a.acknowledgedAt)}`
            : null;
      const also = a.details.alsoSeenIn ?? [];
      return {
        id: a.id,
        state: a.state,
        sentence: a.details.summary,
        when: `Began ${longDay(a.startedOn)} · alerted ${longDay(a.detectedOn)}`,
        who,
        alsoSeenIn: also.length > 0 ? `Also visible in ${also.map(segmentName).join('; ')} (explained by this one).` : null,
        ticketsHref: `/tickets?${new URLSearchParams(a.details.drillDown).toString()}`,
        // Named as it opens (contract/alert-drill.ts): "The tickets" beside "… (102 tickets)" opened the 31 that came back.
        ticketsLabel: ALERT_DRILL[a.metric as AlertMetric]?.label ?? 'The tickets',
      };
    });
}

export interface ChangeRowView {
  key: string;
  name: string;
  verdict: ChangeRow['verdict'];
  /** The verdict in words; "Within chance" only when chance could well explain it (p ≥ 0.05). */
  label: string;
  /** "74.9% → 32.1%" */
  values: string;
  /** "n 478 → 56 answers" */
  counts: string;
  /** "−42.8 pts", "+1m 05s (×1.24)" */
  change: string;
  chance: string;
  note: string | null;
  sparkline: (number | null)[];
  ticketsHref: string;
  alertId: string | null;
}

function metricChange(c: MetricChange | null): string {
  if (!c) return '—';
  if (c.unit === 'points') return formatChange(c.value, (a) => `${a.toFixed(1)} pts`);
  return `${formatChange(c.value, formatDuration)}${c.ratio !== null ? ` (×${c.ratio.toFixed(2)})` : ''}`;
}

/** A series with tickets in either period; one with none on both sides (a workspace of imported history) says nothing. */
export const hasTickets = (r: Pick<ChangeRow, 'baseline' | 'now'>): boolean => r.baseline.n > 0 || r.now.n > 0;

const VERDICT_WORDS: Record<ChangeRow['verdict'], string> = { worse: 'Worse', watch: 'Watch', minor: 'Minor', steady: 'Within chance', better: 'Better', 'not judged': 'Not judged' };

/** Worst first (as the API ranks them), in the metric's own units, with n on both sides. */
export function changeRows(rows: readonly ChangeRow[]): ChangeRowView[] {
  return rows.map((r) => {
    const fmt = (v: number | null) => (r.unit === 'rate' ? formatRate(v) : formatDuration(v));
    const what = r.metric === 'csatTop2Box' ? 'answers' : 'tickets';
    return {
      key: r.key,
      name: r.name,
      verdict: r.verdict,
      // "Within chance" beside "chance could explain it, but not easily" read as a contradiction.
      label: r.verdict === 'steady' && r.pValue !== null && r.pValue < 0.05 ? 'Not certain' : VERDICT_WORDS[r.verdict],
      values: `${fmt(r.baseline.value)} → ${fmt(r.now.value)}`,
      counts: `n ${formatCount(r.baseline.n)} → ${formatCount(r.now.n)} ${what}`,
      change: metricChange(r.change),
      chance: r.chance ?? 'not judged',
      note: r.note,
      sparkline: r.daily.map((d) => d.value),
      ticketsHref: `/tickets?${new URLSearchParams(r.drillDown).toString()}`,
      alertId: r.alertId,
    };
  });
}
