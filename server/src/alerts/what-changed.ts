// "What changed": every watched series, its recent days judged against its baseline with the same
// statistics as the alerts, worst first. Pure: series in, ranked rows out.
import type { ChangeRow } from '../contract';
import { DEFAULT_DETECTOR, DetectorConfig, Judgement, judgeWindow } from '../stats/alert-detection';
import { chanceInWords } from '../stats/tail-scores';
import { addDays } from '../stats/time-range';
import { ALL_PATHS, REPEAT_JUDGED_AFTER_DAYS, Series, changeOf, metricValue, seriesName, splitSegment } from './alert-series';
import { joinFilterValues } from '../contract/filter-list';

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

/**
 * worse: alert-grade (beyond the limit and the floor); watch: beyond 3 standard deviations, not yet
 * alert-grade; minor: beyond the limit but smaller than the floor of practical significance;
 * better: as far the other way; steady otherwise.
 */
export function verdictOf(j: Judgement | null, limit: number): ChangeRow['verdict'] {
  if (!j) return 'not judged';
  if (j.z >= limit) return j.practical ? 'worse' : 'minor';
  if (j.z >= 3) return 'watch';
  if (j.z <= -limit) return 'better';
  return 'steady';
}

/** A window's tickets (or answers) and its value, as the daily list counts them. */
function windowOf(s: Series, from: number, to: number): { value: number | null; n: number } {
  let n = 0;
  let s1 = 0;
  for (const d of s.days.slice(from, to)) for (const c of d.cells.values()) (n += c.n), (s1 += c.s1);
  return { value: n > 0 ? metricValue(s.kind, s1 / n) : null, n };
}

const RANK: Record<ChangeRow['verdict'], number> = { worse: 0, watch: 1, minor: 2, steady: 3, better: 4, 'not judged': 5 };

export interface AlertRef {
  id: string;
  startedOn: string;
}

/**
 * Ranks series by how far their recent days sit from their baseline (z, positive = worse). The
 * baseline is the 28 days that end `cfg.baselineGapDays` before the recent days, moved back to
 * before an open alert's first day (the change is judged against the days before it began), and to
 * the detector's own when there are no tickets that far back. Repeat contact is judged on the latest
 * days whose 7-day window has closed, and says so.
 */
export function rankChanges(
  series: readonly Series[], w: ChangesWindow,
  opts: {
    zone: string;
    filters: Record<string, string>;
    alerts: ReadonlyMap<string, AlertRef>;
    cfg?: DetectorConfig;
    /** Days repeat contact is judged back from the recent days: 8, less for a range long past. */
    repeatShift?: number;
  },
): ChangeRow[] {
  const cfg = opts.cfg ?? DEFAULT_DETECTOR;
  const rows = series.map((s): ChangeRow => {
    const shift = s.metric === 'repeatContactRate' ? (opts.repeatShift ?? REPEAT_JUDGED_AFTER_DAYS) : 0;
    const start = Math.max(0, w.start - shift);
    const end = Math.max(start + 1, w.end - shift);
    const alert = opts.alerts.get(s.key);
    const alertStart = alert ? s.days.findIndex((d) => d.day === alert.startedOn) : -1;
    const gaps = [
      ...(alertStart >= 0 && alertStart < start ? [start - alertStart + DEFAULT_DETECTOR.baselineGapDays] : []),
      cfg.baselineGapDays,
      DEFAULT_DETECTOR.baselineGapDays,
    ];
    let j: Judgement | null = null;
    let gap = cfg.baselineGapDays;
    for (const g of gaps) {
      j = judgeWindow(s.days, start, end, s.kind, s.bad, { ...cfg, baselineGapDays: g });
      gap = g;
      if (j) break;
    }
    const from = s.days[start]?.day ?? '';
    const to = s.days[end - 1] ? addDays(s.days[end - 1].day, 1) : from;
    const dailyFrom = Math.max(0, start - gap - cfg.baselineDays);
    const daily = s.days.slice(dailyFrom, end).map((d, i) => ({ day: d.day, ...windowOf(s, dailyFrom + i, dailyFrom + i + 1) }));
    const [dim, value] = splitSegment(s.segment);
    const drillDown: Record<string, string> = { ...opts.filters, from, to, tz: opts.zone, ...(s.path === ALL_PATHS ? {} : { path: s.path }), ...DRILL_BY_METRIC[s.metric] };
    if (dim && value) drillDown[dim] = joinFilterValues([value]);
    const baseFrom = s.days[Math.max(0, start - gap - cfg.baselineDays)]?.day;
    // Not judged: the two windows' own counts all the same (n 0 beside a daily list adding up to
    // 1,966 read as "no tickets"), and which side is short.
    const plain = j ? null : { now: windowOf(s, start, end), baseline: windowOf(s, Math.max(0, start - gap - cfg.baselineDays), Math.max(0, start - gap)) };
    const notes = [
      !j ? (plain!.baseline.n === 0 && plain!.now.n > 0 ? `no tickets ${baseFrom && start - gap > 0 ? `from ${baseFrom} to ${s.days[start - gap - 1].day}` : 'before these days'} to compare with` : 'too few tickets to judge') : null,
      j && shift > 0 ? `judged on tickets created ${from} to ${addDays(to, -1)}: later ones are inside their 7-day window` : null,
      j && gap === gaps[0] && gaps.length === 3 ? `against the 28 days before its alert began (${alert!.startedOn})` : null,
      j && gap !== gaps[0] ? `against ${baseFrom} to ${addDays(from, -gap - 1)}: too few tickets before ${gaps.length === 3 ? 'its alert' : 'the range'}` : null,
    ].filter((x): x is string => x !== null);
    return {
      key: s.key,
      metric: s.metric,
      path: s.path,
      segment: s.segment,
      name: seriesName(s.metric, s.path, s.segment),
      unit: s.kind === 'rate' ? 'rate' : 'seconds',
      bad: s.bad,
      verdict: verdictOf(j, cfg.limit),
      baseline: j ? { value: metricValue(s.kind, j.baseline.value), n: j.baseline.n } : plain!.baseline,
      now: { ...(j ? { value: metricValue(s.kind, j.observed.value), n: j.observed.n } : plain!.now), from, to },
      expected: j ? metricValue(s.kind, j.expected) : null,
      change: j ? changeOf(s.kind, j) : null,
      z: j ? j.z : null,
      pValue: j ? j.pValue : null,
      chance: j ? chanceInWords(j.pValue) : null,
      note: notes.length > 0 ? notes.join('; ') : null,
      daily,
      alertId: alert?.id ?? null,
      drillDown,
    };
  });
  // Worst first; series that cannot be judged last.
  return rows.sort((a, b) => RANK[a.verdict] - RANK[b.verdict] || (b.z ?? -Infinity) - (a.z ?? -Infinity) || a.key.localeCompare(b.key));
}
