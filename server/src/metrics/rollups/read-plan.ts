// Splits a population's time ranges into what the rollups answer and what is read from tickets.
// A range in a zone that has rollups (UTC, the reporting zone) is made of that zone's whole local
// months and days; any other zone uses UTC's whole days inside the range, and at its two edges the
// part of a UTC day it holds: from tickets when that part is at most half the day, else as the UTC
// day less the tickets of the rest of it (`except`), so a +05:30 day reads 11 h of tickets, not 24.
// Days still to be built in bulk are read from tickets too;
// a read that did not wait, or is a load behind (`leaveOut`), leaves out those a load marked and
// nothing built yet (a load's new days) and says so (metrics.service.ts readScope).
// Pure: table-tested (read-plan.spec.ts); the queries only follow the plan.
import { addDays, daysBetween, localDateOf, startOfLocalDate } from '../../stats/time-range';

export interface PopulationRange {
  /** Local dates [fromDate, toDate) in the request's zone, and the same as instants. */
  fromDate: string;
  toDate: string;
  from: Date;
  to: Date;
  /** The group the range answers for (a time bucket; '' for a single population). */
  grp: string;
}

export interface Unit {
  zone: string;
  span: 'd' | 'm';
  /** A local date: the day, or the month's first day. */
  period: string;
  grp: string;
  /** The unit's instants [lo, hi). */
  lo: Date;
  hi: Date;
  /**
   * Parts of a UTC day unit the range does not hold (another zone's edge): their tickets are
   * subtracted from the day's sums and histograms, and their values are not read.
   */
  except?: RawRange[];
}

export interface RawRange {
  lo: Date;
  hi: Date;
  grp: string;
  /** Left out of another zone's read: a UTC day or part of one, not a local day (counted by its length). */
  otherZone?: true;
}

export interface ReadPlan {
  units: Unit[];
  raw: RawRange[];
  /** Days waiting to be built that the read leaves out (only with `leaveOut`), or parts of them at another zone's edges: their tickets are not in it. */
  leftOut: RawRange[];
}

/** What the rollups hold: the zones that have them, each one's days not built yet and its months out of date. */
export interface RollupState {
  zones: ReadonlySet<string>;
  pending: ReadonlyMap<string, ReadonlySet<string>>;
  stale: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * Of the pending days, those a load marked and nothing has built (no day cell): a load's new
   * days. A day being rebuilt (an upgrade's, a backfill's) or a new zone's is not among them: a
   * read never leaves it out.
   */
  unbuilt?: ReadonlyMap<string, ReadonlySet<string>>;
}

