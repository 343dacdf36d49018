// The contract's fixture scenario (shared/contract/fixtures, copied to test/fixtures/contract):
// posted whole, and posted shuffled, in random batch sizes and body formats, with resends and
// concurrent requests, it must reproduce every expected summary to 1e-6.
import { TestApp, createTestApp, expected, fixtureLines, mismatches, shuffle, summaryUrl } from './test-app';

type Format = 'array' | 'wrapped' | 'ndjson';

function body(lines: string[], format: Format): { raw: string; contentType: string } {
  if (format === 'ndjson') return { raw: lines.join('\n') + '\n', contentType: 'application/x-ndjson' };
  // Lines that are not JSON cannot be inside a JSON array; the fixture has none, but keep it honest.
  const values = lines.map((l) => JSON.parse(l));
  return { raw: JSON.stringify(format === 'array' ? values : { events: values }), contentType: 'application/json' };
}

async function postInBatches(t: TestApp, lines: string[], seed: number, parallel: number) {
  const formats: Format[] = ['array', 'wrapped', 'ndjson'];
  const batches: { lines: string[]; format: Format }[] = [];
  let s = seed;
  for (let i = 0; i < lines.length; ) {
    s = (s * 48271) % 2147483647;
    const size = 1 + (s % 700);
    batches.push({ lines: lines.slice(i, i + size), format: formats[s % 3] });
    i += size;
  }
  const totals = { accepted: 0, duplicates: 0, rejected: 0, sent: 0 };
  for (let i = 0; i < batches.length; i += parallel) {
    const results = await Promise.all(
      batches.slice(i, i + parallel).map(async (b) => {
        const res = await t.request('POST', '/api/v1/events', body(b.lines, b.format));
        expect([200, 207]).toContain(res.status);
        return { ...res.body, sent: b.lines.length };
      }),
    );
    for (const r of results) {
      totals.accepted += r.accepted;
      totals.duplicates += r.duplicates;
      totals.rejected += r.rejected.length;
      totals.sent += r.sent;
    }
  }
  return totals;
}

async function expectAllCases(t: TestApp) {
  for (const c of expected().cases) {
    const res = await t.request('GET', summaryUrl(c.query, c.query.asOf ?? '2026-03-01T00:00:00Z'));
    expect(res.status).toBe(200);
    expect({ query: c.query, mismatches: mismatches(c.summary, res.body) }).toEqual({ query: c.query, mismatches: [] });
  }
}

describe('contract fixture scenario', () => {
  let t: TestApp;
  afterEach(async () => t?.close());

  it('in file order, one NDJSON request: ingest counts and all six summaries', async () => {
    t = await createTestApp();
    const lines = fixtureLines();
    const res = await t.request('POST', '/api/v1/events', body(lines, 'ndjson'));
    const e = expected().ingest;
    expect(lines.length).toBe(e.lines);
    expect(res.status).toBe(207);
    expect(res.body.accepted).toBe(e.accepted);
    expect(res.body.duplicates).toBe(e.duplicates);
    expect(res.body.rejected).toHaveLength(e.rejected);
    await expectAllCases(t);
  });

  it.each([
    [1, 1],
    [2, 3],
    [3, 4],
  ])('shuffled (seed %i), random batches and formats, %i requests at a time, then resent', async (seed, parallel) => {
    t = await createTestApp();
    const e = expected().ingest;
    const lines = shuffle(fixtureLines(), seed);
    const first = await postInBatches(t, lines, seed, parallel);
    expect(first).toEqual({ accepted: e.accepted, duplicates: e.duplicates, rejected: e.rejected, sent: e.lines });
    await expectAllCases(t);

    // Everything again, in another order: nothing new is accepted and no number moves.
    const again = await postInBatches(t, shuffle(lines, seed + 100), seed + 7, parallel);
    expect(again).toEqual({ accepted: 0, duplicates: e.accepted + e.duplicates, rejected: e.rejected, sent: e.lines });
    await expectAllCases(t);
  });

  it('eight requests at once, each the whole fixture in its own order: no deadlock, each event once', async () => {
    t = await createTestApp();
    const e = expected().ingest;
    const results = await Promise.all(
      [11, 12, 13, 14, 15, 16, 17, 18].map((seed) => t.request('POST', '/api/v1/events', body(shuffle(fixtureLines(), seed), 'ndjson'))),
    );
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(207));
    expect(results.reduce((n, r) => n + r.body.accepted, 0)).toBe(e.accepted);
    expect(results.reduce((n, r) => n + r.body.duplicates, 0)).toBe(8 * (e.accepted + e.duplicates) - e.accepted);
    await expectAllCases(t);
  });
});
