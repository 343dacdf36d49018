import { exportFileName } from './export';

describe('exportFileName', () => {
  it('names the view and keeps only safe characters', () => {
    expect(exportFileName('timeseries', { from: '2026-01-05', to: '2026-01-26' }, 'csv')).toBe('claimcheck-timeseries-2026-01-05-2026-01-26.csv');
    expect(exportFileName('CSAT top-2 (AI/human)', {}, 'png')).toBe('claimcheck-CSAT_top-2_AI_human_.png');
  });
});
