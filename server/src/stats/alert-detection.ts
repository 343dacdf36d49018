// Statistical judgement of quality series (docs/ALERTS.md). Pure functions: daily cells in,
// judgements and detections out; the simulation in `npm run bench:alert-accuracy` and the
// scenario tables in alert-detection.spec.ts measure their false alarms and delays.
//
// One method for every metric. A series is a day-by-day list of cells, one per stratum (a
// channel x category pair), each holding n, the sum of the values and the sum of their squares (a
// rate's value is 0 or 1; handle time's is ln(seconds)). A window of recent days is judged against
// a baseline of the 28 days that end 3 days before it:
//   - expected value: each stratum's own baseline (shrunk towards the series' pooled baseline when
//     it has few tickets), weighted by the window's own mix, so a change of mix alone raises nothing;
//   - variance: the within-stratum variance over the window's n (limits follow n), times the
//     over-dispersion the baseline days show beyond that (real days vary more than coin flips),
//     plus the baseline's own uncertainty;
//   - rates are scored with the signed root of a 2x2 likelihood-ratio statistic (tail-scores.ts),
//     which keeps its meaning for rare events where the normal approximation does not.
// An alert needs a window of 2 or more days that both starts and ends on a bad day, whose score is
// beyond `limit` and whose change is beyond the floor of practical significance.

import { normalCdf, signedRootG } from './tail-scores';

export type Direction = 'up' | 'down'; // which way is bad
export type SeriesKind = 'rate' | 'logMean';

/** One stratum's sums over a day (or any period). For a rate, s1 = s2 = the count of events. */
export interface Cell {
  n: number;
  s1: number;
  s2: number;
}

/** One day of a series: its cells by stratum key ("channel|category"). */
export interface SeriesDay {
  day: string;
  cells: ReadonlyMap<string, Cell>;
}

export interface Floors {
  /** A rate must move by at least this much (0.03 = 3 points). */
  ratePoints: number;
  /** Handle time must grow by at least this factor... */
  handleRatio: number;
  /** ...and by at least this many seconds. */
  handleSeconds: number;
}

export interface DetectorConfig {
  baselineDays: number;
  /** Days just before a window left out of its baseline, so a new shift does not leak into it. */
  baselineGapDays: number;
  /** Baseline days with data needed before anything is judged. */
  minBaselineDays: number;
  /** Observations a baseline needs in all. */
  minBaselineN: number;
  /** Observations a window needs in all. */
  minWindowN: number;
  /** Window lengths tried, in days (each at least 2: one day alone never alerts). */
  windows: readonly number[];
  /** Score (in standard deviations, one-sided) a window must exceed. */
  limit: number;
  /** Window lengths with a limit of their own (days -> limit). */
  windowLimits: Readonly<Record<number, number>>;
  /** Pseudo-observations by which a stratum's baseline leans on the series' pooled baseline. */
  priorWeight: number;
  /** After an alert, days before the same series may alert again (and it must first recover). */
  cooldownDays: number;
  floors: Floors;
}

export const DEFAULT_FLOORS: Floors = { ratePoints: 0.03, handleRatio: 1.15, handleSeconds: 30 };

export const DEFAULT_DETECTOR: DetectorConfig = {
  baselineDays: 28,
  baselineGapDays: 3,
  minBaselineDays: 14,
  minBaselineN: 30,
  minWindowN: 8,
  windows: [2, 3, 4, 5, 7, 10, 14],
  limit: 4.5,
  // None by default. Measured (docs/ALERTS.md): a 3-day limit of 4.0 alerts a 30-point CSAT drop at
  // 26 answers a day within 3 days in 26 of 30 runs instead of 23, for twice the false alarms, and
  // raised one on the demo's stable part.
  windowLimits: {},
  priorWeight: 20,
  cooldownDays: 7,
  floors: DEFAULT_FLOORS,
};

