// The request a line of log belongs to, without passing it around: every log line written while a
// request is handled carries its id (set by http/request-hooks.ts).
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Workspace } from '../workspaces/workspace-context';

export interface RequestContext {
  requestId: string;
  /** Set by the auth guard once the token is checked against the workspace the URL names. */
  workspace?: Workspace;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}

/**
 * The caller's X-Request-Id when it is a sane token (so ids follow a request across a proxy),
 * otherwise a new UUID. Never trusted into a log unchecked: at most 64 visible ASCII characters.
 */
export function requestIdFrom(header: string | string[] | undefined): string {
  const v = Array.isArray(header) ? header[0] : header;
  return typeof v === 'string' && /^[A-Za-z0-9._:-]{1,64}$/.test(v) ? v : randomUUID();
}
