// "What changed": every watched series, its recent days judged against its baseline with the same
// statistics as the alerts, worst first. Pure: series in, ranked rows out.
import type { ChangeRow } from '../contract';
import { DEFAULT_DETECTOR, DetectorConfig, Judgement, chanceInWords, judgeWindow } from '../stats/alert-detection';
import { addDays } from '../stats/time-range';
import { ALL_PATHS, REPEAT_JUDGED_AFTER_DAYS, Series, changeOf, metricValue, seriesName, splitSegment } from './alert-series';

export interface ChangesWindow {
  /** Index of the first recent day in each series' days, and one past the last. */
  start: number;
  end: number;
}

const DRILL_BY_METRIC: Record<string, Record<string, string>> = {
  csatTop2Box: { resolved: 'true', hasCsat: 'true' },
  repeatContactRate: { resolved: 'true', repeatContact: 'true' },
  reopenRate: { resolved: 'true', reopened: 'true' },
  escalationRate: { path: 'escalated' },
  aiResolutionRate: {},
  handleTime: { resolved: 'true', sort: 'handleSeconds', order: 'desc' },
};

function verdictOf(j: Judgement | null, limit: number): ChangeRow['verdict'] {
  if (!j) return 'not judged';
  if (j.practical && j.z >= limit) return 'worse';
  if (j.z <= -limit) return 'better';
  return 'steady';
}

/**
 * Ranks series by how far their recent days sit from their baseline (z, positive = worse). Repeat
 * contact is judged on the latest days whose 7-day window has closed, and says so.
 */
export function rankChanges(
  series: readonly Series[], w: ChangesWindow, opts: { zone: string; filters: Record<string, string>; alerts: ReadonlyMap<string, string>; cfg?: DetectorConfig },
): ChangeRow[] {
  const cfg = opts.cfg ?? DEFAULT_DETECTOR;
  const rows = series.map((s): ChangeRow => {
    const shift = s.metric === 'repeatContactRate' ? REPEAT_JUDGED_AFTER_DAYS : 0;
    const start = Math.max(0, w.start - shift);
    const end = Math.max(start + 1, w.end - shift);
    const j = judgeWindow(s.days, start, end, s.kind, s.bad, cfg);
    const from = s.days[start]?.day ?? '';
    const to = s.days[end - 1] ? addDays(s.days[end - 1].day, 1) : from;
    const dailyFrom = Math.max(0, start - cfg.baselineGapDays - cfg.baselineDays);
    const daily = s.days.slice(dailyFrom, end).map((d) => {
      let n = 0;
      let s1 = 0;
      for (const c of d.cells.values()) {
        n += c.n;
        s1 += c.s1;
      }
      return { day: d.day, value: n > 0 ? metricValue(s.kind, s1 / n) : null, n };
    });
    const [dim, value] = splitSegment(s.segment);
    const drillDown: Record<string, string> = { ...opts.filters, from, to, tz: opts.zone, ...(s.path === ALL_PATHS ? {} : { path: s.path }), ...DRILL_BY_METRIC[s.metric] };
    if (dim && value) drillDown[dim] = value;
    const note = !j
      ? 'too few tickets to judge'
      : shift > 0
        ? `judged on tickets created ${from} to ${addDays(to, -1)}: later ones are inside their 7-day window`
        : null;
    return {
      key: s.key,
      metric: s.metric,
      path: s.path,
      segment: s.segment,
      name: seriesName(s.metric, s.path, s.segment),
      unit: s.kind === 'rate' ? 'rate' : 'seconds',
      bad: s.bad,
      verdict: verdictOf(j, cfg.limit),
      baseline: { value: j ? metricValue(s.kind, j.baseline.value) : null, n: j?.baseline.n ?? 0 },
      now: { value: j ? metricValue(s.kind, j.observed.value) : null, n: j?.observed.n ?? 0, from, to },
      expected: j ? metricValue(s.kind, j.expected) : null,
      change: j ? changeOf(s.kind, j) : null,
      z: j ? j.z : null,
      pValue: j ? j.pValue : null,
      chance: j ? chanceInWords(j.pValue) : null,
      note,
      daily,
      alertId: opts.alerts.get(s.key) ?? null,
      drillDown,
    };
  });
  // Worst first; series that cannot be judged last.
  return rows.sort((a, b) => (b.z ?? -Infinity) - (a.z ?? -Infinity) || a.key.localeCompare(b.key));
}
