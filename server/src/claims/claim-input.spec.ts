import type { ClaimInput } from '../contract';
import { claimProblems } from './claim-input';

const ok: ClaimInput = { title: 'Board deck', source: { kind: 'internal_deck' }, from: '2026-10-01', to: '2026-11-01', tz: 'UTC', figures: [{ kind: 'fte', value: 700, unit: 'agents' }] };
const bad = (o: Partial<ClaimInput>) => claimProblems({ ...ok, ...o });

describe('claimProblems', () => {
  it('a well-formed claim has none', () => expect(claimProblems(ok)).toEqual([]));
  it('fractional agents and 40 million in savings are fine', () => {
    expect(bad({ figures: [{ kind: 'fte', value: 12.5, unit: 'agents' }, { kind: 'savings', value: 40_000_000, unit: 'money_per_year' }] })).toEqual([]);
  });
  it.each([
    [{ from: '2026-11-01', to: '2026-10-01' }, 'to: must be after from (got from=2026-11-01, to=2026-10-01; to is exclusive)'],
    [{ source: { kind: 'blog' } }, 'source.kind: must be one of vendor_report, internal_deck, press, other'],
    [{ figures: [] }, 'figures: a claim states at least one figure'],
    [{ figures: [{ kind: 'savings', value: -5, unit: 'money_per_year' }] }, 'figures[0].value: must be ≥ 0 (got -5)'],
    [{ figures: [{ kind: 'savings', value: 5 }] }, 'figures[0].unit: required for savings: money_per_period or money_per_month or money_per_year'],
    [{ figures: [{ kind: 'savings', value: 5, unit: 'minutes' }] }, 'figures[0].unit: "minutes" is not a unit of savings; use money_per_period or money_per_month or money_per_year'],
    [{ figures: [{ kind: 'handleTime', value: 2, unit: 'minutes' }] }, 'figures[0].who: required for handleTime: ai or human'],
    [{ figures: [{ kind: 'aiResolutionRate', value: 120, unit: 'percent' }] }, 'figures[0].value: a percentage is at most 100 (got 120)'],
    [{ figures: [{ kind: 'magic', value: 1, unit: 'x' }] }, 'figures[0].kind: must be one of aiResolutions, aiResolutionRate, automationRate, handleTime, costPerAiResolution, savings, fte, csat'],
    [{ figures: [{ kind: 'fte', value: '700', unit: 'agents' }] }, 'figures[0].value: must be a number'],
    [{ figures: [{ kind: 'aiResolutions', value: 12.5, unit: 'resolutions' }] }, 'figures[0].value: a number of resolutions is a whole number (got 12.5)'],
    [{ figures: [{ kind: 'savings', value: 1e300, unit: 'money_per_year' }] }, 'figures[0].value: at most 10^15 (got 1e+300)'],
  ] as [Partial<ClaimInput>, string][])('%p: %s', (o, message) => expect(bad(o)).toContain(message));
});
