// From daily rows to the series the detectors judge, and from a detection to what an alert says.
// Pure, so the demo-story test can check the whole chain without a database.
import type { AlertDetails, AlertMetric } from '../contract';
import { Detection, LogMeanDay, RateDay, cohensH } from '../stats/alert-detection';
import { wilsonInterval } from '../stats/rates';
import { addDays } from '../stats/time-range';
import type { DailyRow } from './daily-series.query';

export const ALERT_METRICS = ['csatTop2Box', 'repeatContactRate', 'reopenRate', 'escalationRate', 'aiResolutionRate', 'handleTime'] as const satisfies readonly AlertMetric[];
export type { AlertDetails, AlertMetric } from '../contract';

export interface Series {
  key: string;
  metric: AlertMetric;
  path: string;
  segment: string;
  bad: 'up' | 'down';
  rate?: RateDay[];
  logMean?: LogMeanDay[];
}

const PATHS = ['ai', 'escalated', 'human'];

export function buildSeries(rows: readonly DailyRow[], days: readonly string[]): Series[] {
  const at = new Map<string, DailyRow>();
  const segments = new Set<string>();
  for (const r of rows) {
    at.set(`${r.day}|${r.path}|${r.segment}`, r);
    segments.add(r.segment);
  }
  const get = (day: string, path: string, seg: string) => at.get(`${day}|${path}|${seg}`);
  const out: Series[] = [];
  const rate = (metric: AlertMetric, path: string, segment: string, bad: 'up' | 'down', f: (day: string) => { x: number; n: number }) =>
    out.push({ key: `${metric}|${path}|${segment}`, metric, path, segment, bad, rate: days.map((day) => ({ day, ...f(day) })) });
  for (const segment of segments) {
    for (const path of PATHS) {
      const r = (day: string) => get(day, path, segment);
      rate('csatTop2Box', path, segment, 'down', (d) => ({ x: r(d)?.csatTop2 ?? 0, n: r(d)?.csatN ?? 0 }));
      rate('repeatContactRate', path, segment, 'up', (d) => ({ x: r(d)?.repeat ?? 0, n: r(d)?.matured ?? 0 }));
      rate('reopenRate', path, segment, 'up', (d) => ({ x: r(d)?.reopened ?? 0, n: r(d)?.resolved ?? 0 }));
      out.push({
        key: `handleTime|${path}|${segment}`, metric: 'handleTime', path, segment, bad: 'up',
        logMean: days.map((day) => ({ day, n: r(day)?.handleN ?? 0, mean: r(day)?.handleN ? r(day)!.handleLogSum / r(day)!.handleN : 0 })),
      });
    }
    const involved = (d: string) => (get(d, 'ai', segment)?.tickets ?? 0) + (get(d, 'escalated', segment)?.tickets ?? 0);
    rate('escalationRate', 'escalated', segment, 'up', (d) => ({ x: get(d, 'escalated', segment)?.tickets ?? 0, n: involved(d) }));
    rate('aiResolutionRate', 'ai', segment, 'down', (d) => ({ x: get(d, 'ai', segment)?.resolved ?? 0, n: involved(d) }));
  }
  return out;
}

const DRILL: Record<AlertMetric, Record<string, string>> = {
  csatTop2Box: { resolved: 'true', hasCsat: 'true', csatMax: '3' },
  repeatContactRate: { resolved: 'true', repeatContact: 'true' },
  reopenRate: { resolved: 'true', reopened: 'true' },
  escalationRate: {},
  aiResolutionRate: { path: 'escalated' },
  handleTime: { resolved: 'true', sort: 'handleSeconds', order: 'desc' },
};

const LABEL: Record<AlertMetric, string> = {
  csatTop2Box: 'CSAT top-2-box',
  repeatContactRate: 'Repeat-contact rate',
  reopenRate: 'Reopen rate',
  escalationRate: 'Escalation rate',
  aiResolutionRate: 'AI resolution rate',
  handleTime: 'Handle time (geometric mean)',
};

export function alertDetails(s: Series, d: Detection): AlertDetails {
  const isRate = s.metric !== 'handleTime';
  const interval = (x: number, n: number) => (isRate ? wilsonInterval(x, n) : null);
  const b = interval(d.baseline.x, d.baseline.n);
  const c = interval(d.current.x, d.current.n);
  const [dim, value] = s.segment === 'all' ? [null, null] : s.segment.split(/:(.*)/s);
  const drillDown: Record<string, string> = { from: d.startDay, to: addDays(d.detectedDay, 1), path: s.path, ...DRILL[s.metric] };
  if (dim && value) drillDown[dim] = value;
  const fmt = (v: number) => (isRate ? `${(v * 100).toFixed(1)}%` : `${Math.round(v)} s`);
  const where = `${s.path} path${s.segment === 'all' ? '' : `, ${s.segment.replace(':', ' ')}`}`;
  return {
    metric: s.metric,
    path: s.path,
    segment: s.segment,
    rule: d.rule,
    bad: s.bad,
    startedOn: d.startDay,
    detectedOn: d.detectedDay,
    baseline: { value: d.baseline.value, n: d.baseline.n, low: b?.low ?? null, high: b?.high ?? null },
    current: { value: d.current.value, n: d.current.n, low: c?.low ?? null, high: c?.high ?? null },
    effectSize: isRate ? cohensH(d.baseline.value, d.current.value) : d.current.value / d.baseline.value,
    effectSizeKind: isRate ? 'cohens-h' : 'ratio',
    drillDown,
    summary: `${LABEL[s.metric]} on the ${where} went from ${fmt(d.baseline.value)} (n=${d.baseline.n}) to ${fmt(d.current.value)} (n=${d.current.n}) since ${d.startDay}`,
  };
}
