// The values a filter can take: those the data has in the range (most tickets first), plus the
// one selected even when the range has none of it, so the control never hides the URL's filter.
import type { LeanBreakdownResponse } from '../../../server/src/contract';
import { joinFilterValues, quotedIfNeeded, splitFilterValues } from '../../../server/src/contract/filter-list';

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

/**
 * The selected values no ticket of the range has, said beside the filters with the values there
 * are ("Billingz" read only "No tickets were created in this range"). Null when each one is there,
 * or while the range's values are not known yet.
 */
export function absentNote(label: string, b: Pick<LeanBreakdownResponse, 'segments'> & { other?: unknown } | undefined, selected: string | undefined): string | null {
  // More values than the list holds (an "other" row): an unlisted one may well be there.
  if (!b || !selected || (b.other !== undefined && b.other !== null)) return null;
  const there = b.segments.map((s) => s.key);
  const absent = splitFilterValues(selected).filter((v) => !there.includes(v));
  if (absent.length === 0) return null;
  const q = there.map(quotedIfNeeded);
  const listed = q.length === 0 ? 'none' : q.length > 12 ? `${q.slice(0, 12).join(', ')} and ${q.length - 12} more` : q.join(', ');
  return `No ticket in this range has ${label} ${absent.map((v) => `"${v}"`).join(' or ')} (the range's ${label === 'channel' ? 'channels' : 'categories'}: ${listed}).`;
}

/** A filter's values for a reader: "billing or shipping"; a value with a comma or a space at an end quoted ("Billing, payments" or shipping). */
export function describeFilter(selected: string): string {
  return splitFilterValues(selected).map(quotedIfNeeded).join(' or ');
}