const monthOf = (day: string) => `${day.slice(0, 7)}-01`;
const nextMonth = (month: string) => {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${String(y + 1).padStart(4, '0')}-01-01` : `${month.slice(0, 5)}${String(m + 1).padStart(2, '0')}-01`;
};

/**
 * Whole local days [fromDate, toDate) of `zone` as months where whole and current, else days, else
 * raw. A month whose only days waiting to be built are left out is still read as a month: a day
 * never built has no cells, so a month summed from its day cells (rebuildMonths) and not stale
 * since holds exactly its other days; the days go to `leftOut` (the values phase and the maturing
 * query skip their instants).
 */
function coverDays(plan: ReadPlan, zone: string, fromDate: string, toDate: string, grp: string, pending: ReadonlySet<string>, stale: ReadonlySet<string>, leaveOut: ReadonlySet<string>): void {
  const start = (d: string) => startOfLocalDate(d, zone);
  let day = fromDate;
  while (day < toDate) {
    const month = monthOf(day);
    const end = nextMonth(month);
    const whole = day === month && end <= toDate && !stale.has(month);
    const waiting = whole ? [...pending].filter((p) => p >= month && p < end) : [];
    if (whole && waiting.every((p) => leaveOut.has(p))) {
      plan.units.push({ zone, span: 'm', period: month, grp, lo: start(month), hi: start(end) });
      for (const p of waiting.sort()) plan.leftOut.push({ lo: start(p), hi: start(addDays(p, 1)), grp });
      day = end;
      continue;
    }
    const next = addDays(day, 1);
    if (pending.has(day)) (leaveOut.has(day) ? plan.leftOut : plan.raw).push({ lo: start(day), hi: start(next), grp });
    else plan.units.push({ zone, span: 'd', period: day, grp, lo: start(day), hi: start(next) });
    day = next;
  }
}

const utcDate = (t: Date) => t.toISOString().slice(0, 10);
const DAY_MS = 86_400_000;
const floorDay = (t: Date) => new Date(Math.floor(t.getTime() / DAY_MS) * DAY_MS);
const ceilDay = (t: Date) => new Date(Math.ceil(t.getTime() / DAY_MS) * DAY_MS);

/**
 * [a, b), part of one UTC day: from tickets, or, when it is more than half the day, the day's unit
 * less the rest of the day (fewer tickets to read). Not for a day still to be built (its cells,
 * if any, may not match its tickets yet), nor for bounds inside a minute: values are kept by
 * minute of the day. Left out, as the whole UTC days are, when it is part of a load's day not
 * built yet and the read leaves those out: read from tickets, a Kolkata day's first read after a
 * 1M load ranked the values of such parts from tickets (2.3-2.8 s; docs/SCALING.md, fourteenth).
 */
function edgePart(plan: ReadPlan, a: Date, b: Date, grp: string, pending: ReadonlySet<string>, leaveOut: ReadonlySet<string>): void {
  const start = floorDay(a);
  const end = new Date(start.getTime() + DAY_MS);
  const day = utcDate(start);
  if (leaveOut.has(day)) {
    plan.leftOut.push({ lo: a, hi: b, grp });
    return;
  }
  if (b.getTime() - a.getTime() <= DAY_MS / 2 || !onWholeMinutes({ lo: a, hi: b }) || pending.has(day)) {
    plan.raw.push({ lo: a, hi: b, grp });
    return;
  }
  const except: RawRange[] = [];
  if (start < a) except.push({ lo: start, hi: a, grp });
  if (b < end) except.push({ lo: b, hi: end, grp });
  plan.units.push({ zone: 'UTC', span: 'd', period: day, grp, lo: start, hi: end, except });
}

/**
 * @param leaveOut the read did not wait, or is a load behind (it says so): a load's days waiting to
 * be built for the first time (state.unbuilt) go to `leftOut` instead of being counted from
 * tickets, so it stays on the rollups.
 */
export function planRanges(ranges: readonly PopulationRange[], tz: string, state: RollupState, leaveOut = false): ReadPlan {
  const plan: ReadPlan = { units: [], raw: [], leftOut: [] };
  const none = new Set<string>();
  for (const r of ranges) {
    if (r.from >= r.to) continue;
    if (state.zones.has(tz)) {
      coverDays(plan, tz, r.fromDate, r.toDate, r.grp, state.pending.get(tz) ?? none, state.stale.get(tz) ?? none, (leaveOut && state.unbuilt?.get(tz)) || none);
      continue;
    }
    if (!state.zones.has('UTC')) {
      plan.raw.push({ lo: r.from, hi: r.to, grp: r.grp });
      continue;
    }
    // Another zone: UTC's whole days inside [from, to), and the parts of UTC days at its edges.
    const lo = ceilDay(r.from);
    const hi = floorDay(r.to);
    const utcLeaveOut = (leaveOut && state.unbuilt?.get('UTC')) || none;
    const leftBefore = plan.leftOut.length;
    const edge = (a: Date, b: Date) => edgePart(plan, a, b, r.grp, state.pending.get('UTC') ?? none, utcLeaveOut);
    if (lo.getTime() > hi.getTime()) {
      edge(r.from, r.to); // inside one UTC day
      continue;
    }
    if (r.from < lo) edge(r.from, lo);
    if (lo < hi) coverDays(plan, 'UTC', utcDate(lo), utcDate(hi), r.grp, state.pending.get('UTC') ?? none, state.stale.get('UTC') ?? none, utcLeaveOut);
    if (hi < r.to) edge(hi, r.to);
    for (const x of plan.leftOut.slice(leftBefore)) x.otherZone = true;
  }
  return plan;
}

/**
 * The day a range left out stands for, once per day however many ranges hold parts of it (the
 * read's freshness counts these): a local day by its first instant, another zone's UTC day or
 * part of one by that UTC day's.
 */
export const leftOutDay = (r: RawRange): string => (r.otherZone ? floorDay(r.lo) : r.lo).toISOString();

/**
 * How many of `range`'s days a range left out takes away (fixed costs, FTE and per-year figures
 * are for the rest): a local day one; another zone's UTC day or part of one its share of the
 * range's instants, so that a range left out whole takes all its days, a 23- or 25-hour one too.
 */
export const leftOutShare = (r: RawRange, range: PopulationRange): number =>
  r.otherZone ? ((r.hi.getTime() - r.lo.getTime()) / (range.to.getTime() - range.from.getTime())) * daysBetween(range.fromDate, range.toDate) : 1;

/** The local days of `tz` a range left out touches (a bucket says how many of its days are building). */
export const leftOutLocalDays = (r: RawRange, tz: string): string[] =>
  r.otherZone ? [...new Set([localDateOf(r.lo, tz), localDateOf(new Date(r.hi.getTime() - 1), tz)])] : [localDateOf(r.lo, tz)];

/** `ranges` without the instants of `holes` (same group), in order: what a read covers once days are left out. */
export function withoutRanges(ranges: readonly RawRange[], holes: readonly RawRange[]): RawRange[] {
  const out: RawRange[] = [];
  for (const r of ranges) {
    const cuts = holes.filter((h) => h.grp === r.grp && h.lo < r.hi && h.hi > r.lo).sort((a, b) => a.lo.getTime() - b.lo.getTime());
    let lo = r.lo;
    for (const h of cuts) {
      if (h.lo > lo) out.push({ lo, hi: h.lo, grp: r.grp });
      if (h.hi > lo) lo = h.hi;
    }
    if (lo < r.hi) out.push({ lo, hi: r.hi, grp: r.grp });
  }
  return out;
}

/** Whether [lo, hi) starts and ends on whole minutes: only then can it be cut from values kept by minute of the day (utcDayPieces). */
export const onWholeMinutes = (r: { lo: Date; hi: Date }): boolean => r.lo.getTime() % 60_000 === 0 && r.hi.getTime() % 60_000 === 0;

/**
 * The UTC days (and minutes of them, [lo, hi) in 0..1440) that instants [lo, hi) cover, for
 * reading sorted values kept per UTC day: a local day of another zone is minutes of two UTC days.
 */
export function utcDayPieces(lo: Date, hi: Date): { day: string; mlo: number; mhi: number }[] {
  const out: { day: string; mlo: number; mhi: number }[] = [];
  let t = lo.getTime();
  const end = hi.getTime();
  while (t < end) {
    const dayStart = Math.floor(t / DAY_MS) * DAY_MS;
    const dayEnd = dayStart + DAY_MS;
    const pieceEnd = Math.min(end, dayEnd);
    out.push({ day: new Date(dayStart).toISOString().slice(0, 10), mlo: Math.floor((t - dayStart) / 60_000), mhi: Math.ceil((pieceEnd - dayStart) / 60_000) });
    t = pieceEnd;
  }
  return out;
}

/** A range of tickets read once, and every group it counts for, with weight 1 (added) or -1 (subtracted). */
export interface SharedRange {
  lo: Date;
  hi: Date;
  uses: { grp: string; w: 1 | -1 }[];
}

/**
 * The raw ranges (added) and the units' except ranges (subtracted), each distinct [lo, hi) once:
 * another zone's daily series reads the evening of UTC day D for local day D+1 and subtracts it
 * from UTC day D for local day D, so every edge would be read twice (docs/SCALING.md, sixteenth).
 */
export function sharedRanges(raw: readonly RawRange[], units: readonly Unit[]): SharedRange[] {
  const out = new Map<string, SharedRange>();
  const add = (r: RawRange, w: 1 | -1) => {
    const key = `${r.lo.getTime()}/${r.hi.getTime()}`;
    let s = out.get(key);
    if (!s) out.set(key, (s = { lo: r.lo, hi: r.hi, uses: [] }));
    s.uses.push({ grp: r.grp, w });
  };
  for (const r of raw) add(r, 1);
  for (const u of units) for (const x of u.except ?? []) add(x, -1);
  return [...out.values()];
}
