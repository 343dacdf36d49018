// From daily cells to the series the detector judges, and from a judgement to what people read.
// Pure, so the demo-story test and the accuracy simulation run the same chain as the server.
import type { AlertDetails, AlertMetric } from '../contract';
import { Cell, Detection, Direction, Judgement, SeriesDay, SeriesKind } from '../stats/alert-detection';
import { chanceInWords } from '../stats/tail-scores';
import { wilsonInterval } from '../stats/rates';
import { addDays } from '../stats/time-range';
import type { AlertCellRow } from './queries/alert-cells.query';
import { joinFilterValues } from '../contract/filter-list';
import { ALERT_DRILL } from '../contract/alert-drill';

export const ALERT_METRICS = ['csatTop2Box', 'repeatContactRate', 'reopenRate', 'escalationRate', 'aiResolutionRate', 'handleTime'] as const satisfies readonly AlertMetric[];
export type { AlertDetails, AlertMetric } from '../contract';

export interface Series {
  key: string;
  metric: AlertMetric;
  path: string;
  /** 'all', 'channel:chat' or 'category:billing' */
  segment: string;
  bad: Direction;
  kind: SeriesKind;
  days: SeriesDay[];
}

const SEP = '\u001f';
/** A stratum: path (in the all-paths series only), channel and category. */
export const stratumKey = (channel: string, category: string, path?: string) => (path ? `${path}${SEP}${channel}${SEP}${category}` : `${channel}${SEP}${category}`);
function stratumParts(key: string): { path: string | null; channel: string; category: string } {
  const p = key.split(SEP);
  return p.length === 3 ? { path: p[0], channel: p[1], category: p[2] } : { path: null, channel: p[0], category: p[1] };
}

/**
 * Keeps the strata of series `d` that lie outside series `k` (same metric): to ask whether `k`
 * explains `d`'s excursion. Null when the two are about different tickets (two different paths).
 */
export function outsideOf(k: Pick<Series, 'path' | 'segment'>, d: Pick<Series, 'path'>): ((stratum: string) => boolean) | null {
  if (k.path !== ALL_PATHS && d.path !== ALL_PATHS && k.path !== d.path) return null;
  const [dim, value] = splitSegment(k.segment);
  return (key) => {
    const s = stratumParts(key);
    const inSegment = dim === null || (dim === 'channel' ? s.channel : s.category) === value;
    const onPath = k.path === ALL_PATHS || (s.path ?? d.path) === k.path;
    return !(inSegment && onPath);
  };
}

export function splitSegment(segment: string): [string, string] | [null, null] {
  if (segment === 'all') return [null, null];
  const i = segment.indexOf(':');
  return [segment.slice(0, i), segment.slice(i + 1)];
}

const PATHS = ['ai', 'escalated', 'human'];
/** The path of the series over every path (mix-adjusted by path too). */
export const ALL_PATHS = 'all';

/**
 * The series an alert stands for: its own, and those it explains (its `alsoSeenIn` labels: a
 * segment on its own path, or "<path>: <segment>" on another, "all paths" for all of them).
 */
export function seriesKeysOfAlert(metric: string, path: string, segment: string, alsoSeenIn: readonly string[]): string[] {
  const paths: Record<string, string> = { 'all paths': ALL_PATHS, ai: 'ai', escalated: 'escalated', human: 'human' };
  const keys = [`${metric}|${path}|${segment}`];
  for (const label of alsoSeenIn) {
    const other = Object.keys(paths).find((p) => label.startsWith(`${p}: `));
    keys.push(other ? `${metric}|${paths[other]}|${label.slice(other.length + 2)}` : `${metric}|${path}|${label}`);
  }
  return keys;
}

type CellOf = (r: AlertCellRow) => Cell;
const rate = (x: (r: AlertCellRow) => number, n: (r: AlertCellRow) => number): CellOf => (r) => ({ n: n(r), s1: x(r), s2: x(r) });
const PER_PATH: { metric: AlertMetric; bad: Direction; kind: SeriesKind; cell: CellOf }[] = [
  { metric: 'csatTop2Box', bad: 'down', kind: 'rate', cell: rate((r) => r.csatTop2, (r) => r.csatN) },
  { metric: 'repeatContactRate', bad: 'up', kind: 'rate', cell: rate((r) => r.repeat, (r) => r.matured) },
  { metric: 'reopenRate', bad: 'up', kind: 'rate', cell: rate((r) => r.reopened, (r) => r.resolved) },
  { metric: 'handleTime', bad: 'up', kind: 'logMean', cell: (r) => ({ n: r.handleN, s1: r.handleLogSum, s2: r.handleLogSq }) },
];

/**
 * Every watched series: per path (and over all paths, mix-adjusted by path) the four quality
 * metrics, and over AI-involved tickets the escalation and AI resolution rates; each for all
 * tickets, each channel and each category.
 */
