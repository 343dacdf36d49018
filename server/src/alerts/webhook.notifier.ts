// Signed, Slack-compatible webhook notifications with retries and exponential back-off.
import { DEFAULT_WORKSPACE_ID, currentWorkspace } from '../workspaces/workspace-context';
import { Inject, Injectable, Logger } from '@nestjs/common';
import * as crypto from 'node:crypto';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { addDays } from '../stats/time-range';
import { AlertDetails, splitSegment } from './alert-series';
import { targetProblem } from '../common/webhook-address';

export interface WebhookOptions {
  attempts: number;
  /** First back-off; doubles each retry. */
  baseDelayMs: number;
  timeoutMs: number;
}

export const DEFAULT_WEBHOOK: WebhookOptions = { attempts: 5, baseDelayMs: 1000, timeoutMs: 10_000 };

/** `v1=<hex HMAC-SHA256 of "<timestamp>.<body>">`: receivers recompute it to trust the payload. */
export function signature(secret: string, timestamp: string, body: string): string {
  return `v1=${crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Where a person sees an alert: the Quality page on its days (with its baseline) and segment. */
/** `workspace`: the slug of a workspace other than the default one (the links open it). */
export function alertLinks(id: string, a: AlertDetails, dashboardUrl: string, workspace: string | null = null): { view: string; tickets: string } {
  const view = new URLSearchParams({ from: addDays(a.startedOn, -35), to: addDays(a.detectedOn, 1), tz: a.drillDown.tz ?? 'UTC' });
  const [dim, value] = splitSegment(a.segment);
  if (dim && value) view.set(dim, value);
  view.set('alert', id);
  const tickets = new URLSearchParams(a.drillDown);
  if (workspace) for (const q of [view, tickets]) q.set('ws', workspace);
  return { view: `${dashboardUrl}/quality?${view}`, tickets: `${dashboardUrl}/tickets?${tickets}` };
}

/** `workspace`: the workspace the alert is about, named in the message unless it is the default one. */
export function slackPayload(id: string, a: AlertDetails, dashboardUrl: string, workspace: { slug: string; name: string } | null = null): Record<string, unknown> {
  const other = workspace && workspace.slug !== 'default' ? workspace : null;
  const links = alertLinks(id, a, dashboardUrl, other?.slug ?? null);
  return {
    text: `:rotating_light: Claimcheck${other ? ` (${other.name})` : ''}: ${a.summary} ${links.view}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${a.summary}*` } },
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: `detected ${a.detectedOn} · <${links.view}|open in Claimcheck> · <${links.tickets}|the tickets>` }],
      },
    ],
    alert: { id, ...a, links },
  };
}

@Injectable()
export class WebhookNotifier {
  private readonly log = new Logger('Webhook');
  options: WebhookOptions = DEFAULT_WEBHOOK;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * Where the workspace in context sends its alerts: its own webhook, else (the default workspace
   * only) the instance's ALERT_WEBHOOK_URL. Another workspace never posts to the instance's: for an
   * outsourcer that would send one client's alerts to another's channel.
   */
  private urlOf(): string | null {
    const ws = currentWorkspace();
    return ws.alertWebhookUrl ?? (ws.id === DEFAULT_WORKSPACE_ID ? this.config.alertWebhookUrl : null);
  }

  get enabled(): boolean {
    return this.urlOf() !== null;
  }

  /** Delivers one payload; true once a 2xx came back, false after the last attempt failed. */
  async send(payload: Record<string, unknown>): Promise<boolean> {
    const url = this.urlOf();
    if (!url) return false;
    // A workspace's own URL is checked where it points each time (DNS may change), and redirects
    // are not followed: either could lead to an internal address (common/webhook-address.ts).
    const own = currentWorkspace().alertWebhookUrl === url;
    if (own && !this.config.allowPrivateWebhooks) {
      const problem = await targetProblem(url);
      if (problem) {
        this.log.warn(`alert webhook of workspace ${currentWorkspace().slug} not called: ${problem}`);
        return false;
      }
    }
    const body = JSON.stringify(payload);
    for (let attempt = 1; attempt <= this.options.attempts; attempt++) {
      const timestamp = String(Math.floor(Date.now() / 1000));
      const headers: Record<string, string> = { 'content-type': 'application/json', 'x-claimcheck-timestamp': timestamp };
      if (this.config.alertWebhookSecret) headers['x-claimcheck-signature'] = signature(this.config.alertWebhookSecret, timestamp, body);
      let problem: string;
      try {
        const res = await fetch(url, { method: 'POST', headers, body, redirect: own ? 'error' : 'follow', signal: AbortSignal.timeout(this.options.timeoutMs) });
        if (res.ok) return true;
        problem = `HTTP ${res.status}`;
      } catch (e) {
        problem = (e as Error).message;
      }
      // The URL may carry a token (Slack's do): never log it.
      this.log.warn(`alert webhook attempt ${attempt}/${this.options.attempts} failed: ${problem}`);
      if (attempt < this.options.attempts) await new Promise((r) => setTimeout(r, this.options.baseDelayMs * 2 ** (attempt - 1)));
    }
    return false;
  }
}
