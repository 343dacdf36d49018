// The demo story's two claims (docs/CLAIMS.md), so a newcomer sees both kinds checked on first
// start: a vendor's monthly report for the last full month with its per-conversation export
// (every AI resolution billed, plus some escalations the vendor counted as resolved and a few ids
// our data does not have), and an internal board claim in the Klarna style.
import { wsId } from '../workspaces/workspace-context';
import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ClaimsService } from '../claims/claims.service';
import { MetricsService } from '../metrics/metrics.service';
import { addDays } from '../stats/time-range';

const PRICE = 0.99;
/** Two significant digits, as a deck would round. */
const round2 = (x: number) => {
  if (x <= 0) return 0;
  const unit = 10 ** (Math.floor(Math.log10(x)) - 1);
  return Math.round(x / unit) * unit;
};

export async function addDemoClaims(app: INestApplicationContext, now = new Date()): Promise<void> {
  const claims = app.get(ClaimsService);
  const ds = app.get(DataSource);
  const monthStart = `${now.toISOString().slice(0, 7)}-01`;
  const lastMonth = new Date(Date.parse(`${monthStart}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 7) + '-01';
  const monthName = new Date(`${lastMonth}T00:00:00Z`).toLocaleString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });

  // The vendor bills every AI resolution of the month, one escalation in three (it counted the
  // conversation as resolved before the handoff), and five conversations we never saw.
  const billed: { id: string; day: string; csat: number | null }[] = await ds.query(
    `SELECT id, (created_at AT TIME ZONE 'UTC')::date::text AS day, csat FROM tickets
      WHERE workspace_id = $3 AND created_at >= $1::date AND created_at < $2::date
        AND ((path = 'ai' AND resolved) OR (path = 'escalated' AND abs(hashtext(id)) % 3 = 0))
      ORDER BY created_at, id`,
    [lastMonth, monthStart, wsId()],
  );
  if (billed.length === 0) return;
  const [{ involved }] = await ds.query(`SELECT count(*)::int AS involved FROM tickets WHERE workspace_id = $3 AND created_at >= $1::date AND created_at < $2::date AND ai_involved`, [lastMonth, monthStart, wsId()]);
  const rows = [...billed.map((b) => ({ ...b })), ...[1, 2, 3, 4, 5].map((i) => ({ id: `conv-${lastMonth}-${i}`, day: lastMonth, csat: null }))];
  const csv = ['Conversation ID,Resolution date,Resolution type,Charge', ...rows.map((r) => `${r.id},${r.day},${r.csat !== null && r.csat >= 4 ? 'Confirmed resolution' : 'Assumed resolution'},${PRICE}`)].join('\n');
  const vendor = await claims.create(
    {
      title: `AI agent vendor: monthly report, ${monthName}`,
      source: { kind: 'vendor_report', ref: 'The vendor’s monthly PDF and its per-conversation export (Intercom Fin format)' },
      from: lastMonth,
      to: monthStart,
      tz: 'UTC',
      figures: [
        { kind: 'aiResolutions', value: rows.length, unit: 'resolutions', note: `"${rows.length.toLocaleString('en-US')} conversations resolved"` },
        { kind: 'aiResolutionRate', value: Math.round((rows.length / Math.max(involved, 1)) * 100), unit: 'percent', note: '"resolution rate"' },
        { kind: 'costPerAiResolution', value: PRICE, unit: 'money', note: `"$${PRICE} per resolution"` },
      ],
    },
    'demo',
  );
  await claims.uploadVendorExport(vendor.id, csv, 'intercom-fin', undefined, 'demo');

  // The board deck: the last 90 complete days, the naive claim rounded up as decks do.
  const to = now.toISOString().slice(0, 10);
  const from = addDays(to, -90);
  const metrics = app.get(MetricsService);
  const s = await metrics.core(await metrics.scope({ from, to, tz: 'UTC' }), false);
  const perYear = ((s.savings.claimedSavings ?? 0) * 365.25) / 90;
  await claims.create(
    {
      title: 'Board deck: the assistant does the work of our support team',
      source: { kind: 'internal_deck', ref: 'Q-review slides, page 4' },
      from,
      to,
      tz: 'UTC',
      figures: [
        { kind: 'fte', value: Math.ceil((s.savings.claimedFteEquivalent ?? 0) * 1.25), unit: 'agents', note: '"does the work of N agents"' },
        { kind: 'savings', value: round2(perYear * 1.1), unit: 'money_per_year', note: '"saves $X a year"' },
        { kind: 'handleTime', value: 2, unit: 'minutes', who: 'ai', stat: 'median', note: '"resolves in 2 minutes"' },
        { kind: 'handleTime', value: 11, unit: 'minutes', who: 'human', stat: 'median', note: '"instead of 11"' },
      ],
    },
    'demo',
  );
}