export function buildSeries(rows: readonly AlertCellRow[], days: readonly string[]): Series[] {
  const dayIndex = new Map(days.map((d, i) => [d, i]));
  const segmentsOf = (r: AlertCellRow) => ['all', ...(r.channel ? [`channel:${r.channel}`] : []), ...(r.category ? [`category:${r.category}`] : [])];
  const series = new Map<string, Series>();
  const put = (metric: AlertMetric, path: string, bad: Direction, kind: SeriesKind, r: AlertCellRow, c: Cell) => {
    const i = dayIndex.get(r.day);
    if (i === undefined || c.n <= 0) return;
    const stratum = path === ALL_PATHS ? stratumKey(r.channel, r.category, r.path) : stratumKey(r.channel, r.category);
    for (const segment of segmentsOf(r)) {
      const key = `${metric}|${path}|${segment}`;
      let s = series.get(key);
      if (!s) {
        s = { key, metric, path, segment, bad, kind, days: days.map((day) => ({ day, cells: new Map<string, Cell>() })) };
        series.set(key, s);
      }
      const cells = s.days[i].cells as Map<string, Cell>;
      const t = cells.get(stratum);
      if (t) {
        t.n += c.n;
        t.s1 += c.s1;
        t.s2 += c.s2;
      } else cells.set(stratum, { ...c });
    }
  };
  for (const r of rows) {
    if (!PATHS.includes(r.path)) continue;
    for (const m of PER_PATH) {
      const c = m.cell(r);
      put(m.metric, r.path, m.bad, m.kind, r, c);
      put(m.metric, ALL_PATHS, m.bad, m.kind, r, c);
    }
    if (r.path === 'ai' || r.path === 'escalated') {
      const esc = r.path === 'escalated' ? r.tickets : 0;
      const aiResolved = r.path === 'ai' ? r.resolved : 0;
      put('escalationRate', 'escalated', 'up', 'rate', r, { n: r.tickets, s1: esc, s2: esc });
      put('aiResolutionRate', 'ai', 'down', 'rate', r, { n: r.tickets, s1: aiResolved, s2: aiResolved });
    }
  }
  return [...series.values()].sort((a, b) => a.key.localeCompare(b.key));
}

export const METRIC_NAME: Record<AlertMetric, string> = {
  csatTop2Box: 'CSAT top-2-box',
  repeatContactRate: 'repeat-contact rate',
  reopenRate: 'reopen rate',
  escalationRate: 'escalation rate',
  aiResolutionRate: 'AI resolution rate',
  handleTime: 'handle time',
};
const PATH_NAME: Record<string, string> = { ai: 'AI', escalated: 'Escalated', human: 'Human', all: '' };

