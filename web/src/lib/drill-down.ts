// Which tickets stand behind a card: the link from a number to its list (docs/API.md).
import type { ViewFilters } from './date-range';
import { addDays, filtersToSearch } from './date-range';
import { joinFilterValues } from '../../../server/src/contract/filter-list';

export const CARD_DRILL_DOWN: Record<string, Record<string, string>> = {
  tickets: {},
  involvement: { path: 'ai,escalated' },
  resolution: { path: 'ai', verified: 'true' },
  savings: { path: 'ai', verified: 'true' },
  // ROI and FTE are priced from the same durable AI resolutions as the savings.
  roi: { path: 'ai', verified: 'true' },
  fte: { path: 'ai', verified: 'true' },
  // The card's two medians are of AI- and human-resolved tickets: not the escalated ones (15,551 listed under "of 6,465 vs 6,534").
  handle: { path: 'ai,human', resolved: 'true', sort: 'handleSeconds' },
  // The card's two populations (AI- and human-resolved answers), not the escalated tickets' answers too.
  csat: { path: 'ai,human', resolved: 'true', hasCsat: 'true' },
};

/** The tickets page URL for a card, keeping the view's dates and filters. */
export function drillDownHref(card: string, f: ViewFilters): string | null {
  const predicates = CARD_DRILL_DOWN[card];
  if (!predicates) return null;
  const q = new URLSearchParams(filtersToSearch(f).slice(1));
  for (const [k, v] of Object.entries(predicates)) q.set(k, v);
  return `/tickets?${q.toString()}`;
}

const PREDICATES = ['path', 'resolved', 'verified', 'pending', 'repeatContact', 'reopened', 'aiInvolved', 'hasCsat', 'csatMin', 'csatMax', 'sort', 'order'];

/** The drill-down predicates of a query string (the page's filters are read separately). */
export function predicatesFrom(search: string): Record<string, string> {
  const q = new URLSearchParams(search);
  return Object.fromEntries(PREDICATES.filter((k) => q.has(k)).map((k) => [k, q.get(k)!]));
}

const PATH_WORDS: Record<string, string> = { ai: 'handled by the AI alone', escalated: 'escalated from the AI to a human', human: 'handled by humans only', none: 'handled by no one yet' };
const YES_NO: Record<string, [string, string]> = {
  resolved: ['resolved', 'not resolved'],
  verified: ['durable AI resolutions (verified)', 'not verified'],
  pending: ['AI resolutions younger than 7 days (maturing)', 'judged (older than 7 days)'],
  repeatContact: ['the customer came back within 7 days', 'no repeat contact'],
  reopened: ['reopened', 'not reopened'],
  aiInvolved: ['the AI took part', 'the AI took no part'],
  hasCsat: ['rated by the customer', 'not rated'],
};

/**
 * The drill-down's conditions in words ("handled by the AI alone or escalated from the AI to a
 * human; resolved"); it showed "path = ai,escalated, resolved = true". Sorting is not a condition.
 */
export function describePredicates(p: Readonly<Record<string, string>>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(p)) {
    if (k === 'path') parts.push(v.split(',').map((x) => PATH_WORDS[x] ?? x).join(' or '));
    else if (k in YES_NO) parts.push(v === 'true' ? YES_NO[k][0] : v === 'false' ? YES_NO[k][1] : `${k} = ${v}`);
    else if (k === 'csatMin') parts.push(`rated ${v} or more`);
    else if (k === 'csatMax') parts.push(`rated ${v} or less`);
  }
  return parts.join('; ');
}

/** The tickets page for one bucket of a chart (a local date in the view's time zone; `days` long, clipped to the view). */
export function pointHref(f: ViewFilters, day: string, predicates: Record<string, string>, days = 1): string {
  const end = addDays(day, days);
  const q = new URLSearchParams(filtersToSearch({ ...f, from: day, to: day < f.to && end > f.to ? f.to : end }).slice(1));
  for (const [k, v] of Object.entries(predicates)) q.set(k, v);
  return `/tickets?${q.toString()}`;
}

/** The tickets page for one segment of a breakdown. */
export function segmentHref(f: ViewFilters, by: string, key: string): string | null {
  // "(none)": no value (a ticket without a language), which no filter selects.
  if (key === '(none)') return null;
  const q = new URLSearchParams(filtersToSearch(f).slice(1));
  q.set(by, joinFilterValues([key]));
  return `/tickets?${q.toString()}`;
}
