// The values a filter can take: those the data has in the range (most tickets first), plus the
// one selected even when the range has none of it, so the control never hides the URL's filter.
import type { LeanBreakdownResponse } from '../../../server/src/contract';

export function filterOptions(b: Pick<LeanBreakdownResponse, 'segments'> | undefined, selected: string | undefined): string[] {
  const values = (b?.segments ?? []).map((s) => s.key);
  for (const v of (selected ?? '').split(',')) if (v && !values.includes(v)) values.push(v);
  return values;
}
