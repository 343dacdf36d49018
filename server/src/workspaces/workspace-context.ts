// Which workspace the code running now works for, without passing it through every call: a request
// gets it from the auth guard (the workspace its URL names, checked against its token), background
// work (the projector, alert evaluation, the CLI) runs inside inWorkspace(). Every repository reads
// it here and filters on it first; code that reaches for it outside both fails loudly.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { AppConfig } from '../config/app-config';
import { requestContext } from '../telemetry/request-context';

export interface Workspace {
  id: number;
  slug: string;
  name: string;
  /** The reporting time zone (the workspace's own, or the instance's REPORTING_TIME_ZONE). */
  timeZone: string;
  /** Whether timeZone is the workspace's own setting (false: it follows the instance's). */
  ownTimeZone: boolean;
  /** The workspace's own alert floors, or null for the instance's ALERT_MIN_*. */
  alertFloors: AppConfig['alertFloors'] | null;
  /** The workspace's own alert webhook, or null (the default workspace then uses ALERT_WEBHOOK_URL). */
  alertWebhookUrl: string | null;
  createdAt: string;
}

/** The default workspace: what an install held before workspaces, and the routes without a slug. */
export const DEFAULT_WORKSPACE_ID = 1;
export const DEFAULT_SLUG = 'default';

const jobs = new AsyncLocalStorage<Workspace>();

export function inWorkspace<T>(ws: Workspace, fn: () => T): T {
  return jobs.run(ws, fn);
}

export function maybeCurrentWorkspace(): Workspace | null {
  return jobs.getStore() ?? requestContext.getStore()?.workspace ?? null;
}

export function currentWorkspace(): Workspace {
  const ws = maybeCurrentWorkspace();
  if (!ws) throw new Error('no workspace in context: a per-workspace query ran outside a request or inWorkspace()');
  return ws;
}

/** The id every per-workspace query filters on first. */
export function wsId(): number {
  return currentWorkspace().id;
}
