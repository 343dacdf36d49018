import { joinFilterValues, splitFilterValues } from './filter-list';

describe('filter lists', () => {
  it.each([
    ['chat,email', ['chat', 'email']],
    ['chat, email', ['chat', 'email']],
    ['Billing\\, payments,shipping', ['Billing, payments', 'shipping']],
    ['a\\\\,b', ['a\\', 'b']], // an escaped backslash, then a comma that splits
    ['C:\\temp', ['C:\\temp']], // a lone backslash is kept
    [',,x,', ['x']],
    ['\\ spaced\\ , email', [' spaced ', 'email']], // escaped ends are the value's own; the rest is trimmed
    ['\\  two', ['  two']], // the escaped space keeps the one after it inside
    [' spaced ', [' spaced ']], // one value: exact, as CONTRACT.md's filters
    [' a , b ', [' a', 'b ']], // the list's own ends are its values'; around a comma is padding
    ['a,  ,b', ['a', 'b']],
    ['tab\\\t', ['tab\t']],
    ['a\\ b', ['a b']], // an escaped space inside reads back as a space
    ['', []],
  ])('%s -> %j', (text, values) => expect(splitFilterValues(text)).toEqual(values));

  it.each([[['Billing, payments', 'shipping']], [['a\\', 'b,c\\,d']], [['plain']], [[' spaced ', '\tleading', 'trailing  ']], [['x\\ ', ' \\']]])('%j survives a round trip', (values) => {
    expect(splitFilterValues(joinFilterValues(values))).toEqual(values);
  });

  it('writes plain values as they are', () => expect(joinFilterValues(['chat', 'email'])).toBe('chat,email'));
  it('escapes whitespace at the ends only', () => expect(joinFilterValues([' a b '])).toBe('\\ a b\\ '));
});