/** A window judged against its baseline. Values are on the series' scale (a rate, or a mean log). */
export interface Judgement {
  /** Positive = worse, in standard deviations. */
  z: number;
  /** One-sided probability that chance alone gives a score this bad. */
  pValue: number;
  observed: { value: number; n: number; s1: number };
  /** The window's expected value: the baseline of each stratum, in the window's mix. */
  expected: number;
  /** The pooled baseline of the series (what a person would call "before"). */
  baseline: { value: number; n: number; s1: number };
  /** Over-dispersion factor found in the baseline days (1 = plain sampling noise). */
  dispersion: number;
  /** The change passes the floor of practical significance. */
  practical: boolean;
}

export interface Detection {
  startIndex: number;
  endIndex: number;
  startDay: string;
  detectedDay: string;
  judgement: Judgement;
}

export type Keep = (stratum: string) => boolean;
const ALL: Keep = () => true;

/**
 * A series prepared for judging: per stratum, prefix sums over days of n, s1 and s2, so any run of
 * days sums in O(strata). Strata left out by `keep` are dropped here.
 */
export interface Prepared {
  days: readonly SeriesDay[];
  strata: number;
  /** (day d, stratum k, field f) at ((d * strata) + k) * 3 + f; prefix at d covers days [0, d). */
  prefix: Float64Array;
  /** Daily totals n per day (all kept strata). */
  dayN: Float64Array;
}

export function prepare(days: readonly SeriesDay[], keep: Keep = ALL): Prepared {
  const index = new Map<string, number>();
  for (const d of days) for (const [k, c] of d.cells) if (c.n > 0 && !index.has(k) && keep(k)) index.set(k, index.size);
  const S = index.size;
  const D = days.length;
  const prefix = new Float64Array((D + 1) * S * 3);
  const dayN = new Float64Array(D);
  for (let d = 0; d < D; d++) {
    const base = d * S * 3;
    const next = (d + 1) * S * 3;
    for (let i = 0; i < S * 3; i++) prefix[next + i] = prefix[base + i];
    for (const [k, c] of days[d].cells) {
      const j = index.get(k);
      if (j === undefined || c.n <= 0) continue;
      prefix[next + j * 3] += c.n;
      prefix[next + j * 3 + 1] += c.s1;
      prefix[next + j * 3 + 2] += c.s2;
      dayN[d] += c.n;
    }
  }
  return { days, strata: S, prefix, dayN };
}

/** n, s1, s2 of stratum k over days [from, to). */
function sums(p: Prepared, k: number, from: number, to: number, out: Float64Array): void {
  const a = (from * p.strata + k) * 3;
  const b = (to * p.strata + k) * 3;
  out[0] = p.prefix[b] - p.prefix[a];
  out[1] = p.prefix[b + 1] - p.prefix[a + 1];
  out[2] = p.prefix[b + 2] - p.prefix[a + 2];
}

export interface Baseline {
  /** Per stratum: expected value, within variance, weight (n + prior). */
  value: Float64Array;
  variance: Float64Array;
  weight: Float64Array;
  pooled: { value: number; variance: number; n: number; s1: number };
  dispersion: number;
}

/** A rate kept off 0 and 1 by half an observation, so a baseline of 0% still has a spread. */
const clampRate = (p: number, n: number) => Math.min(Math.max(p, 0.5 / (n + 1)), 1 - 0.5 / (n + 1));

