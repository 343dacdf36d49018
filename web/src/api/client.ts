// The one place the dashboard talks HTTP: adds the token, turns error bodies into ApiError.
import type { ApiError as ApiErrorBody } from '../../../server/src/contract';
import { getToken } from '../auth/token-store';
import { scopedPath } from './workspace-scope';
import { joinFilterValues } from '../../../server/src/contract/filter-list';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A request's query (one of the contract's *Query types): lists go out as comma-separated values. */
export function queryString(params: object): URLSearchParams {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params) as [string, unknown][]) {
    const text = Array.isArray(v) ? joinFilterValues(v as string[]) : typeof v === 'string' ? v : undefined;
    if (text) qs.set(k, text);
  }
  return qs;
}

/** A 4xx will not change on retry (it names what is wrong: show it at once); others get 3 tries. */
export function shouldRetry(failures: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failures < 3;
}

/**
 * `ctx`: react-query's context: its abort signal, and its key, whose workspace (['ws', slug, ...])
 * the request goes to, so a retry or late refetch of one workspace's query never reads another's.
 */
export async function apiGet<T>(path: string, params: object = {}, ctx: { signal?: AbortSignal; queryKey?: readonly unknown[] } = {}): Promise<T> {
  const qs = queryString(params);
  const key = ctx.queryKey;
  const scoped = key && key[0] === 'ws' && typeof key[1] === 'string' ? scopedPath(path, key[1]) : scopedPath(path);
  const url = qs.size > 0 ? `${scoped}?${qs.toString()}` : scoped;
  const res = await fetch(url, { headers: { authorization: `Bearer ${getToken() ?? ''}` }, signal: ctx.signal });
  if (!res.ok) {
    let message = `${res.status} ${res.statusText}`;
    try {
      const body = (await res.json()) as ApiErrorBody;
      message = Array.isArray(body.message) ? body.message.join('; ') : body.message;
    } catch {
      // not JSON: keep the status line
    }
    throw new ApiError(res.status, message);
  }
  return (await res.json()) as T;
}

/** `body` as JSON, or as it is with `contentType` (a CSV upload). */
export async function apiSend<T>(method: 'PUT' | 'PATCH' | 'POST' | 'DELETE', path: string, body?: unknown, contentType?: string): Promise<T> {
  const res = await fetch(scopedPath(path), {
    method,
    headers: { authorization: `Bearer ${getToken() ?? ''}`, ...(body === undefined ? {} : { 'content-type': contentType ?? 'application/json' }) },
    body: body === undefined ? undefined : contentType ? String(body) : JSON.stringify(body),
  });
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const m = (data as ApiErrorBody | null)?.message;
    throw new ApiError(res.status, Array.isArray(m) ? m.join('; ') : (m ?? `${res.status} ${res.statusText}`));
  }
  return data as T;
}
