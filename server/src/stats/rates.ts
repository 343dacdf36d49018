// Small pure statistics used by the metrics. Each has a scenario-table test (stats/*.spec.ts).

/** numerator / denominator, or null when the denominator is 0 (CONTRACT.md §3). */
export function rate(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/**
 * 95% Wilson score interval for k successes out of n (z = 1.96): unlike the normal
 * approximation it stays inside [0, 1] and behaves at small n and at 0% or 100%.
 */
export function wilsonInterval(k: number, n: number, z = 1.96): { low: number; high: number } | null {
  if (n === 0) return null;
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/**
 * Continuous percentile with linear interpolation, exactly as SQL percentile_cont. Used by tests
 * and by code paths that already hold the values; the summary computes it in SQL.
 */
export function percentileCont(values: readonly number[], fraction: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = fraction * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
