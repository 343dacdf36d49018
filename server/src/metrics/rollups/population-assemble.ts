// The rows of a population read (population-reader.ts), assembled from its additive sums, its
// percentiles and what is still maturing: per group, segment and path, and per category (what
// prices verified AI resolutions). Pure.
import { DISTRIBUTIONS } from '../measures';
import { ADDITIVE_COLUMNS } from '../measures.sql';
import { CategoryVerifiedRow, PathMetricsRow } from '../summary-assembler';
import { MaturingRow, SumsRow } from './population.query';

/** The key of a (range group, segment) pair in the result. */
export const groupKey = (grp: string, seg: string) => (seg === '' ? grp : grp === '' ? seg : `${grp}\u0001${seg}`);
/** The range group of a groupKey: with one range, that range's; with several (never ''), what precedes the separator. */
export const rangeGroupOf = (key: string, ranges: readonly { grp: string }[]) => (ranges.length === 1 ? ranges[0].grp : key.split('\u0001')[0]);

/** A map key of several parts (no part holds a NUL). */
export const k4 = (...parts: (string | number)[]) => parts.join('\u0000');

/** Rows and categories from the sums, the percentiles and what is still maturing. */
export function assemble(sums: readonly SumsRow[], pct: ReadonlyMap<string, Pct>, maturing: readonly MaturingRow[]): { rows: PathMetricsRow[]; categories: CategoryVerifiedRow[] } {
  // Sums per group, segment and path (several categories make one path), and per category.
  const totals = new Map<string, { grp: string; path: string; sums: Record<string, number> }>();
  const cats = new Map<string, CategoryAcc>();
  const cat = (grp: string, category: string) => {
    const key = k4(grp, category);
    let c = cats.get(key);
    if (!c) cats.set(key, (c = newCategory(grp)));
    return c;
  };
  for (const s of sums) {
    const grp = groupKey(s.grp, s.seg);
    const key = k4(grp, s.path);
    let t = totals.get(key);
    if (!t) totals.set(key, (t = { grp, path: s.path, sums: Object.fromEntries(ADDITIVE_COLUMNS.map((c) => [c, 0])) }));
    for (const c of ADDITIVE_COLUMNS) t.sums[c] += Number(s[c]);
    addCategorySums(cat(grp, s.category), s);
  }
  const pendingOf = new Map<string, Maturing>();
  for (const x of maturing) {
    const grp = groupKey(x.grp, x.seg);
    const e = pendingOf.get(grp) ?? noneMaturing();
    e.pending += x.pending;
    e.durable += x.durable_maturing;
    e.reopened += x.reopened_maturing;
    pendingOf.set(grp, e);
    const c = cat(grp, x.category);
    c.maturing += x.durable_maturing;
    c.lowMaturing += x.low_rated_maturing;
    c.pending += x.pending;
  }
  const rows: PathMetricsRow[] = [...totals.values()].map((t) => {
    const p = pct.get(k4(t.grp, t.path));
    const ai = t.path === 'ai' ? (pendingOf.get(t.grp) ?? noneMaturing()) : noneMaturing();
    return pathRow(t.grp, t.path, t.sums, p, ai);
  });
  return { rows, categories: [...cats.values()].map(categoryRow) };
}

/** AI resolutions of a group still inside their 7 days: all, durable so far, reopened. */
interface Maturing {
  pending: number;
  durable: number;
  reopened: number;
}
const noneMaturing = (): Maturing => ({ pending: 0, durable: 0, reopened: 0 });

/** One category of a group, summed over its rows: what prices its verified AI resolutions. */
interface CategoryAcc {
  grp: string;
  human: { n: number; sum: number; sq: number };
  escalated: { n: number; sum: number; sq: number };
  aiInvolved: number;
  durable: number;
  lowRated: number;
  maturing: number;
  lowMaturing: number;
  pending: number;
}

const newCategory = (grp: string): CategoryAcc => ({
  grp, human: { n: 0, sum: 0, sq: 0 }, escalated: { n: 0, sum: 0, sq: 0 }, aiInvolved: 0, durable: 0, lowRated: 0, maturing: 0, lowMaturing: 0, pending: 0,
});

function addCategorySums(c: CategoryAcc, s: SumsRow): void {
  const sample = s.path === 'human' ? c.human : s.path === 'escalated' ? c.escalated : null;
  if (sample) {
    sample.n += Number(s.resolved) - Number(s.handle_unrecorded);
    sample.sum += Number(s.human_sum);
    sample.sq += Number(s.human_sq_sum);
  }
  if (s.path === 'ai' || s.path === 'escalated') c.aiInvolved += Number(s.tickets);
  if (s.path === 'ai') {
    c.durable += Number(s.durable);
    c.lowRated += Number(s.durable_low_rated);
  }
}

const categoryRow = (c: CategoryAcc): CategoryVerifiedRow => ({
  grp: c.grp,
  verified: c.durable - c.maturing,
  judged: c.aiInvolved - c.pending,
  lowRated: c.lowRated - c.lowMaturing,
  human: c.human,
  escalated: c.escalated,
});

const pair = (v: (number | null)[] | undefined): [number, number] | null => (v && v[0] !== null && v[1] !== null ? [v[0], v[1]] : null);

/** The row summary-assembler.ts reads, from one path's sums, percentiles and maturity. */
function pathRow(grp: string, path: string, s: Record<string, number>, p: Pct | undefined, m: Maturing): PathMetricsRow {
  const per = (num: number, den: number) => (den > 0 ? num / den : null);
  const timed = s.resolved - s.handle_unrecorded; // resolved tickets whose handle time was recorded
  // An AI resolution is durable, reopened, or (not reopened) came back: the last is what is left.
  const cameBack = s.resolved - s.durable - s.reopened_resolved;
  const cameBackMaturing = m.pending - m.durable - m.reopened;
  return {
    grp,
    path: path as PathMetricsRow['path'],
    tickets: s.tickets,
    resolved: s.resolved,
    handleMean: per(s.handle_sum, timed),
    handlePct: pair(p?.handle),
    resolutionPct: pair(p?.resolution),
    firstResponseMedian: p?.firstResponse?.[0] ?? null,
    csatResponses: s.csat_responses,
    csatAverage: per(s.csat_sum, s.csat_responses),
    csatTop2: s.csat_top2,
    reopenedResolved: s.reopened_resolved,
    repeatResolved: s.repeat_resolved,
    pending: m.pending,
    verified: s.durable - m.durable,
    reopenedJudged: path === 'ai' ? s.reopened_resolved - m.reopened : 0,
    cameBackJudged: path === 'ai' ? cameBack - cameBackMaturing : 0,
    humanSecondsMean: per(s.human_sum, timed),
    handleUnrecorded: s.handle_unrecorded,
  };
}

/** A group and path's percentiles, per distribution. */
export type Pct = Partial<Record<(typeof DISTRIBUTIONS)[number]['name'], (number | null)[]>>;
