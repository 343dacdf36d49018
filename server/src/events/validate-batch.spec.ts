import { echoedId, validateBatch } from './validate-batch';

describe('a rejected event\'s id in the answer', () => {
  it.each([
    ['short', 'e-1', 'e-1'],
    ['128 emoji (256 UTF-16 units) kept whole', '😀'.repeat(128), '😀'.repeat(128)],
    ['129 emoji cut at 128', '😀'.repeat(129), `${'😀'.repeat(128)}…`],
    ['a megabyte cut at 128', 'x'.repeat(1 << 20), `${'x'.repeat(128)}…`],
  ])('%s', (_name, id, shown) => expect(echoedId(id)).toBe(shown));

  it('a 1 MB id is refused and answered with its first 128 characters', async () => {
    const { rejected } = await validateBatch([{ value: { id: 'x'.repeat(1 << 20), type: 'ticket.created', ticketId: 't', occurredAt: '2026-01-01T00:00:00Z', channel: 'chat' } }]);
    expect(rejected).toHaveLength(1);
    expect(rejected[0].id).toBe(`${'x'.repeat(128)}…`);
    expect(JSON.stringify(rejected).length).toBeLessThan(2_000);
  });
});
