// The values a filter can take: those the data has in the range (most tickets first), plus the
// one selected even when the range has none of it, so the control never hides the URL's filter.
import type { LeanBreakdownResponse } from '../../../server/src/contract';
import { joinFilterValues, splitFilterValues } from '../../../server/src/contract/filter-list';

export function filterOptions(b: Pick<LeanBreakdownResponse, 'segments'> | undefined, selected: string | undefined): string[] {
  const values = (b?.segments ?? []).map((s) => s.key);
  for (const v of splitFilterValues(selected ?? '')) if (!values.includes(v)) values.push(v);
  return values;
}

/** The options whose name contains the query, ignoring case (what the picker's search box shows). */
export function matchOptions(values: readonly string[], query: string): string[] {
  const q = query.trim().toLocaleLowerCase();
  return q ? values.filter((v) => v.toLocaleLowerCase().includes(q)) : [...values];
}

/** The selection as the URL keeps it (a comma list), with one value switched on or off; undefined: all. */
export function toggleValue(selected: string | undefined, value: string): string | undefined {
  const list = splitFilterValues(selected ?? '');
  const next = list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
  return next.length ? joinFilterValues(next) : undefined;
}
