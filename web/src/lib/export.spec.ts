import { exportCaption, exportFileName } from './export';

describe('exportFileName', () => {
  it('names the view and keeps only safe characters; the last day as the pages write it (to is exclusive)', () => {
    expect(exportFileName('timeseries', { from: '2026-01-05', to: '2026-01-26' }, 'csv')).toBe('claimcheck-timeseries-2026-01-05-2026-01-25.csv');
    expect(exportFileName('report', { from: '2026-12-01', to: '2027-01-01' }, 'pdf')).toBe('claimcheck-report-2026-12-01-2026-12-31.pdf');
    expect(exportFileName('CSAT top-2 (AI/human)', {}, 'png')).toBe('claimcheck-CSAT_top-2_AI_human_.png');
  });
});

describe('exportCaption', () => {
  const stored = { version: 3, currency: 'USD', changedBy: 'admin', changedAt: '2026-11-01T00:00:00Z', humanHourlyCost: 36, aiCostPerConversation: 0.5, aiCostPerResolution: 1, fteHoursPerMonth: 120, fixedCostPerMonth: 2000 };
  it('title, the local days with the last one inclusive, the filters, and the saved costs', () => {
    expect(exportCaption('Savings waterfall', { from: '2026-10-01', to: '2026-11-01', tz: 'Europe/Stockholm', channel: 'chat' }, stored)).toEqual([
      'Claimcheck · Savings waterfall',
      '2026-10-01 to 2026-10-31 (Europe/Stockholm); channel chat',
      'Costs (cost model v3): human $36.00/h; AI $0.50/conversation + $1.00/resolution; fixed $2,000/month; 120 h per FTE month',
    ]);
  });
  it('what-if values in the view win and are marked as such', () => {
    const lines = exportCaption('Trend', { from: '2026-10-01', to: '2026-10-08', interval: 'week', humanHourlyCost: '50' }, stored);
    expect(lines[1]).toBe('2026-10-01 to 2026-10-07 (UTC), by week; all tickets');
    expect(lines[2]).toBe('Costs (what-if, not saved): human $50.00/h; AI $0.50/conversation + $1.00/resolution; fixed $2,000/month; 120 h per FTE month');
  });
});
