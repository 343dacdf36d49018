// Splits a population's time range into what the rollups can answer (whole UTC months that are
// built, clean and matured; days that are built and clean) and what must be read from the tickets
// table (partial days at the edges, as in a local time zone, and days that are dirty or unbuilt).
// A day whose AI resolutions have not all had their 7 days is still a rollup unit, but its
// pending and verified counts depend on asOf, so those two are read from its tickets (`maturing`).
// Pure, so the rule is tested by tables; the queries only follow the plan.

const DAY_MS = 86_400_000;

export interface RollupUnit {
  span: 'd' | 'm';
  /** First UTC day, YYYY-MM-DD. */
  start: string;
  grp: string;
}

export interface RawRange {
  from: Date;
  to: Date;
  grp: string;
}

export interface RollupPlan {
  units: RollupUnit[];
  /** Populations read from the tickets table entirely. */
  raw: RawRange[];
  /** Day units whose pending and verified counts are read from the tickets table. */
  maturing: RawRange[];
}

/** What the rollups hold at the read's snapshot: the days and months (first days) usable. */
export interface Usable {
  days: ReadonlySet<string>;
  months: ReadonlySet<string>;
  /** Usable days not yet matured at asOf. */
  maturing: ReadonlySet<string>;
}

export interface PeriodState {
  span: 'd' | 'm';
  start: string;
  aiResolvedMaxAt: Date | null;
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const monthOf = (day: string) => `${day.slice(0, 7)}-01`;
const nextMonth = (month: string) => {
  const d = new Date(`${month}T00:00:00Z`);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
};

/**
 * A built period is usable when none of its days is dirty. A matured one (every AI resolution has
 * had its 7 days by asOf) has pending 0 and verified equal to its durable count; months are used
 * only when matured, days either way (see `maturing`).
 */
export function usablePeriods(periods: readonly PeriodState[], dirtyDays: readonly string[], asOf: Date): Usable {
  const dirty = new Set(dirtyDays);
  const dirtyMonths = new Set(dirtyDays.map(monthOf));
  const matured = (p: PeriodState) => p.aiResolvedMaxAt === null || p.aiResolvedMaxAt.getTime() + 7 * DAY_MS <= asOf.getTime();
  const days = new Set<string>();
  const months = new Set<string>();
  const maturing = new Set<string>();
  for (const p of periods) {
    if (p.span === 'd' && !dirty.has(p.start)) {
      days.add(p.start);
      if (!matured(p)) maturing.add(p.start);
    }
    if (p.span === 'm' && !dirtyMonths.has(p.start) && matured(p)) months.add(p.start);
  }
  return { days, months, maturing };
}

/** Adds one population ([from, to), group key grp) to the plan. */
export function planRange(plan: RollupPlan, from: Date, to: Date, grp: string, usable: Usable): void {
  const append = (list: RawRange[], a: number, b: number) => {
    if (a >= b) return;
    const last = list[list.length - 1];
    if (last && last.grp === grp && last.to.getTime() === a) last.to = new Date(b);
    else list.push({ from: new Date(a), to: new Date(b), grp });
  };
  const raw = (a: number, b: number) => append(plan.raw, a, b);
  const f = from.getTime();
  const t = to.getTime();
  const firstDay = Math.ceil(f / DAY_MS) * DAY_MS;
  const endDay = Math.floor(t / DAY_MS) * DAY_MS;
  if (firstDay >= endDay) return raw(f, t);
  raw(f, firstDay);
  for (let d = firstDay; d < endDay; ) {
    const day = isoDay(d);
    if (day.endsWith('-01') && nextMonth(day) <= endDay && usable.months.has(day)) {
      plan.units.push({ span: 'm', start: day, grp });
      d = nextMonth(day);
    } else if (usable.days.has(day)) {
      plan.units.push({ span: 'd', start: day, grp });
      if (usable.maturing.has(day)) append(plan.maturing, d, d + DAY_MS);
      d += DAY_MS;
    } else {
      raw(d, d + DAY_MS);
      d += DAY_MS;
    }
  }
  raw(endDay, t);
}

/** The UTC days a plan's units cover (months expanded), with their group. */
export function unitDays(units: readonly RollupUnit[]): { day: string; grp: string }[] {
  const out: { day: string; grp: string }[] = [];
  for (const u of units) {
    const start = Date.parse(`${u.start}T00:00:00Z`);
    const end = u.span === 'd' ? start + DAY_MS : nextMonth(u.start);
    for (let d = start; d < end; d += DAY_MS) out.push({ day: isoDay(d), grp: u.grp });
  }
  return out;
}
