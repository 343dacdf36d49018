import { type ClaimDraft, draftOf, emptyDraft, formProblems, inputOf as inputIn, newFigure, periodHint } from './claim-form';

// A USD workspace (a money figure's currency sign is checked against it: claim-value.spec.ts).
const inputOf = (d: ClaimDraft) => inputIn(d, 'USD');

describe('claim form', () => {
  it('turns the typed text into the API input: thousands separators, handle time who and stat, empty fields left out', () => {
    const d = { ...emptyDraft('2026-10-01', '2026-11-01', 'UTC'), title: ' Fin October ', figures: [{ ...newFigure('aiResolutions'), value: '12,430' }, { ...newFigure('handleTime'), value: '2', unit: 'minutes', note: 'resolves in 2 min' }] };
    expect(inputOf(d)).toEqual({
      input: {
        title: 'Fin October',
        source: { kind: 'vendor_report' },
        from: '2026-10-01',
        to: '2026-11-01',
        tz: 'UTC',
        figures: [
          { kind: 'aiResolutions', value: 12430, unit: 'resolutions' },
          { kind: 'handleTime', value: 2, unit: 'minutes', who: 'ai', stat: 'median', note: 'resolves in 2 min' },
        ],
      },
    });
  });
  it('names the figure whose value is not a number', () => {
    const d = { ...emptyDraft('2026-10-01', '2026-11-01', 'UTC'), title: 'QBR', figures: [{ ...newFigure(), value: 'lots' }] };
    expect(inputOf(d)).toEqual({ errors: ['figure 1: "lots" is not a number'] });
    // As a deck writes them: "$2M", "12k", "70%" (a percentage only where the unit is one).
    const value = (kind: Parameters<typeof newFigure>[0], typed: string) => inputOf({ ...d, figures: [{ ...newFigure(kind), value: typed }] });
    expect(value('savings', '$2M')).toMatchObject({ input: { figures: [{ value: 2_000_000 }] } });
    expect(value('savings', '$1.5b')).toMatchObject({ input: { figures: [{ value: 1_500_000_000 }] } });
    expect(value(undefined, '12k')).toMatchObject({ input: { figures: [{ value: 12_000 }] } });
    expect(value('aiResolutionRate', '70%')).toMatchObject({ input: { figures: [{ value: 70, unit: 'percent' }] } });
    expect(value(undefined, '70%')).toEqual({ errors: ['figure 1: "70%" is not a number'] });
    // A currency sign in front is read ("$40,000" is 40,000).
    expect(inputOf({ ...d, figures: [{ ...newFigure('savings'), value: '$40,000' }] })).toMatchObject({ input: { figures: [{ value: 40000 }] } });
    expect(inputOf({ ...d, figures: [{ ...newFigure(), value: '0,99' }] })).toEqual({ errors: ['figure 1: "0,99": write decimals with a dot (0.99), thousands with a comma (12,430)'] });
  });
  it('a saved claim comes back as the same draft', () => {
    const claim = { id: 'x', version: 1, createdAt: '', createdBy: '', updatedAt: '', updatedBy: '', title: 'T', source: { kind: 'press' as const, ref: 'link' }, from: '2026-01-01', to: '2026-02-01', tz: 'UTC', category: 'billing', figures: [{ kind: 'fte' as const, value: 700, unit: 'agents' }] };
    expect(inputOf(draftOf(claim))).toEqual({ input: { title: 'T', source: { kind: 'press', ref: 'link' }, from: '2026-01-01', to: '2026-02-01', tz: 'UTC', category: 'billing', figures: [{ kind: 'fte', value: 700, unit: 'agents' }] } });
  });
  it('says before sending: no title, an empty period, a negative figure, a percentage over 100', () => {
    const d = { ...emptyDraft('2026-10-01', '2026-10-01', 'UTC'), figures: [{ ...newFigure('aiResolutions'), value: '-5' }, { ...newFigure('aiResolutionRate'), value: '150', unit: 'percent' }] };
    expect(inputOf(d)).toEqual({
      errors: [
        'Title: say where the claim comes from, e.g. "Vendor QBR, March"',
        'figure 1: -5 is negative; a claimed figure is 0 or more',
        'figure 2: 150% is more than 100%',
        'To (exclusive) must be after From: 2026-10-01 to 2026-10-01 holds no day',
      ],
    });
    expect(inputOf({ ...d, title: 'x'.repeat(201), from: '2026-10-01', to: '2026-11-01', figures: [newFigure('aiResolutions')].map((f) => ({ ...f, value: '1' })) })).toEqual({ errors: ['Title: at most 200 characters (this one has 201)'] });
  });
  it("puts the server's problems in the form's words, one per line", () => {
    expect(formProblems('figures[0].value: a percentage is at most 100 (got 150); figures[2]: must be an object {kind, value, unit}; to: must be after from')).toEqual([
      'figure 1, value: a percentage is at most 100 (got 150)',
      'figure 3: must be an object {kind, value, unit}',
      'to: must be after from',
    ]);
  });
});

describe('periodHint', () => {
  it.each([
    ['a past period', '2026-10-01', '2026-11-01', null],
    ['ends today (to is exclusive): over', '2026-11-01', '2026-11-30', null],
    ['runs past today', '2026-11-01', '2026-12-01', 'This period is not over (today is 2026-11-30): rates and times are checked on its days so far; totals are not judged until it ends, unless already reached.'],
    ['begins today', '2026-11-30', '2027-01-01', 'This period has not begun (today is 2026-11-30): the claim is kept, and checked once its days are over.'],
    ['dates not entered', '', '2027-01-01', null],
    ['reversed', '2027-02-01', '2027-01-01', null],
  ])('%s', (_name, from, to, want) => expect(periodHint({ from, to }, '2026-11-30')).toBe(want));
});
