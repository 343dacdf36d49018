import type { Summary } from '../../../server/src/contract';
import { reportCommand, reportTitle } from './report';

describe('reportTitle', () => {
  it('the period with its last day inclusive and the headline figures', () => {
    const s = { from: '2026-10-01', to: '2026-11-01', tz: 'UTC', savings: { claimedSavings: 12345.6, verifiedSavings: 6993, netSavings: -250.5 } } as Summary;
    expect(reportTitle(s, 'USD')).toBe('Claimcheck board pack 2026-10-01 to 2026-10-31 (UTC) · claimed $12,346 · verified $6,993 · net −$250.50');
  });
  it('no net figure for a part of the program', () => {
    const s = { from: '2026-10-01', to: '2026-10-08', tz: 'Europe/Stockholm', savings: { claimedSavings: 10, verifiedSavings: 5, netSavings: null } } as Summary;
    expect(reportTitle(s, 'EUR')).toBe('Claimcheck board pack 2026-10-01 to 2026-10-07 (Europe/Stockholm) · claimed €10.00 · verified €5.00');
  });
  it('mostly maturing (1,432 of 1,900 AI resolutions younger than 7 days): the verified figure is not judged yet, and no net', () => {
    const s = { from: '2026-11-23', to: '2026-11-30', tz: 'UTC', aiResolved: 1900, pendingAiResolved: 1432, savings: { claimedSavings: 10, verifiedSavings: -413.78, netSavings: -1400 } } as Summary;
    expect(reportTitle(s, 'USD')).toBe('Claimcheck board pack 2026-11-23 to 2026-11-29 (UTC) · claimed $10.00 · verified not judged yet');
  });
});

describe('reportCommand', () => {
  it('the view as the CLI\'s flags, with its workspace; the default comparison left out', () => {
    expect(reportCommand({ from: '2026-10-31', to: '2026-11-30', tz: 'UTC' }, 'previous', 'demo')).toBe('npm run report -- --from 2026-10-31 --to 2026-11-30 --tz UTC --workspace demo --out report.pdf');
    // Rated 1-2 left out on screen: the PDF leaves them out too.
    expect(reportCommand({ from: '2026-10-31', to: '2026-11-30', tz: 'UTC' }, 'previous', 'demo', true)).toBe('npm run report -- --from 2026-10-31 --to 2026-11-30 --tz UTC --lowrated exclude --workspace demo --out report.pdf');
  });
  it('filters, another comparison, and a value with a space or a quote as one shell word', () => {
    expect(reportCommand({ from: '2026-01-01', to: '2026-02-01', tz: 'Asia/Kolkata', channel: 'chat,email', category: "billing & user's" }, 'year', 'default')).toBe(
      "npm run report -- --from 2026-01-01 --to 2026-02-01 --tz Asia/Kolkata --channel chat,email --category 'billing & user'\\''s' --compare year --workspace default --out report.pdf",
    );
  });
});
