// The API addresses a workspace by path: /api/v1/workspaces/:slug/<route> is <route> of that
// workspace, and /api/v1/<route> is the default workspace's. Fastify rewrites the URL before
// routing (one set of routes serves both) and remembers the slug for the auth guard.
const addressed = new WeakMap<object, string>();

const PREFIXED = /^\/api\/v1\/workspaces\/([^/?#]+)\/([^?#].*)$/;

/** Fastify's rewriteUrl: the route without the workspace prefix. */
export function rewriteWorkspaceUrl(req: { url?: string }): string {
  const url = req.url ?? '/';
  const m = PREFIXED.exec(url);
  if (!m) return url;
  let slug: string;
  try {
    slug = decodeURIComponent(m[1]);
  } catch {
    slug = m[1];
  }
  addressed.set(req, slug);
  return `/api/v1/${m[2]}`;
}

/** The slug the request's URL named, or null for a route without one (the default workspace). */
export function addressedSlug(raw: object): string | null {
  return addressed.get(raw) ?? null;
}
