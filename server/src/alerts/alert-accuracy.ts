// How well the alerts work, measured on simulated stories (alert-simulation.ts): false alarms on
// stable stories per metric, and for injected regressions the days of data needed to alert and
// the other alerts raised meanwhile. Shared by `npm run bench:alert-accuracy` and the spec.
import type { AlertMetric } from '../contract';
import { DEFAULT_DETECTOR, DetectorConfig } from '../stats/alert-detection';
import { findAlerts } from './alert-evaluation';
import { ALERT_METRICS, buildSeries } from './alert-series';
import { Regression, SimStory, simulate, stableStories } from './alert-simulation';

/** The last days of a story are judged, as an evaluation judges its last 90 days. */
export const JUDGED_DAYS = 90;

export interface FalseAlarmResult {
  stories: number;
  segmentsPerStory: number;
  /** Alerts per metric over every story's last 90 days. */
  alerts: Record<AlertMetric, number>;
  /** alerts / (stories x segments): the budget is 0.1 per metric. */
  perSegmentPer90Days: Record<AlertMetric, number>;
  examples: string[];
}

export function falseAlarms(seeds: number, cfg: DetectorConfig = DEFAULT_DETECTOR, onStory?: () => void): FalseAlarmResult {
  const alerts = Object.fromEntries(ALERT_METRICS.map((m) => [m, 0])) as Record<AlertMetric, number>;
  const examples: string[] = [];
  let stories = 0;
  let segments = 0;
  for (let seed = 1; seed <= seeds; seed++) {
    for (const st of stableStories(seed)) {
      const { rows, days } = simulate(st);
      for (const f of findAlerts(buildSeries(rows, days), cfg)) {
        if (f.detection.endIndex < days.length - JUDGED_DAYS) continue;
        alerts[f.series.metric]++;
        if (examples.length < 20) examples.push(`story ${st.seed} (${st.perDay.join('-')}/day): ${f.series.key} ${f.detection.startDay}..${f.detection.detectedDay} z=${f.detection.judgement.z.toFixed(2)}`);
      }
      stories++;
      segments = 1 + st.channels.length + st.categories.length;
      onStory?.();
    }
  }
  const perSegmentPer90Days = Object.fromEntries(ALERT_METRICS.map((m) => [m, alerts[m] / (stories * segments)])) as Record<AlertMetric, number>;
  return { stories, segmentsPerStory: segments, alerts, perSegmentPer90Days, examples };
}

export interface DetectionCase {
  label: string;
  regression: Omit<Regression, 'startDay'>;
  perDay: number;
  csatResponse?: number;
}

export interface DetectionResult {
  label: string;
  runs: number;
  /** Days of data from the regression's first day to the alert (1 = alerted at the end of that day). */
  medianDays: number | null;
  within3Days: number;
  missed: number;
  /** Alerts on other series than the regressed one (or the segments it explains), per run. */
  otherAlertsPerRun: number;
  /** Mean daily n of the regressed series (answers or tickets) before the regression. */
  nPerDay: number;
}

export function detection(c: DetectionCase, runs: number, cfg: DetectorConfig = DEFAULT_DETECTOR): DetectionResult {
  const delays: number[] = [];
  let others = 0;
  let within3 = 0;
  let nSum = 0;
  const startDay = 110;
  for (let run = 1; run <= runs; run++) {
    const story: SimStory = {
      ...stableStories(run)[0], seed: 7000 + run, days: 125, perDay: [c.perDay, c.perDay], aiShare: [0.5, 0.6],
      csatResponse: c.csatResponse ?? 0.3, regression: { ...c.regression, startDay },
    };
    const { rows, days } = simulate(story);
    const series = buildSeries(rows, days);
    const found = findAlerts(series, cfg).filter((f) => f.detection.endIndex >= days.length - JUDGED_DAYS);
    const key = `${c.regression.metric}|${c.regression.metric === 'escalationRate' ? 'escalated' : c.regression.path}|category:${c.regression.category}`;
    const target = series.find((s) => s.key === key);
    for (const d of target?.days.slice(startDay - 28, startDay) ?? []) for (const cell of d.cells.values()) nSum += cell.n / 28;
    // Alerted on the series itself, or on a wider one that this series' excursion explains.
    const hit = found.find((f) => (f.series.key === key || f.explained.includes(key)) && f.detection.endIndex >= startDay);
    if (hit) {
      const d = hit.detection.endIndex - startDay + 1;
      delays.push(d);
      if (d <= 3) within3++;
    }
    others += found.filter((f) => f !== hit).length;
  }
  delays.sort((a, b) => a - b);
  return {
    label: c.label, runs, medianDays: delays.length ? delays[Math.floor((delays.length - 1) / 2)] : null,
    within3Days: within3, missed: runs - delays.length, otherAlertsPerRun: others / runs, nPerDay: nSum / runs,
  };
}

/** Regressions the figures are given for; 25 CSAT answers a day in the category is the check. */
export const DETECTION_CASES: DetectionCase[] = [
  { label: 'AI CSAT top-2 -30 pt, shipping', regression: { category: 'shipping', path: 'ai', metric: 'csatTop2Box', size: 0.3 }, perDay: 800 },
  { label: 'AI CSAT top-2 -20 pt, shipping', regression: { category: 'shipping', path: 'ai', metric: 'csatTop2Box', size: 0.2 }, perDay: 800 },
  { label: 'AI CSAT top-2 -10 pt, shipping', regression: { category: 'shipping', path: 'ai', metric: 'csatTop2Box', size: 0.1 }, perDay: 800 },
  { label: 'CSAT top-2 -30 pt on every path, payments', regression: { category: 'payments', path: 'all', metric: 'csatTop2Box', size: 0.3 }, perDay: 1100 },
  { label: 'Human CSAT top-2 -20 pt, technical', regression: { category: 'technical', path: 'human', metric: 'csatTop2Box', size: 0.2 }, perDay: 1100 },
  { label: 'AI reopen rate +10 pt, payments', regression: { category: 'payments', path: 'ai', metric: 'reopenRate', size: 0.1 }, perDay: 400 },
  { label: 'AI reopen rate +5 pt, payments', regression: { category: 'payments', path: 'ai', metric: 'reopenRate', size: 0.05 }, perDay: 400 },
  { label: 'AI reopen rate +5 pt, payments (5x the volume)', regression: { category: 'payments', path: 'ai', metric: 'reopenRate', size: 0.05 }, perDay: 2000 },
  { label: 'Escalation rate +15 pt, account', regression: { category: 'account', path: 'ai', metric: 'escalationRate', size: 0.15 }, perDay: 400 },
  { label: 'Human handle time x1.3, disputes', regression: { category: 'disputes', path: 'human', metric: 'handleTime', size: 1.3 }, perDay: 400 },
  { label: 'AI repeat contact +15 pt, billing', regression: { category: 'billing', path: 'ai', metric: 'repeatContactRate', size: 0.15 }, perDay: 400 },
];