/** "AI reopen rate in billing", "Escalation rate on chat", "Human handle time". */
export function seriesName(metric: AlertMetric, path: string, segment: string): string {
  const [dim, value] = splitSegment(segment);
  const where = dim === 'channel' ? ` on ${value}` : dim === 'category' ? ` in ${value}` : '';
  const what = metric === 'escalationRate' || metric === 'aiResolutionRate' || path === ALL_PATHS ? METRIC_NAME[metric] : `${PATH_NAME[path] ?? path} ${METRIC_NAME[metric]}`;
  return `${what[0].toUpperCase()}${what.slice(1)}${where}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const longDay = (iso: string) => `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${Number(iso.slice(8, 10))}, ${iso.slice(0, 4)}`;
const monthDay = (iso: string) => `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${Number(iso.slice(8, 10))}`;

/** The days a figure covers, both included: "on May 11, 2026", "from May 11 to May 13, 2026". */
export function dayspan(first: string, last: string): string {
  if (first === last) return `on ${longDay(first)}`;
  return first.slice(0, 4) === last.slice(0, 4) ? `from ${monthDay(first)} to ${longDay(last)}` : `from ${longDay(first)} to ${longDay(last)}`;
}

/** A value on the metric's own scale: a rate as a percentage, handle time in seconds. */
export function metricValue(kind: SeriesKind, v: number): number {
  return kind === 'rate' ? v : Math.exp(v);
}

export function formatValue(kind: SeriesKind, v: number): string {
  if (kind === 'rate') return `${(v * 100).toFixed(1)}%`;
  const s = Math.round(v);
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}

/** The change in the metric's own units: points for rates, seconds and a ratio for handle time. */
export function changeOf(kind: SeriesKind, j: Judgement): { value: number; unit: 'points' | 'seconds'; ratio: number | null } {
  if (kind === 'rate') return { value: (j.observed.value - j.baseline.value) * 100, unit: 'points', ratio: null };
  const now = Math.exp(j.observed.value);
  const before = Math.exp(j.baseline.value);
  return { value: now - before, unit: 'seconds', ratio: now / before };
}

/**
 * One sentence: what moved, where, from what to what over which days, and how likely chance is.
 * The days are named (not "since"): the sentence is kept and read later, when "since May 11" would
 * pass an early window's 99 tickets off as the state now.
 */
export function sentence(s: SeriesHead, j: Judgement, since: string, until: string): string {
  const worse = s.bad === 'up' ? 'rose' : 'fell';
  const from = formatValue(s.kind, metricValue(s.kind, j.baseline.value));
  const to = formatValue(s.kind, metricValue(s.kind, j.observed.value));
  const unitN = s.metric === 'csatTop2Box' ? 'answers' : 'tickets';
  const ratio = s.kind === 'logMean' ? ` (×${(Math.exp(j.observed.value - j.baseline.value)).toFixed(2)})` : '';
  const mixNote = Math.abs(metricValue(s.kind, j.expected) - metricValue(s.kind, j.baseline.value)) > (s.kind === 'rate' ? 0.01 : 0.05 * Math.exp(j.baseline.value))
    ? `; ${formatValue(s.kind, metricValue(s.kind, j.expected))} was expected for this mix of tickets`
    : '';
  return `${seriesName(s.metric, s.path, s.segment)} ${worse} from ${from} (${j.baseline.n.toLocaleString('en-US')} ${unitN}) to ${to}${ratio} (${j.observed.n.toLocaleString('en-US')} ${unitN}) ${dayspan(since, until)}${mixNote}; ${chanceInWords(j.pValue)}.`;
}
export type SeriesHead = Pick<Series, 'metric' | 'path' | 'segment' | 'bad' | 'kind'>;

/** Repeat contacts of a ticket are known 7 days after it is resolved; tickets of `day` by then. */
export const REPEAT_JUDGED_AFTER_DAYS = 8;

export interface DetailsInput {
  series: Series;
  detection: Detection;
  zone: string;
  /** Segments whose own excursion this one explains. */
  alsoSeenIn: string[];
  /** Other metrics of the same tickets that moved with it. */
  alsoMoved: AlertMetric[];
  /** The series' other metrics that cannot be judged yet for the same tickets. */
  pending: { metric: AlertMetric; judgedFrom: string }[];
}

export function alertDetails({ series: s, detection: d, zone, alsoSeenIn, alsoMoved, pending }: DetailsInput): AlertDetails {
  const j = d.judgement;
  const isRate = s.kind === 'rate';
  const b = isRate ? wilsonInterval(j.baseline.s1, j.baseline.n) : null;
  const c = isRate ? wilsonInterval(j.observed.s1, j.observed.n) : null;
  const [dim, value] = splitSegment(s.segment);
  const drillDown: Record<string, string> = { from: d.startDay, to: addDays(d.detectedDay, 1), tz: zone, ...(s.path === ALL_PATHS ? {} : { path: s.path }), ...ALERT_DRILL[s.metric].predicates };
  if (dim && value) drillDown[dim] = joinFilterValues([value]);
  const movedText = alsoMoved.map((m) => ` The ${METRIC_NAME[m]} moved with it (the same tickets).`).join('');
  const pendingText = pending.map((p) => ` ${seriesName(p.metric, s.path, s.segment)} for these tickets can be judged from ${longDay(p.judgedFrom)} (7 days after they are resolved).`).join('');
  return {
    metric: s.metric,
    path: s.path,
    segment: s.segment,
    rule: 'window',
    bad: s.bad,
    startedOn: d.startDay,
    detectedOn: d.detectedDay,
    baseline: { value: metricValue(s.kind, j.baseline.value), n: j.baseline.n, low: b?.low ?? null, high: b?.high ?? null },
    current: { value: metricValue(s.kind, j.observed.value), n: j.observed.n, low: c?.low ?? null, high: c?.high ?? null },
    expected: metricValue(s.kind, j.expected),
    change: changeOf(s.kind, j),
    z: j.z,
    pValue: j.pValue,
    chance: chanceInWords(j.pValue),
    effectSize: isRate ? cohensH(j.baseline.value, j.observed.value) : Math.exp(j.observed.value - j.baseline.value),
    effectSizeKind: isRate ? 'cohens-h' : 'ratio',
    drillDown,
    alsoSeenIn,
    alsoMoved,
    pending,
    summary: sentence(s, j, d.startDay, d.detectedDay) + movedText + pendingText,
  };
}

/** Cohen's h: the effect size of a change between two proportions (0.2 small, 0.5 medium, 0.8 large). */
export function cohensH(p1: number, p2: number): number {
  return 2 * Math.asin(Math.sqrt(Math.min(Math.max(p2, 0), 1))) - 2 * Math.asin(Math.sqrt(Math.min(Math.max(p1, 0), 1)));
}