/** The baseline of a window that starts at index `start`, or null when there is too little of it. */
export function baselineFor(p: Prepared, start: number, kind: SeriesKind, cfg: DetectorConfig): Baseline | null {
  const to = start - cfg.baselineGapDays;
  const from = to - cfg.baselineDays;
  if (from < 0) return null;
  let withData = 0;
  for (let i = from; i < to; i++) if (p.dayN[i] > 0) withData++;
  if (withData < cfg.minBaselineDays) return null;
  const S = p.strata;
  const c = new Float64Array(3);
  let tn = 0;
  let ts1 = 0;
  let ts2 = 0;
  const cn = new Float64Array(S);
  const cs1 = new Float64Array(S);
  const cs2 = new Float64Array(S);
  for (let k = 0; k < S; k++) {
    sums(p, k, from, to, c);
    cn[k] = c[0];
    cs1[k] = c[1];
    cs2[k] = c[2];
    tn += c[0];
    ts1 += c[1];
    ts2 += c[2];
  }
  if (tn < cfg.minBaselineN) return null;
  const mu = kind === 'rate' ? clampRate(ts1 / tn, tn) : ts1 / tn;
  const pooledVar = kind === 'rate' ? mu * (1 - mu) : Math.max(ts2 / tn - mu * mu, 1e-4);
  const m = cfg.priorWeight;
  const value = new Float64Array(S);
  const variance = new Float64Array(S);
  const weight = new Float64Array(S);
  for (let k = 0; k < S; k++) {
    const v = (cs1[k] + m * mu) / (cn[k] + m);
    value[k] = v;
    const within = kind === 'rate' ? v * (1 - v) : ((cn[k] > 0 ? Math.max(cs2[k] - (cs1[k] * cs1[k]) / cn[k], 0) : 0) + m * pooledVar) / (cn[k] + m);
    variance[k] = Math.max(within, 1e-6);
    weight[k] = cn[k] + m;
  }
  const b: Baseline = { value, variance, weight, pooled: { value: mu, variance: pooledVar, n: tn, s1: ts1 }, dispersion: 1 };
  // Over-dispersion: how much more the baseline days scatter than sampling alone explains. A
  // winsorised mean of squared day scores, so one wild day cannot blind the detector.
  let z2 = 0;
  let count = 0;
  for (let i = from; i < to; i++) {
    if (p.dayN[i] < 5) continue;
    const s = score(p, i, i + 1, b);
    if (!s) continue;
    z2 += Math.min((s.obs - s.exp) ** 2 / s.sampling, 9);
    count++;
  }
  if (count >= 7) b.dispersion = Math.max(1, z2 / count / 0.9888);
  return b;
}

const scratch = new Float64Array(3);

/** Observed vs expected over days [from, to), with the sampling and baseline parts of the variance. */
function score(p: Prepared, from: number, to: number, b: Baseline) {
  let n = 0;
  let s1 = 0;
  let expected = 0;
  let sampling = 0;
  let base = 0;
  for (let k = 0; k < p.strata; k++) {
    sums(p, k, from, to, scratch);
    const cn = scratch[0];
    if (cn <= 0) continue;
    n += cn;
    s1 += scratch[1];
    expected += cn * b.value[k];
    sampling += cn * b.variance[k];
    base += (cn * cn * b.variance[k]) / b.weight[k];
  }
  if (n === 0) return null;
  return { n, s1, obs: s1 / n, exp: expected / n, sampling: sampling / (n * n), base: base / (n * n) };
}

/** Judges days [start, end) of a prepared series against the baseline before `start`. */
export function judgePrepared(p: Prepared, start: number, end: number, kind: SeriesKind, bad: Direction, cfg: DetectorConfig, baseline?: Baseline | null): Judgement | null {
  const b = baseline === undefined ? baselineFor(p, start, kind, cfg) : baseline;
  if (!b) return null;
  const s = score(p, start, end, b);
  if (!s || s.n < cfg.minWindowN) return null;
  const sign = bad === 'up' ? 1 : -1;
  const variance = b.dispersion * (s.sampling + s.base);
  let z = (sign * (s.obs - s.exp)) / Math.sqrt(variance);
  if (kind === 'rate' && s.base > 0) {
    // Counts of rare events are skewed (a 3% rate's upper tail is far longer than the normal's),
    // and so is a baseline estimated from few of them. The window is compared with its expected
    // rate as with a baseline sample of the same uncertainty, by the signed root of the 2x2
    // likelihood-ratio statistic (continuity-corrected), then widened by the dispersion.
    const e = clampRate(s.exp, s.n);
    const nb = (e * (1 - e)) / s.base;
    z = (sign * signedRootG(s.s1, s.n, e * nb, nb)) / Math.sqrt(b.dispersion);
  }
  const change = sign * (s.obs - s.exp);
  const practical = kind === 'rate'
    ? change >= cfg.floors.ratePoints - 1e-12
    : Math.exp(change) >= cfg.floors.handleRatio && sign * (Math.exp(s.obs) - Math.exp(s.exp)) >= cfg.floors.handleSeconds;
  return {
    z,
    pValue: 1 - normalCdf(z),
    observed: { value: s.obs, n: s.n, s1: s.s1 },
    expected: s.exp,
    baseline: { value: b.pooled.s1 / b.pooled.n, n: b.pooled.n, s1: b.pooled.s1 },
    dispersion: b.dispersion,
    practical,
  };
}

