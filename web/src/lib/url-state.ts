// Everything the dashboard keeps in its URL, parsed in one place: the page (path), the view's
// range and filters, and each page's own parameters (sort, segment column, what-if values, a
// drill-down's predicates). Pure: state/useUrlState.ts reads and writes the browser's URL.
import { ViewFilters, filtersToSearch, parseFilters } from './date-range';

export type Page = 'overview' | 'savings' | 'quality' | 'segments' | 'tickets' | 'claims' | 'report' | 'settings';
export const PAGE_PATHS: Record<Page, string> = { overview: '/', savings: '/savings', quality: '/quality', segments: '/segments', tickets: '/tickets', claims: '/claims', report: '/report', settings: '/settings' };
const PATHS: Record<string, Page> = Object.fromEntries(Object.entries(PAGE_PATHS).map(([p, path]) => [path, p as Page]));

export function pageOf(pathname: string): Page {
  return PATHS[pathname.replace(/\/+$/, '') || '/'] ?? 'overview';
}

/** True for a path the dashboard has a page at ("/nosuchpage" and "/tickets/xyz" rendered the overview). */
export const isPagePath = (pathname: string): boolean => (pathname.replace(/\/+$/, '') || '/') in PATHS;

/** What every page compares the range with (?compare=; absent: the previous period). */
export type Compare = 'previous' | 'year' | 'none';

export function compareOf(value: string | undefined): Compare {
  return value === 'year' || value === 'none' ? value : 'previous';
}

/** The API's `compare` for a view's choice (none: no comparison asked). */
export const apiCompare = (c: Compare): 'previous' | 'year' | undefined => (c === 'none' ? undefined : c);

/** How a change against the comparison is labelled. */
export const compareLabel = (c: Compare): string => (c === 'year' ? 'vs the same dates a year earlier' : 'vs the previous period');

export interface UrlState {
  page: Page;
  /** False when the path is no page of the dashboard (page is then the overview, for the menu's links). */
  found: boolean;
  /** The workspace the URL names (?ws=), or null: the dashboard picks one (App.tsx). */
  workspace: string | null;
  filters: ViewFilters;
  compare: Compare;
  /** Every query parameter (the first value of a repeated one). */
  params: Readonly<Record<string, string>>;
  /** The query string as it is, with its leading "?" (or ""). */
  search: string;
}

export function parseUrl(pathname: string, search: string, defaultTz: string, now = new Date()): UrlState {
  const params: Record<string, string> = {};
  new URLSearchParams(search).forEach((v, k) => {
    if (!(k in params)) params[k] = v;
  });
  return { page: pageOf(pathname), found: isPagePath(pathname), workspace: params.ws || null, filters: parseFilters(search, defaultTz, now), compare: compareOf(params.compare), params, search };
}

/** A query string with some parameters set; undefined or '' removes one. Others keep their order. */
export function withParams(search: string, changes: Readonly<Record<string, string | undefined>>): string {
  const q = new URLSearchParams(search);
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === '') q.delete(k);
    else q.set(k, v);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

const FILTER_KEYS = ['from', 'to', 'tz', 'channel', 'category'] as const;


/**
 * The query string after a change of range or filters: the view's filters are replaced, a list's
 * page position (cursor, back, page) is dropped, everything else (a drill-down's predicates) is kept.
 */
export function withFilters(search: string, next: ViewFilters): string {
  const f = new URLSearchParams(filtersToSearch(next).slice(1));
  const changes: Record<string, string | undefined> = { cursor: undefined, back: undefined, page: undefined };
  for (const k of FILTER_KEYS) changes[k] = f.get(k) ?? undefined;
  return withParams(search, changes);
}

/**
 * The link to another page: it keeps the view's range and filters, but not the page's own
 * parameters (the segments page's sort means nothing to the ticket list).
 */
/**
 * A page of the view: its range, filters and comparison, and whether verified resolutions rated
 * 1-2 are left out of the savings (chosen on the savings audit; the overview and the board pack
 * showed them counted again).
 */
export function pageHref(page: Page, filters: ViewFilters, compare: Compare = 'previous', excludeLowRated = false): string {
  return PAGE_PATHS[page] + withParams(filtersToSearch(filters), { compare: compare === 'previous' ? undefined : compare, excludeLowRated: excludeLowRated ? 'true' : undefined });
}

/**
 * A dashboard link that stays in the workspace: `ws` added unless the link names one already (a
 * switch) or the workspace is null (the dashboard's own choice, which the next page makes again).
 */
export function withWorkspace(to: string, workspace: string | null): string {
  if (!workspace) return to;
  const at = to.indexOf('?');
  const path = at < 0 ? to : to.slice(0, at);
  const search = at < 0 ? '' : to.slice(at);
  if (new URLSearchParams(search).has('ws')) return to;
  return path + withParams(search, { ws: workspace });
}

/** What carries over to another workspace: the range, zone, filters, comparison and the low-rated choice. */
const CARRIED = ['from', 'to', 'tz', 'channel', 'category', 'compare', 'excludeLowRated'];

/**
 * The same page in another workspace. Only the view carries over: a what-if cost, a claim, an
 * alert or a ticket-list page belong to the workspace they came from (the what-if banner showed
 * the first workspace's values as the other's "saved").
 */
export function workspaceSwitchHref(pathname: string, search: string, slug: string, implicitTz?: string): string {
  const from = new URLSearchParams(search);
  const q = new URLSearchParams();
  for (const k of CARRIED) if (from.has(k)) q.set(k, from.get(k)!);
  // The zone the view falls back to here (this workspace's reporting zone) is not a choice the user
  // made (a nav link writes it into the address): the next workspace's own zone applies. Kathmandu
  // was carried into a St John's workspace and its board pack said "Local days in Asia/Kathmandu".
  if (implicitTz !== undefined && q.get('tz') === implicitTz) q.delete('tz');
  q.set('ws', slug);
  return `${pathname}?${q.toString()}`;
}
