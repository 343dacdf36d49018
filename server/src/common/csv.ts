// CSV for the exports: RFC 4180 quoting, nested objects flattened into dotted column names, so a
// CSV row holds the same numbers as its JSON object.

import { type Scalar, csvField, csvLine } from '../contract/csv-cells';

export { csvField, csvLine };
export type { Scalar };

export function flatten(value: unknown, prefix = '', out: Record<string, Scalar> = {}): Record<string, Scalar> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (Array.isArray(value)) {
    out[prefix] = value.join(' ');
  } else {
    out[prefix] = (value ?? null) as Scalar;
  }
  return out;
}

/** Rows of flattened objects as CSV; the columns are the union of keys, in first-seen order. */
export function toCsv(rows: readonly Record<string, Scalar>[]): string {
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) if (!seen.has(k)) (seen.add(k), columns.push(k));
  return csvLine(columns) + rows.map((r) => csvLine(columns.map((c) => r[c]))).join('');
}

export function wantsCsv(format: string | undefined, accept: string | string[] | undefined): boolean {
  if (format) return format === 'csv';
  const a = Array.isArray(accept) ? accept.join(',') : (accept ?? '');
  return /\btext\/csv\b/i.test(a);
}
