// The 95% intervals of the savings block (docs/METRICS.md, "Intervals"): an analytic variance
// (delta method) from sums the rollups keep, so a summary at 1M tickets costs nothing extra.
//
// What is uncertain: the period's verified AI resolutions are a draw of the AI's durable rate
// (binomial over the judged AI-involved tickets of each category), and each category's human cost
// basis is a sample mean of its resolved human tickets' handle time (and, for the handoff tax, of
// its escalated tickets'). What is not: the AI bill (aiCost, fixed costs) is what was paid.
// The estimand is what the same tickets are worth at the true rates and means.

export const Z95 = 1.959963984540054;

/** A sample of handle times by its sufficient statistics. */
export interface Sample {
  n: number;
  sum: number;
  /** Sum of squares. */
  sq: number;
}

/** The sample variance, or null with fewer than 2 values. */
export function sampleVariance(s: Sample): number | null {
  if (s.n < 2) return null;
  return Math.max(0, (s.sq - (s.sum * s.sum) / s.n) / (s.n - 1));
}

const T975_TABLE = [12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157, 2.228139];

/**
 * Student's t quantile at 97.5% for `df` degrees of freedom: the table up to 10, then the
 * Cornish-Fisher expansion around the normal quantile (within 0.01% of the table from 11).
 */
export function t975(df: number): number {
  if (df < 1) return Infinity;
  if (df <= T975_TABLE.length) return T975_TABLE[Math.floor(df) - 1];
  const z = Z95;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3);
}

/**
 * Variance of a sample's mean, widened by (t / z)² for its n - 1 degrees of freedom: a mean of
 * 10 skewed handle times is less sure than its standard error says. A category with fewer than 2
 * values borrows the pooled variance of all categories (its one value says nothing about spread).
 */
export function meanVariance(s: Sample, pooledVariance: number | null): number {
  if (s.n === 0) return 0;
  const own = sampleVariance(s);
  const variance = own ?? pooledVariance ?? 0;
  const widen = own === null ? 1 : (t975(s.n - 1) / Z95) ** 2;
  return (variance / s.n) * widen;
}

/**
 * Variance of a binomial count k of n: n p(1 - p) with the Agresti-Coull p = (k + 2) / (n + 4),
 * so 0 of 40 or 40 of 40 still carries the uncertainty its n leaves.
 */
export function countVariance(k: number, n: number): number {
  if (n <= 0) return 0;
  const p = (k + 2) / (n + 4);
  return n * p * (1 - p);
}

/** One term of a sum of independent pieces: coefficient x estimate. */
export interface Term {
  coefficient: number;
  variance: number;
}

/** Var(sum of independent products count x mean): each piece's variance, weighted by its coefficient squared. */
export const varianceOf = (terms: readonly Term[]): number => terms.reduce((v, t) => v + t.coefficient * t.coefficient * t.variance, 0);

/** point ± z sqrt(variance), mapped by `f` (an increasing affine map: price, per year, per FTE). */
export function interval(point: number, variance: number, f: (x: number) => number = (x) => x): { low: number; high: number } {
  const half = Z95 * Math.sqrt(Math.max(0, variance));
  return { low: f(point - half), high: f(point + half) };
}
