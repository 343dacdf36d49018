// Tail probabilities and scores the alert statistics rest on, and how they are put in words.
// Pure; checked against hand values in alert-detection.spec.ts.

/** Standard normal CDF (Abramowitz-Stegun 7.1.26 on erf, |error| < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/**
 * x events in n against xb in nb: the signed root of the likelihood-ratio (G) statistic of the
 * 2x2 table, with x moved half an event towards no difference. Positive when x / n is higher.
 * Nearly standard normal even for rare events, where (x/n - p) / sd is not.
 */
export function signedRootG(x: number, n: number, xb: number, nb: number): number {
  const pooled = (x + xb) / (n + nb);
  const d = x - n * pooled;
  if (Math.abs(d) <= 0.5 || pooled <= 0 || pooled >= 1) return 0;
  const xc = x - 0.5 * Math.sign(d);
  const p = (xc + xb) / (n + nb);
  const t = (o: number, e: number) => (o > 0 && e > 0 ? o * Math.log(o / e) : 0);
  const g = 2 * (t(xc, n * p) + t(n - xc, n * (1 - p)) + t(xb, nb * p) + t(nb - xb, nb * (1 - p)));
  return Math.sign(d) * Math.sqrt(Math.max(g, 0));
}

/**
 * Plain words for how likely chance alone is to explain a score (p one-sided). "Very unlikely" is
 * kept for alert-grade scores (4.5 standard deviations): among the ~200 series watched, a p of 0.0001
 * turns up by chance every few weeks.
 */
export function chanceInWords(pValue: number): string {
  if (pValue < 3.5e-6) return 'chance is very unlikely to explain it'; // z >= 4.5 (p = 3.4e-6)
  if (pValue < 0.001) return 'chance is unlikely to explain it';
  if (pValue < 0.05) return 'chance could explain it, but not easily';
  return 'chance could well explain it';
}
