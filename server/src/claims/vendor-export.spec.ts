import { VENDOR_PRESETS, missingColumns, readVendorRecord, resolveMapping } from './vendor-export';

const fin = VENDOR_PRESETS['intercom-fin'];

describe('vendor export records', () => {
  it('reads a row of the Intercom preset', () => {
    expect(readVendorRecord({ 'Conversation ID': ' t-1 ', 'Resolution date': '2026-10-03', 'Resolution type': 'Assumed resolution', Charge: '$0.99' }, fin)).toEqual({
      conversationId: 't-1',
      date: '2026-10-03',
      resolutionType: 'Assumed resolution',
      billedAmount: 0.99,
    });
    expect(readVendorRecord({ 'Conversation ID': 't-2', 'Resolution date': '2026-10-03T23:30:00-02:00', 'Resolution type': '', Charge: '1 USD' }, fin)).toMatchObject({ date: '2026-10-04', resolutionType: 'resolution', billedAmount: 1 });
  });
  it.each([
    [{ 'Conversation ID': '', Charge: '1' }, 'Conversation ID: empty'],
    [{ 'Conversation ID': 'x', Charge: '-1' }, 'Charge: "-1" is not an amount'],
    [{ 'Conversation ID': 'x', Charge: '0,99' }, 'Charge: "0,99" is not an amount'],
    [{ 'Conversation ID': 'x', Charge: '1', 'Resolution date': '31/31/2026' }, 'Resolution date: "31/31/2026" is not a date'],
    [{ 'Conversation ID': 'x', Charge: '1', 'Resolution date': '0000-01-01' }, 'is outside the years 1900-2199'],
    [{ 'Conversation ID': 'x', Charge: '1', 'Resolution type': 'a\u0000b' }, 'Resolution type: contains control characters'],
    [{ 'Conversation ID': 'x', Charge: '9'.repeat(400) }, 'is not an amount'],
  ])('refuses %p: %s', (values, message) => {
    const r = readVendorRecord(values as Record<string, string>, fin);
    expect('error' in r && r.error).toContain(message);
  });
  it('mappings: a preset, a JSON mapping, or a message naming what is wrong', () => {
    expect(resolveMapping('zendesk-ar', undefined)).toBe(VENDOR_PRESETS['zendesk-ar']);
    expect(resolveMapping(undefined, '{"id":"Conv","amount":"Price"}')).toEqual({ id: 'Conv', amount: 'Price', named: true });
    expect(resolveMapping('nope', undefined)).toEqual({ problem: 'preset: unknown "nope"; use intercom-fin, zendesk-ar, generic, or a mapping' });
    expect(resolveMapping(undefined, '{"id":"Conv"}')).toEqual({ problem: 'mapping.amount: the column name is required' });
    expect(resolveMapping(undefined, '{"id":"Conv","amount":"P","colour":"x"}')).toEqual({ problem: 'mapping.colour: unknown; use id, amount, date, type' });
    expect(missingColumns(['id', 'Charge'], fin)).toBe('id column "Conversation ID" not in the header (it has: "id", "Charge")');
    expect(missingColumns(['Conversation ID', 'Charge'], fin)).toBeNull(); // date and type are optional
    expect(missingColumns(Object.values(fin) as string[], fin)).toBeNull();
  });
});

describe('amounts in another currency than the workspace\'s', () => {
  const row = (Charge: string) => ({ 'Conversation ID': 't-1', 'Resolution date': '2026-10-03', 'Resolution type': '', Charge });
  const fin = VENDOR_PRESETS['intercom-fin'];
  it.each([
    ['500 EUR', 'USD', 'is in EUR'],
    ['€700', 'USD', 'is in €'],
    ['£1', 'EUR', 'is in £'],
    ['100 XYZ', 'USD', 'is in XYZ'],
    ['$5', 'EUR', 'is in $'],
  ])('%s in a %s workspace is refused (%s)', (amount, currency, said) => {
    const v = readVendorRecord(row(amount), fin, currency);
    expect('error' in v && v.error).toBe(`Charge: "${amount}" ${said}; this workspace's amounts are in ${currency} (its cost model's currency): convert it first`);
  });
  it.each([
    ['500 EUR', 'EUR', 500],
    ['€700', 'EUR', 700],
    ['$5', 'CAD', 5],
    ['0.99', 'JPY', 0.99],
  ])('%s in a %s workspace is read as %p', (amount, currency, value) => {
    expect(readVendorRecord(row(amount), fin, currency)).toMatchObject({ billedAmount: value });
  });
});

describe('a mapping the request names', () => {
  it('needs every column it names in the header; a preset only its id and amount', () => {
    const m = resolveMapping(undefined, JSON.stringify({ id: 'Conv', amount: 'Price', date: 'Dya' }));
    expect('problem' in m).toBe(false);
    expect(missingColumns(['Conv', 'Price', 'Day'], m as never)).toBe('date column "Dya" not in the header (it has: "Conv", "Price", "Day")');
    expect(missingColumns(['Conversation ID', 'Charge'], VENDOR_PRESETS['intercom-fin'])).toBeNull();
  });
});
