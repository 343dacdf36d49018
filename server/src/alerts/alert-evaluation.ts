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

/** Series `k` holds every ticket of series `d` (same metric). */
const contains = (k: Series, d: Series) => (k.path === ALL_PATHS || k.path === d.path) && (k.segment === 'all' || k.segment === d.segment) && k.key !== d.key;

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
  const kept: (Found & { absorbed: Raw[] })[] = [];
  const label = (into: Series, d: Series) => (d.path === into.path ? d.segment : `${d.path === ALL_PATHS ? 'all paths' : d.path}: ${d.segment}`);
  for (const r of raw) {
    const explainer = kept.find((k) => {
      if (k.series.metric !== r.series.metric || k.series.key === r.series.key || !during(k.detection, r.detection)) return false;
      const keep = outsideOf(k.series, r.series);
      return keep !== null && !stillFires(r.series.days, r.detection, r.series.kind, r.series.bad, keep, cfg);
    });
    if (explainer) {
      explainer.explained.push(r.series.key);
      explainer.absorbed.push(r);
      continue;
    }
    kept.push({ ...r, alsoSeenIn: [], explained: [], alsoMoved: [], absorbed: [] });
  }
  // The same shift on several paths of one segment at once is one cause: those alerts become the
  // all-paths series' alert of that segment (when it crossed the limit too).
  const merged: (Found & { absorbed: Raw[] })[] = [];
  for (const k of kept) {
    if (merged.includes(k) || k.series.path === ALL_PATHS) continue;
    const group = kept.filter((o) => o !== k && !merged.includes(o) && o.series.metric === k.series.metric && o.series.segment === k.series.segment && o.series.path !== ALL_PATHS && o.series.path !== k.series.path && overlaps(o.detection, k.detection));
    // Or an all-paths alert of the same segment is already kept: this path is part of it.
    const keptAll = kept.find((o) => o.series.metric === k.series.metric && o.series.path === ALL_PATHS && o.series.segment === k.series.segment && overlaps(o.detection, k.detection));
    if (group.length === 0 && !keptAll) continue;
    const allPaths = keptAll ?? raw.find((w) => w.series.metric === k.series.metric && w.series.path === ALL_PATHS && w.series.segment === k.series.segment && overlaps(w.detection, k.detection));
    if (!allPaths) continue;
    const parts = [k, ...group];
    merged.push(...parts);
    const existing = keptAll ?? kept.find((o) => o.series.key === allPaths.series.key && o.detection === allPaths.detection);
    const into = existing ?? { ...allPaths, alsoSeenIn: [], explained: [], alsoMoved: [], absorbed: [] };
    for (const part of parts) {
      into.explained.push(part.series.key, ...part.explained);
      into.absorbed.push({ series: part.series, detection: part.detection }, ...part.absorbed);
    }
    if (!existing) kept.push(into);
  }
  kept.splice(0, kept.length, ...kept.filter((k) => !merged.includes(k)));
  for (const k of kept) k.alsoSeenIn = [...new Set(k.absorbed.filter((a) => a.series.key !== k.series.key).map((a) => label(k.series, a.series)))];
  // Escalation and AI resolution rates are two views of the same AI-involved tickets: one alert.
  return kept
    .filter((f) => {
      if (f.series.metric !== 'aiResolutionRate') return true;
      const twin = kept.find((k) => k.series.metric === 'escalationRate' && k.series.segment === f.series.segment && overlaps(k.detection, f.detection));
      if (twin) twin.alsoMoved.push('aiResolutionRate');
      return !twin;
    })
    .map(({ absorbed: _, ...f }) => f);
}

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
