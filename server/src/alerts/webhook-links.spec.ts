import type { AlertDetails } from '../contract';
import { alertLinks, slackPayload } from './webhook.notifier';

const alert = {
  metric: 'csat', path: 'ai', segment: 'category:billing', rule: 'shift', bad: 'down', startedOn: '2026-11-01', detectedOn: '2026-11-05',
  summary: 'CSAT of AI tickets in billing fell', drillDown: { from: '2026-11-01', to: '2026-11-06', tz: 'UTC', category: 'billing', path: 'ai' },
} as unknown as AlertDetails & { summary: string };

describe('webhook links', () => {
  it('the default workspace: links as before, no workspace named', () => {
    const l = alertLinks('A1', alert, 'https://cc.example.com');
    expect(l.view).toBe('https://cc.example.com/quality?from=2026-09-27&to=2026-11-06&tz=UTC&category=billing&alert=A1');
    expect(l.tickets).toBe('https://cc.example.com/tickets?from=2026-11-01&to=2026-11-06&tz=UTC&category=billing&path=ai');
    expect((slackPayload('A1', alert, 'https://cc.example.com', { slug: 'default', name: 'Default' }).text as string).startsWith(':rotating_light: Claimcheck: ')).toBe(true);
  });

  it('another workspace: both links open it, and the message names it', () => {
    const l = alertLinks('A1', alert, 'https://cc.example.com', 'brand-eu');
    expect(new URL(l.view).searchParams.get('ws')).toBe('brand-eu');
    expect(new URL(l.tickets).searchParams.get('ws')).toBe('brand-eu');
    expect(slackPayload('A1', alert, 'https://cc.example.com', { slug: 'brand-eu', name: 'Brand EU' }).text).toBe(`:rotating_light: Claimcheck (Brand EU): CSAT of AI tickets in billing fell ${l.view}`);
  });
});
