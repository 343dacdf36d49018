import type { CostModel } from '../../../server/src/contract';
import { describeCostChange, whatIfFields, whatIfParams, startingCostsNote } from './what-if';

const saved: CostModel = { humanHourlyCost: 40, aiCostPerConversation: 0.5, aiCostPerResolution: 0.99, fteHoursPerMonth: 140, fixedCostPerMonth: 0 };

describe('whatIfFields', () => {
  it('shows saved values with units when nothing is typed, and asks with nothing', () => {
    const f = whatIfFields({}, saved, 'USD');
    expect(f.map((x) => [x.value, x.unit, x.changed, x.error])).toEqual([
      ['40', 'USD per hour', false, null],
      ['0.5', 'USD per AI-involved ticket', false, null],
      ['0.99', 'USD per AI resolution', false, null],
      ['140', 'hours a month', false, null],
      ['0', 'USD per month', false, null],
    ]);
    expect(whatIfParams(f)).toEqual({});
  });

  it('a valid what-if is used; one equal to the saved value is not a what-if', () => {
    const f = whatIfFields({ humanHourlyCost: '55.5', fteHoursPerMonth: '140' }, saved, 'EUR');
    expect(whatIfParams(f)).toEqual({ humanHourlyCost: '55.5' });
    expect(f[0]).toMatchObject({ value: '55.5', saved: 40, changed: true, unit: 'EUR per hour' });
  });

  it('productive hours a month must be more than 0 and at most 744', () => {
    expect(whatIfFields({ fteHoursPerMonth: '0' }, saved, 'USD')[3].error).toBe('0 hours: an agent works more than 0 and at most 744 hours a month (every hour of a 31-day month)');
    expect(whatIfFields({ fteHoursPerMonth: '800' }, saved, 'USD')[3].changed).toBe(false);
    expect(whatIfFields({ fteHoursPerMonth: '160' }, saved, 'USD')[3].changed).toBe(true);
  });

  it('a cost above a billion is explained and left out (the server refuses it too); a billion is used', () => {
    const [big] = whatIfFields({ humanHourlyCost: '99999999999999999999999' }, saved, 'USD');
    expect([big.error, big.changed]).toEqual(['99999999999999999999999 is more than 1,000,000,000, the most a cost may be', false]);
    expect(whatIfFields({ fixedCostPerMonth: '1000000000' }, saved, 'USD')[4]).toMatchObject({ error: null, changed: true });
  });

  it.each(['1,5', 'abc', '-3', '-0.5', '1e3', ' '])('"%s" is explained and left out', (typed) => {
    const [h] = whatIfFields({ humanHourlyCost: typed }, saved, 'USD');
    if (typed.trim() === '') {
      expect(h.error).not.toBeNull(); // only spaces: not a number either
    } else if (typed.startsWith('-')) {
      expect(h.error).toBe(`${typed} is negative: a cost or an amount of time is 0 or more`);
    } else {
      expect(h.error).toBe(`"${typed}" is not a number: write digits with a dot for decimals (e.g. 1.5)`);
    }
    expect(h.changed).toBe(false);
    expect(whatIfParams([h])).toEqual({});
  });
});

describe('describeCostChange', () => {
  it('a field the form knows by its label and unit; another by its name', () => {
    expect(describeCostChange('humanHourlyCost', { old: 32, new: 40.5 }, 'EUR')).toBe('Human cost per hour 32 → 40.5 EUR per hour');
    expect(describeCostChange('fteHoursPerMonth', { old: 120, new: 140 }, 'EUR')).toBe('Productive hours per FTE per month 120 → 140 hours a month');
    expect(describeCostChange('currency', { old: 'USD', new: 'EUR' }, 'EUR')).toBe('currency USD → EUR');
  });
});

describe('startingCostsNote', () => {
  it('while the workspace runs on the costs it was created with, and only then', () => {
    expect(startingCostsNote({ version: 1, currency: 'JPY' })).toBe(
      "These are Claimcheck's starting costs (JPY 32 an hour, JPY 0.45 a conversation: the same numbers whatever the currency), not yours: every money figure rests on them until an admin saves the real ones on the savings audit.",
    );
    expect(startingCostsNote({ version: 2, currency: 'JPY' })).toBeNull();
    expect(startingCostsNote(undefined)).toBeNull();
  });
});
