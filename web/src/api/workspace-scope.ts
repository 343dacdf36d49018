// Which workspace the dashboard reads (docs/WORKSPACES.md): App sets it from the URL (?ws=) before
// its pages render; every API path and cache key is scoped by it here, so two workspaces' answers
// never meet in one cache entry.
import { withWorkspace } from '../lib/url-state';

let current = 'default';
/** The open workspace's reporting time zone, when it has chosen one (else null: the browser's zone). */
let zone: string | null = null;

export function setCurrentWorkspace(slug: string, reportingZone: string | null = null): void {
  current = slug;
  zone = reportingZone;
}

/** The zone a view without ?tz= is read in: the workspace's reporting zone, so everyone in it sees the same days. */
export function defaultViewZone(browserZone: string): string {
  return zone ?? browserZone;
}

export function currentWorkspace(): string {
  return current;
}

/** Instance-level routes, the same for every workspace. */
const UNSCOPED = /^\/api\/v1\/(me|workspaces)(\/|\?|$)/;

/** An API path of the workspace: /api/v1/x -> /api/v1/workspaces/<slug>/x (the default workspace keeps /api/v1/x). */
export function scopedPath(path: string, slug: string = current): string {
  if (slug === 'default' || !path.startsWith('/api/v1/') || UNSCOPED.test(path)) return path;
  return `/api/v1/workspaces/${encodeURIComponent(slug)}/${path.slice('/api/v1/'.length)}`;
}

/** A dashboard link that opens the current workspace (for an href: a new tab or a copied link keeps it). */
export function workspaceLink(href: string): string {
  return withWorkspace(href, current);
}