/** Judges days [start, end) of a series against the baseline before `start`. */
export function judgeWindow(days: readonly SeriesDay[], start: number, end: number, kind: SeriesKind, bad: Direction, cfg: DetectorConfig = DEFAULT_DETECTOR, keep: Keep = ALL): Judgement | null {
  return judgePrepared(prepare(days, keep), start, end, kind, bad, cfg);
}

/** The sign of one day against a baseline (positive = worse), or 0 without data. */
function dayDirection(p: Prepared, i: number, b: Baseline, bad: Direction): number {
  if (p.dayN[i] <= 0) return 0;
  const s = score(p, i, i + 1, b);
  if (!s) return 0;
  return Math.sign((bad === 'up' ? 1 : -1) * (s.obs - s.exp));
}

/**
 * Every excursion of a series: for each day, the windows that end on it are judged and the worst one
 * that passes both tests fires. A series that fired stays quiet until the cooldown has passed and a
 * 7-day window no longer stands out (z < 1): one excursion, one alert.
 */
export function detectShifts(days: readonly SeriesDay[], kind: SeriesKind, bad: Direction, cfg: DetectorConfig = DEFAULT_DETECTOR, keep: Keep = ALL): Detection[] {
  const p = prepare(days, keep);
  if (p.strata === 0) return [];
  const baselines: (Baseline | null | undefined)[] = new Array(days.length);
  const baselineAt = (s: number) => (baselines[s] === undefined ? (baselines[s] = baselineFor(p, s, kind, cfg)) : baselines[s]);
  const out: Detection[] = [];
  let latched = false;
  let cooldownUntil = -1;
  let lastEnd = -1; // a new excursion starts after the recovery of the last one
  for (let end = 0; end < days.length; end++) {
    if (p.dayN[end] <= 0) continue;
    if (latched) {
      // Recovered: the last 7 days no longer stand out (or the baseline has caught up with a
      // lasting change). A few quiet days of a thin series are not a recovery.
      if (end <= cooldownUntil || end < 6) continue;
      const b = baselineAt(end - 6);
      const back = b ? judgePrepared(p, end - 6, end + 1, kind, bad, cfg, b) : null;
      if (back && back.z < 1) {
        latched = false;
        lastEnd = end;
      }
      continue;
    }
    let best: Detection | null = null;
    for (const k of cfg.windows) {
      const start = end - k + 1;
      if (start <= lastEnd || start < 0 || p.dayN[start] <= 0) continue;
      const b = baselineAt(start);
      if (!b) continue;
      if (dayDirection(p, end, b, bad) <= 0 || dayDirection(p, start, b, bad) <= 0) continue;
      const j = judgePrepared(p, start, end + 1, kind, bad, cfg, b);
      if (!j || !j.practical || j.z < (cfg.windowLimits[k] ?? cfg.limit)) continue;
      if (!best || j.z > best.judgement.z) best = { startIndex: start, endIndex: end, startDay: days[start].day, detectedDay: days[end].day, judgement: j };
    }
    if (best) {
      out.push(best);
      latched = true;
      cooldownUntil = end + cfg.cooldownDays;
    }
  }
  return out;
}

/** Does the window of a detection still fire once some strata are left out? */
export function stillFires(days: readonly SeriesDay[], d: Detection, kind: SeriesKind, bad: Direction, keep: Keep, cfg: DetectorConfig = DEFAULT_DETECTOR): boolean {
  const j = judgeWindow(days, d.startIndex, d.endIndex + 1, kind, bad, cfg, keep);
  return !!j && j.practical && j.z >= (cfg.windowLimits[d.endIndex - d.startIndex + 1] ?? cfg.limit);
}
