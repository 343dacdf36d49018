// Ranges no ticket changed in since they were read keep their numbers (metrics/rollups/population-cache.ts):
// a change anywhere in a range makes it read again, a change elsewhere does not, and a cached
// answer is the answer a read without the cache gives.
import { APP_CONFIG } from '../src/config/config.module';
import type { AppConfig } from '../src/config/app-config';
import { TelemetryService } from '../src/telemetry/telemetry.service';
import { createFixtureApp } from './fixture-app';
import { rounded } from './rollup-checks';
import { TestApp } from './test-app';

const AS_OF = '2026-03-01T00:00:00Z';
// Two fixture weeks: the summary's range, and (compare=previous) the week before.
const SUMMARY = `/api/v1/metrics/summary?from=2026-01-19&to=2026-01-26&compare=previous&asOf=${AS_OF}`;
const WEEKLY = `/api/v1/metrics/timeseries?from=2026-01-05&to=2026-02-02&interval=week&asOf=${AS_OF}`;

interface Summary {
  byPath: { ai: { resolved: number } };
  comparison: { byPath: { ai: { resolved: number } } };
}
interface Series {
  buckets: { from: string; byPath: { ai: { resolved: number } } }[];
}

describe('reads keep the numbers of ranges nothing changed in', () => {
  let t: TestApp;
  let n = 0;
  beforeAll(async () => {
    t = await createFixtureApp();
    await t.projected();
  });
  afterAll(async () => t.close());

  const counts = async () => {
    const values = (await t.app.get(TelemetryService).populationCache.get()).values;
    const of = (outcome: string) => values.find((v) => v.labels.outcome === outcome)?.value ?? 0;
    return { hit: of('hit'), miss: of('miss') };
  };
  /** The hits and misses of one request. */
  const read = async <T>(url: string): Promise<{ body: T; hit: number; miss: number }> => {
    const before = await counts();
    const res = await t.request('GET', url);
    expect(res.status).toBe(200);
    const after = await counts();
    return { body: res.body as T, hit: after.hit - before.hit, miss: after.miss - before.miss };
  };
  /**
   * An answer without how long it waited for the projection, its numbers to 12 significant digits:
   * two reads of the same rows may add floats in another order (the last bits differ).
   */
  const numbers = (body: unknown) => rounded({ ...(body as object), freshness: undefined }, 12);
  /** The same request with the cache turned off: computed from the rollups afresh. */
  const uncached = async (url: string) => {
    const config = t.app.get<AppConfig>(APP_CONFIG);
    const rows = config.metricsCacheRows;
    config.metricsCacheRows = 0;
    try {
      return numbers((await t.request('GET', url)).body);
    } finally {
      config.metricsCacheRows = rows;
    }
  };
  /** Reopens an AI resolution of the fixture created on `day` (UTC): that day has one AI resolution fewer. */
  const reopenOn = async (day: string) => {
    const [ticket] = await t.ds.query(
      `SELECT id FROM tickets WHERE path = 'ai' AND resolved AND NOT reopened AND created_at >= $1::date AND created_at < $1::date + 1 ORDER BY id LIMIT 1`,
      [day],
    );
    const res = await t.request('POST', '/api/v1/events', { body: [{ id: `cache-test-reopen-${n++}`, ticketId: ticket.id, type: 'ticket.reopened', occurredAt: '2026-02-20T09:00:00Z' }] });
    expect(res.body.accepted).toBe(1);
  };

  it('a summary read again takes its range and its comparison period from the cache, with the same numbers', async () => {
    const first = await read<Summary>(SUMMARY);
    expect(first.miss).toBe(2);
    const again = await read<Summary>(SUMMARY);
    expect([again.hit, again.miss]).toEqual([2, 0]);
    expect(numbers(again.body)).toEqual(numbers(first.body));
  });

  it('a ticket changed in the range: the range is read again, the comparison period is not; both equal a read without the cache', async () => {
    const before = (await read<Summary>(SUMMARY)).body;
    await reopenOn('2026-01-20');
    const after = await read<Summary>(SUMMARY);
    expect([after.hit, after.miss]).toEqual([1, 1]);
    expect(after.body.byPath.ai.resolved).toBe(before.byPath.ai.resolved - 1);
    expect(after.body.comparison).toEqual(before.comparison);
    expect(numbers(after.body)).toEqual(await uncached(SUMMARY));
  });

  it('a ticket changed in the comparison period: that one is read again', async () => {
    const before = (await read<Summary>(SUMMARY)).body;
    await reopenOn('2026-01-13');
    const after = await read<Summary>(SUMMARY);
    expect([after.hit, after.miss]).toEqual([1, 1]);
    expect(after.body.comparison.byPath.ai.resolved).toBe(before.comparison.byPath.ai.resolved - 1);
    expect(after.body.byPath.ai).toEqual(before.byPath.ai);
    expect(numbers(after.body)).toEqual(await uncached(SUMMARY));
  });

  it('a weekly series: only the week with the changed ticket is read again', async () => {
    const first = await read<Series>(WEEKLY);
    expect(first.body.buckets.map((b) => b.from)).toEqual(['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26']);
    expect((await read<Series>(WEEKLY)).hit).toBe(4);
    await reopenOn('2026-01-21');
    const after = await read<Series>(WEEKLY);
    expect([after.hit, after.miss]).toEqual([3, 1]);
    const resolved = (s: { body: Series }) => s.body.buckets.map((b) => b.byPath.ai.resolved);
    expect(resolved(after)).toEqual(resolved(first).map((r, i) => (i === 2 ? r - 1 : r)));
    expect(numbers(after.body)).toEqual(await uncached(WEEKLY));
  });

  it('a filter, a segment or percentiles=false is another entry, never the unfiltered one', async () => {
    await read(SUMMARY);
    for (const extra of ['&channel=chat', '&path=ai']) expect((await read(`${SUMMARY}${extra}`)).miss).toBe(2);
    expect((await read(`${WEEKLY}&percentiles=false`)).miss).toBe(4);
    const byCategory = `/api/v1/metrics/breakdown?from=2026-01-19&to=2026-01-26&by=category&asOf=${AS_OF}`;
    expect((await read(byCategory)).miss).toBeGreaterThan(0);
    const again = await read(byCategory);
    expect(numbers(again.body)).toEqual(await uncached(byCategory));
  });

  it('a change to a day outside every range read leaves all of them cached', async () => {
    await read(SUMMARY);
    await read(WEEKLY);
    // A key the fixture has (a new key would change every filter's key set, and so every entry).
    const [k] = await t.ds.query(`SELECT channel, category, language FROM measure_keys ORDER BY key_id LIMIT 1`);
    const res = await t.request('POST', '/api/v1/events', {
      body: [
        {
          id: `cache-test-new-${n++}`, type: 'ticket.created', ticketId: 'cache-test-march', occurredAt: '2026-03-03T12:00:00Z',
          channel: k.channel, category: k.category, ...(k.language === null ? {} : { language: k.language }), customerId: 'cache-test-c',
        },
      ],
    });
    expect(res.body.accepted).toBe(1);
    expect((await read(SUMMARY)).hit).toBe(2);
    expect((await read(WEEKLY)).hit).toBe(4);
  });
});
