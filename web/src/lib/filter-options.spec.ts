import type { LeanBreakdownResponse } from '../../../server/src/contract';
import { absentNote, describeFilter, filterOptions, matchOptions, toggleValue } from './filter-options';

const b = { segments: [{ key: 'web' }, { key: 'whatsapp' }] } as LeanBreakdownResponse;

describe('filterOptions', () => {
  it('the values the data has, in its order', () => expect(filterOptions(b, undefined)).toEqual(['web', 'whatsapp']));
  it('keeps a selected value the range lacks', () => expect(filterOptions(b, 'Billing')).toEqual(['web', 'whatsapp', 'Billing']));
  it('before the data arrives, only the selection', () => expect(filterOptions(undefined, 'chat')).toEqual(['chat']));
});

describe('matchOptions', () => {
  it('finds values whatever their case, anywhere in the name', () => {
    expect(matchOptions(['Billing', 'billing-disputes', 'Shipping', 'Account'], 'BILL')).toEqual(['Billing', 'billing-disputes']);
    expect(matchOptions(['Billing', 'Shipping'], ' ')).toEqual(['Billing', 'Shipping']);
    expect(matchOptions(['Billing'], 'xyz')).toEqual([]);
  });
});

describe('toggleValue', () => {
  it('adds and removes values of the comma list; none left means all', () => {
    expect(toggleValue(undefined, 'chat')).toBe('chat');
    expect(toggleValue('chat', 'email')).toBe('chat,email');
    expect(toggleValue('chat,email', 'chat')).toBe('email');
    expect(toggleValue('email', 'email')).toBeUndefined();
  });
});

describe('values with commas (a real helpdesk category "Billing, payments")', () => {
  it('are switched on and off as one value, written escaped in the URL', () => {
    const on = toggleValue(undefined, 'Billing, payments');
    expect(on).toBe('Billing\\, payments');
    const two = toggleValue(on, 'shipping');
    expect(two).toBe('Billing\\, payments,shipping');
    expect(toggleValue(two, 'Billing, payments')).toBe('shipping');
  });
  it('a selected one stays among the options as itself', () => {
    expect(filterOptions({ segments: [] }, 'Billing\\, payments,shipping')).toEqual(['Billing, payments', 'shipping']);
  });
});

describe('values with spaces at their ends (" spaced ", its own segment beside "spaced")', () => {
  it('are switched on and off as themselves, the ends escaped in the URL', () => {
    const on = toggleValue(undefined, ' spaced ');
    expect(on).toBe('\\ spaced\\ ');
    const two = toggleValue(on, 'spaced');
    expect(two).toBe('\\ spaced\\ ,spaced');
    expect(toggleValue(two, ' spaced ')).toBe('spaced');
    expect(filterOptions({ segments: [{ key: ' spaced ' }, { key: 'spaced' }] } as never, two)).toEqual([' spaced ', 'spaced']);
  });
  it('are quoted for a reader', () => {
    expect(describeFilter('\\ spaced\\ ,spaced')).toBe('" spaced " or spaced');
    expect(absentNote('category', { segments: [{ key: ' spaced ' }] } as never, 'spaced')).toBe('No ticket in this range has category "spaced" (the range\'s categories: " spaced ").');
  });
});

describe('absentNote', () => {
  const b = { segments: [{ key: 'billing' }, { key: 'shipping' }] } as never;
  it('names a selected value the range has no ticket of, with the values it has', () => {
    expect(absentNote('category', b, 'Billingz')).toBe('No ticket in this range has category "Billingz" (the range\'s categories: billing, shipping).');
    expect(absentNote('category', b, 'billing,Billingz,x')).toBe('No ticket in this range has category "Billingz" or "x" (the range\'s categories: billing, shipping).');
  });
  it('says nothing when every value is there, nothing is selected, or the values are not known yet', () => {
    expect(absentNote('category', b, 'billing')).toBeNull();
    expect(absentNote('category', b, undefined)).toBeNull();
    expect(absentNote('category', undefined, 'Billingz')).toBeNull();
  });
});

describe('describeFilter', () => {
  it.each([
    ['billing', 'billing'],
    ['billing,shipping', 'billing or shipping'],
    ['Billing\\, payments,shipping', '"Billing, payments" or shipping'],
  ])('%s -> %s', (v, want) => expect(describeFilter(v)).toBe(want));
});
