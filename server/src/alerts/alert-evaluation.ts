// From series to the alerts people see: every series' excursions, then one alert per cause. An
// excursion of a wider segment (all tickets, a channel, all paths) that disappears once a narrower
// segment's tickets are left out is that segment's excursion seen again: it is folded into it
// ("also visible in"), so one bad category raises one alert, not one per channel it touches. A
// shift on several paths at once becomes one alert on all paths.
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
      if (k.series.metric !== r.series.metric || k.series.key === r.series.key || !overlaps(k.detection, r.detection)) return false;
      const keep = outsideOf(k.series, r.series);
      return keep !== null && !stillFires(r.series.days, r.detection, r.series.kind, r.series.bad, keep, cfg);
    });
    if (explainer) {
      explainer.explained.push(r.series.key);
      explainer.absorbed.push(r);
      continue;
    }
    // Another path of the same shift: an alert already absorbed the all-paths series that holds this
    // one too. The shift is on several paths: the alert becomes the all-paths one.
    const umbrella = kept.find((k) => k.series.metric === r.series.metric && k.absorbed.some((w) => w.series.path === ALL_PATHS && contains(w.series, r.series) && overlaps(w.detection, r.detection)));
    if (umbrella) {
      const w = umbrella.absorbed.find((x) => x.series.path === ALL_PATHS && contains(x.series, r.series))!;
      umbrella.absorbed = [...umbrella.absorbed.filter((x) => x !== w), { series: umbrella.series, detection: umbrella.detection }, r];
      umbrella.explained.push(umbrella.series.key, r.series.key);
      umbrella.series = w.series;
      umbrella.detection = w.detection;
      continue;
    }
    kept.push({ ...r, alsoSeenIn: [], explained: [], alsoMoved: [], absorbed: [] });
  }
  for (const k of kept) k.alsoSeenIn = k.absorbed.filter((a) => a.series.key !== k.series.key).map((a) => label(k.series, a.series));
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
