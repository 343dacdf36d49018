import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SummaryCore } from '../../../server/src/contract';
import { qualityComparison, youngTicketsNote } from './quality-compare';

// Fixture cases 1 (three weeks) and 3 (disputes, third week), as the API returns them.
const expected = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../server/test/fixtures/contract/expected.json'), 'utf8'));
const a = expected.cases[0].summary as SummaryCore;

describe('qualityComparison', () => {
  it('each rate in both periods with its n and the change in points', () => {
    // The same summary with AI CSAT 10 points lower and escalation 5 points higher: both worse.
    const b = {
      ...a,
      escalationRate: a.escalationRate! - 0.05,
      byPath: { ...a.byPath, ai: { ...a.byPath.ai, csat: { ...a.byPath.ai.csat, top2Box: a.byPath.ai.csat.top2Box! + 0.1 } } },
    } as SummaryCore;
    const rows = Object.fromEntries(qualityComparison(a, b).map((r) => [r.label, r]));
    // Case 1 (expected.json): AI top-2 55 of 78 answers = 70.5%.
    expect(rows['AI CSAT top-2-box']).toMatchObject({ current: '70.5% (n=78)', previous: '80.5% (n=78)', change: '−10.0 pt', worse: true });
    expect(rows['Escalation rate']).toMatchObject({ change: '+5.0 pt', worse: true });
    expect(rows['Human reopen rate']).toMatchObject({ change: '±0.0 pt', worse: false });
  });
  it('a change too small to show (±0.0 pt) is not marked worse', () => {
    // Escalation 0.04 points higher: a worsening below the last digit shown.
    const b = { ...a, escalationRate: a.escalationRate! - 0.0004 } as SummaryCore;
    const row = qualityComparison(a, b).find((r) => r.label === 'Escalation rate')!;
    expect(row).toMatchObject({ change: '±0.0 pt', worse: false });
  });
  it('a rate without tickets on one side: a dash, not a change', () => {
    const empty = expected.cases[5].summary as SummaryCore;
    const rows = qualityComparison(a, empty);
    expect(rows.find((r) => r.label === 'AI CSAT top-2-box')).toMatchObject({ previous: '—', change: '—', worse: false });
  });
  it('a period whose AI resolutions are mostly maturing: its verified rate is not judged yet, no change', () => {
    // 1,432 of 1,900 AI resolutions younger than 7 days in the current period.
    const young = { ...a, aiResolved: 1900, pendingAiResolved: 1432, verifiedAiResolutionRate: 0.126 } as SummaryCore;
    const rows = Object.fromEntries(qualityComparison(young, a).map((r) => [r.label, r]));
    expect(rows['Verified AI resolution rate']).toMatchObject({ current: 'not judged yet', change: '—', worse: false });
    expect(rows['Verified AI resolution rate'].previous).toBe(qualityComparison(a, a).find((r) => r.label === 'Verified AI resolution rate')!.current);
    // The other guardrails do not wait for the verdicts.
    expect(rows['AI CSAT top-2-box'].current).toBe('70.5% (n=78)');
  });
});

describe('youngTicketsNote', () => {
  it('says the rates may still rise while resolutions are younger than 7 days, with how many', () => {
    expect(youngTicketsNote({ pendingAiResolved: 1465 })).toBe(
      "Repeat-contact and reopen rates count every resolved ticket, also those resolved in the last 7 days (1,465 by the AI alone), which can still come back: this range's rates may still rise.",
    );
  });
  it('nothing young (fixture case 1, long past): no note', () => {
    expect(youngTicketsNote(a)).toBeNull();
  });
});
