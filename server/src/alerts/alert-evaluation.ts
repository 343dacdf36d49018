// From series to the alerts people see: every series' excursions, then one alert per cause. An
// excursion of a wider segment (all tickets, a channel, all paths) that disappears once a narrower
// segment's tickets are left out is that segment's excursion seen again: it is folded into it
// ("also visible in"), so one bad category raises one alert, not one per channel it touches. A
// shift on several paths of one segment at once becomes one alert on all paths of that segment.
import type { AlertDetails, AlertMetric } from '../contract';
import { DEFAULT_DETECTOR, Detection, DetectorConfig, detectShifts, stillFires } from '../stats/alert-detection';
import { addDays } from '../stats/time-range';
import { ALL_PATHS, REPEAT_JUDGED_AFTER_DAYS, Series, alertDetails, outsideOf } from './alert-series';

export interface Found {
  series: Series;
  detection: Detection;
  alsoSeenIn: string[];
  /** Keys of the series whose excursions this one explains. */
  explained: string[];
  /** Other metrics of the same tickets that moved with it (a higher escalation rate is a lower AI resolution rate). */
  alsoMoved: AlertMetric[];
}

interface Raw {
  series: Series;
  detection: Detection;
}

interface Cause extends Raw {
  absorbed: Raw[];
}

const overlaps = (a: Detection, b: Detection) => a.startIndex <= b.endIndex + 3 && b.startIndex <= a.endIndex + 3;
/** `later` began while the excursion `k` was still going on (up to two weeks after it was alerted). */
const during = (k: Detection, later: Detection) => k.startIndex <= later.endIndex + 3 && later.startIndex <= k.endIndex + 14;

export function findAlerts(series: readonly Series[], cfg: DetectorConfig = DEFAULT_DETECTOR): Found[] {
  const raw = series.flatMap((s) => detectShifts(s.days, s.kind, s.bad, cfg).map((detection) => ({ series: s, detection })));
  // Earliest first, then strongest: the segment that carries a shift crosses the limit before the
  // wider ones that dilute it (a shift everywhere crosses it first on all tickets). Comparing
  // scores alone would favour a wide segment's later, longer window.
  // On the same day a narrower segment (and one path rather than all) goes first: the likelier source.
  const wide = (s: Series) => (s.segment === 'all' ? 1 : 0) + (s.path === 'all' ? 1 : 0);
  raw.sort(
    (a, b) =>
      a.detection.endIndex - b.detection.endIndex || wide(a.series) - wide(b.series) || b.detection.judgement.z - a.detection.judgement.z || a.series.key.localeCompare(b.series.key),
  );
  // Each cause kept, with the excursions it explains (their keys and labels are derived at the end).
  let kept: Cause[] = [];
  for (const r of raw) {
    const explainer = kept.find((k) => {
      if (k.series.metric !== r.series.metric || k.series.key === r.series.key || !during(k.detection, r.detection)) return false;
      const keep = outsideOf(k.series, r.series);
      return keep !== null && !stillFires(r.series.days, r.detection, r.series.kind, r.series.bad, keep, cfg);
    });
    if (explainer) explainer.absorbed.push(r);
    else kept.push({ ...r, absorbed: [] });
  }
  // The same shift on several paths of one segment at once is one cause: those alerts become the
  // all-paths series' alert of that segment (when it crossed the limit too).
  const merged = new Set<Cause>();
  for (const k of kept) {
    if (merged.has(k) || k.series.path === ALL_PATHS) continue;
    const sameSegment = (o: Raw) => o.series.metric === k.series.metric && o.series.segment === k.series.segment && overlaps(o.detection, k.detection);
    const group = kept.filter((o) => o !== k && !merged.has(o) && sameSegment(o) && o.series.path !== ALL_PATHS && o.series.path !== k.series.path);
    // Or an all-paths alert of the same segment is already kept: this path is part of it.
    const keptAll = kept.find((o) => o.series.path === ALL_PATHS && sameSegment(o));
    if (group.length === 0 && !keptAll) continue;
    const allPaths = keptAll ?? raw.find((w) => w.series.path === ALL_PATHS && sameSegment(w));
    if (!allPaths) continue;
    const into: Cause = keptAll ?? { ...allPaths, absorbed: [] };
    for (const part of [k, ...group]) {
      merged.add(part);
      into.absorbed.push({ series: part.series, detection: part.detection }, ...part.absorbed);
    }
    if (!keptAll) kept.push(into);
  }
  kept = kept.filter((k) => !merged.has(k));
  // Escalation and AI resolution rates are two views of the same AI-involved tickets: one alert.
  const twinOf = (f: Cause) =>
    f.series.metric === 'aiResolutionRate' ? kept.find((k) => k.series.metric === 'escalationRate' && k.series.segment === f.series.segment && overlaps(k.detection, f.detection)) : undefined;
  const withTwin = new Set(kept.map(twinOf).filter((t): t is Cause => t !== undefined));
  return kept
    .filter((f) => !twinOf(f))
    .map((k) => {
      const others = k.absorbed.filter((a) => a.series.key !== k.series.key);
      return {
        series: k.series,
        detection: k.detection,
        explained: [...new Set(others.map((a) => a.series.key))],
        alsoSeenIn: [...new Set(others.map((a) => label(k.series, a.series)))],
        alsoMoved: withTwin.has(k) ? ['aiResolutionRate' as const] : [],
      };
    });
}

/** How an explained series is named beside its cause: its segment, and its path when another. */
const label = (into: Series, d: Series) => (d.path === into.path ? d.segment : `${d.path === ALL_PATHS ? 'all paths' : d.path}: ${d.segment}`);

/** What each alert says, as of the last whole day judged (`lastDay`). */
export function describeAlerts(found: readonly Found[], lastDay: string, zone: string): AlertDetails[] {
  return found.map((f) => {
    const judgedFrom = addDays(f.detection.startDay, REPEAT_JUDGED_AFTER_DAYS);
    const pending = f.series.metric !== 'repeatContactRate' && f.series.metric !== 'escalationRate' && f.series.metric !== 'aiResolutionRate' && lastDay < judgedFrom
      ? [{ metric: 'repeatContactRate' as const, judgedFrom }]
      : [];
    return alertDetails({ series: f.series, detection: f.detection, zone, alsoSeenIn: [...f.alsoSeenIn].sort(), alsoMoved: f.alsoMoved, pending });
  });
}
