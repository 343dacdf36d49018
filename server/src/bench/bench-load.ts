// npm run bench:load -- [--tickets 1000000] [--seconds 180] [--writers 2] [--readers 10] [--think-ms 1000] [--long-ranges]
//                       [--writer-rate 2500 | --flat-out] [--reporting-zone America/New_York] [--database-url URL]
// Dashboard readers and live writers at once against a database of about N tickets (the demo story,
// seeded first unless it holds them). Writers post new tickets of the story's last two days (the
// days everyone looks at) in 1,000-event batches, each at --writer-rate events/s or as fast as the
// server takes them (--flat-out). Each reader walks the dashboard's requests (overview, quality,
// segments, tickets, savings) with its own filters and zone. Reports latency per request kind,
// errors, reads that answered behind the writers, accepted events/s, how long the projector
// needed to catch up after the writers stopped, where its time went by step while the clock ran,
// and how many ranges the reads took from the cache of unchanged ranges.
import 'reflect-metadata';
import { parseArgs } from '../cli/cli-args';
import { demoEvents } from '../demo/demo-story';
import { percentileCont } from '../stats/rates';
import { addDays } from '../stats/time-range';
import { BenchDatabase, BenchServer, benchDatabase, counterBy, ensureDemoData, projectorSeconds, secondsSince, startBenchServer, writeResult } from './bench-env';

const END = '2026-11-22';

const cacheRanges = (text: string) => counterBy(text, 'claimcheck_population_cache_ranges_total');
const BATCH = 1000;

interface Sample {
  kind: string;
  ms: number;
  ok: boolean;
  complete: boolean;
  /** How long the read waited for the projector (freshness.waitedMs). */
  waitedMs: number;
}

/**
 * What the dashboard asks for when a page opens (the same requests as web/src/pages, fired
 * together as the browser does); `{q}` is the reader's range, filters and zone.
 */
function dashboardPages(): { page: string; requests: { kind: string; path: string }[] }[] {
  return [
    {
      page: 'overview',
      requests: [
        { kind: 'overview: summary with comparison', path: 'metrics/summary?{q}&compare=previous' },
        { kind: 'overview: weekly trend', path: 'metrics/timeseries?{q}&interval=week' },
        { kind: 'alerts', path: 'alerts?state=open' },
        { kind: 'cost model', path: 'cost-model' },
      ],
    },
    {
      page: 'quality',
      requests: [
        { kind: 'quality: daily series', path: 'metrics/timeseries?{q}&interval=day&percentiles=false' },
        { kind: 'quality: category x channel grid', path: 'metrics/breakdown?{q}&by=category,channel&limit=1000&percentiles=false' },
        { kind: 'alerts', path: 'alerts?state=open' },
      ],
    },
    {
      page: 'segments',
      requests: [
        { kind: 'segments: by category with weekly series', path: 'metrics/breakdown?{q}&by=category&sort=tickets&order=desc&limit=12&series=week&percentiles=false' },
        { kind: 'cost model', path: 'cost-model' },
      ],
    },
    { page: 'tickets', requests: [{ kind: 'tickets: first page of a drill-down', path: 'tickets?{q}&path=ai&verified=true&limit=50' }] },
    {
      page: 'savings',
      requests: [
        // The waterfall's reopened and came-back counts come with the summary (two ticket-list counts before).
        { kind: 'savings: what-if summary', path: 'metrics/summary?{q}&humanHourlyCost=40' },
        { kind: 'cost model', path: 'cost-model' },
        { kind: 'cost model history', path: 'cost-model/history' },
      ],
    },
  ];
}

const FILTERS = ['', '&channel=chat', '&category=billing', '&channel=email', '&category=account'];
/** Days each reader looks at: the dashboard's default (30), or --long-ranges: 30, 30, 90, 30, 365. */
const LONG_RANGES = [30, 30, 90, 30, 365];

/**
 * A live writer: new tickets on the story's last two days, a fresh story per round. Seeds (and so
 * event ids) differ per run, so a second run on the same database is not all duplicates.
 */
function* liveBatches(writer: number, run: number): Generator<string> {
  for (let round = 0; ; round++) {
    let body: string[] = [];
    for (const day of demoEvents({ days: 2, perDay: 5000, seed: run * 1_000_000 + writer * 100_000 + round, end: new Date(`${END}T00:00:00Z`) })) {
      for (const e of day) {
        body.push(JSON.stringify(e));
        if (body.length === BATCH) {
          yield body.join('\n');
          body = [];
        }
      }
    }
  }
}

function stats(ms: number[]) {
  const r1 = (x: number | null) => (x === null ? null : Number(x.toFixed(1)));
  return { n: ms.length, medianMs: r1(percentileCont(ms, 0.5)), p95Ms: r1(percentileCont(ms, 0.95)), maxMs: r1(ms.length ? Math.max(...ms) : null) };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), {
    tickets: 'int', seconds: 'int', writers: 'int', readers: 'int', 'writer-rate': 'int', 'flat-out': 'bool', 'think-ms': 'int', 'long-ranges': 'bool', 'database-url': 'string', 'reporting-zone': 'string',
  });
  const tickets = (args.tickets as number) ?? 1_000_000;
  const seconds = (args.seconds as number) ?? 180;
  const writers = (args.writers as number) ?? 2;
  const readers = (args.readers as number) ?? 10;
  const flatOut = args['flat-out'] === true;
  const writerRate = flatOut ? Infinity : ((args['writer-rate'] as number) ?? 2500);
  const thinkMs = (args['think-ms'] as number) ?? 1000;
  const ranges = args['long-ranges'] === true ? LONG_RANGES : [30];
  const zone = (args['reporting-zone'] as string) ?? 'America/New_York';
  const given = args['database-url'] as string | undefined;
  const db: BenchDatabase = given ? { url: given, label: `PostgreSQL at ${new URL(given).host}`, close: async () => undefined } : await benchDatabase();
  try {
    await ensureDemoData(db.url, tickets, END);
    const server = await startBenchServer(db.url, { REPORTING_TIME_ZONE: zone, ALERTS_EVERY_MINUTES: '0', ALERTS_AFTER_INGEST_SECONDS: '0' });
    try {
      await run(server);
    } finally {
      await server.stop();
    }
  } finally {
    await db.close();
  }

  async function run(server: BenchServer): Promise<void> {
    const headers = { authorization: `Bearer ${server.token}` };
    const base = `http://127.0.0.1:${server.port}`;
    // Settle first: whatever the seeding left queued is projected, and the days it left to build
    // are built, before the clock starts. This measures live ingest on a settled install; the
    // minutes after a bulk load are bench:query's "after the load" figures. (Before 2026-11-29 it
    // waited for the queue only, and the first 1-2 minutes of a run after a fresh seeding read
    // days not built yet from the tickets while the projector built them: p95 2.9 s against 0.45 s.)
    const settling = performance.now();
    for (;;) {
      const s = (await (await fetch(`${base}/api/v1/status`, { headers })).json()) as { rollupDaysPending: number; freshness: { complete: boolean } };
      if (s.freshness.complete && s.rollupDaysPending === 0) break;
      process.stderr.write(`\rsettling: ${s.freshness.complete ? 'queue projected' : 'projecting the queue'}, ${s.rollupDaysPending} rollup day(s) to build\x1b[K`);
      await new Promise((r) => setTimeout(r, 1000));
    }
    const settledSeconds = Number(((performance.now() - settling) / 1000).toFixed(1));
    const metricsAtStart = await (await fetch(`${base}/metrics`)).text();
    const projectorAtStart = projectorSeconds(metricsAtStart);
    const cacheAtStart = cacheRanges(metricsAtStart);
    process.stderr.write(`\rsettled in ${settledSeconds} s\x1b[K\n`);
    const samples: Sample[] = [];
    let accepted = 0;
    let duplicates = 0;
    let writeErrors = 0;
    const errors: string[] = [];
    const stopAt = performance.now() + seconds * 1000;
    const started = performance.now();

    const writer = async (w: number) => {
      const batches = liveBatches(w, 1 + (Math.floor(Date.now() / 1000) % 2000));
      const interval = (BATCH / writerRate) * 1000;
      let next = performance.now();
      while (performance.now() < stopAt) {
        try {
          const res = await fetch(`${base}/api/v1/events`, { method: 'POST', headers: { ...headers, 'content-type': 'application/x-ndjson' }, body: batches.next().value! });
          const body = (await res.json()) as { accepted?: number; duplicates?: number };
          if (res.status === 200) (accepted += body.accepted ?? 0), (duplicates += body.duplicates ?? 0);
          else (writeErrors++, errors.push(`POST events: ${res.status}`));
        } catch (e) {
          writeErrors++;
          errors.push(`POST events: ${(e as Error).message}`);
        }
        next += interval;
        const wait = next - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      }
    };

    const pages = dashboardPages();
    // A reader is a person at the dashboard: opens a page (its requests at once, as the browser
    // sends them: wait=0, see web/src/lib/freshness.ts), looks at it for --think-ms, opens the next.
    const reader = async (i: number) => {
      const days = ranges[i % ranges.length];
      const q = `from=${addDays(END, -days)}&to=${END}${FILTERS[i % FILTERS.length]}${i % 2 ? `&tz=${encodeURIComponent(zone)}` : ''}&wait=0`;
      for (let k = i; performance.now() < stopAt; k++) {
        const page = pages[k % pages.length];
        await Promise.all(
          page.requests.map(async (r) => {
            const t0 = performance.now();
            let ok = false;
            let complete = true;
            let waitedMs = 0;
            try {
              const res = await fetch(`${base}/api/v1/${r.path.replace('{q}', q)}`, { headers });
              const body = (await res.json()) as { freshness?: { complete: boolean; waitedMs: number } };
              ok = res.ok;
              complete = body.freshness?.complete ?? true;
              waitedMs = body.freshness?.waitedMs ?? 0;
              if (!ok) errors.push(`${r.kind}: ${res.status}`);
            } catch (e) {
              errors.push(`${r.kind}: ${(e as Error).message}`);
            }
            samples.push({ kind: r.kind, ms: performance.now() - t0, ok, complete, waitedMs });
          }),
        );
        if (thinkMs > 0) await new Promise((r) => setTimeout(r, thinkMs));
      }
    };

    const readersBehind = () => samples.filter((x) => !x.complete).length;
    const ticker = setInterval(() => {
      const el = (performance.now() - started) / 1000;
      process.stderr.write(`\r${el.toFixed(0)}/${seconds} s: ${samples.length} reads (${readersBehind()} behind), ${accepted.toLocaleString('en-US')} events accepted (${Math.round(accepted / el).toLocaleString('en-US')}/s), ${errors.length} errors\x1b[K`);
    }, 1000);
    await Promise.all([...Array.from({ length: writers }, (_, w) => writer(w)), ...Array.from({ length: readers }, (_, i) => reader(i))]);
    clearInterval(ticker);
    const elapsed = (performance.now() - started) / 1000;
    process.stderr.write('\n');
    const metricsAtStop = await (await fetch(`${base}/metrics`)).text();
    const projectorAtStop = projectorSeconds(metricsAtStop);
    // Ranges the reads took from the cache of unchanged ranges, and ranges they computed.
    const cacheAtStop = cacheRanges(metricsAtStop);
    const cache = { hit: (cacheAtStop.hit ?? 0) - (cacheAtStart.hit ?? 0), miss: (cacheAtStop.miss ?? 0) - (cacheAtStart.miss ?? 0) };
    // What the projector spent while the clock ran, by step: the cores the readers did not get.
    const projectorSpent = secondsSince(projectorAtStart, projectorAtStop);

    // How long the projector needs for what the writers left queued.
    const t0 = performance.now();
    for (;;) {
      const s = (await (await fetch(`${base}/api/v1/status`, { headers })).json()) as { freshness: { complete: boolean } };
      if (s.freshness.complete) break;
    }
    const catchUpSeconds = Number(((performance.now() - t0) / 1000).toFixed(1));
    const metricsText = await (await fetch(`${base}/metrics`)).text();
    const shared = Number(/^claimcheck_metrics_reads_shared_total (\d+)/m.exec(metricsText)?.[1] ?? 0);

    const kinds = [...new Set(samples.map((s) => s.kind))];
    const perKind = kinds.map((kind) => ({ kind, ...stats(samples.filter((s) => s.kind === kind && s.ok).map((s) => s.ms)) }));
    const all = stats(samples.filter((s) => s.ok).map((s) => s.ms));
    const result = {
      benchmark: 'load',
      database: db.label,
      tickets,
      seconds: Number(elapsed.toFixed(1)),
      writers,
      readers,
      writerRate: flatOut ? 'flat out' : writerRate,
      thinkMs,
      rangesDays: ranges,
      settledSecondsBeforeStart: settledSeconds,
      acceptedEvents: accepted,
      acceptedEventsPerSecond: Math.round(accepted / elapsed),
      duplicateEvents: duplicates,
      reads: all,
      waitForProjector: stats(samples.filter((s) => s.ok).map((s) => s.waitedMs)),
      perKind,
      readErrors: samples.filter((s) => !s.ok).length,
      writeErrors,
      firstErrors: errors.slice(0, 10),
      readsBehind: samples.filter((s) => !s.complete).length,
      readsShared: shared,
      projectorCaughtUpSecondsAfterStop: catchUpSeconds,
      projectorSecondsDuringRun: projectorSpent,
      cachedRanges: cache,
      peakServerRssMb: Math.round(server.peakRssMb()),
      over: perKind.filter((k) => (k.p95Ms ?? 0) > 500).map((k) => k.kind),
    };
    for (const k of perKind) console.log(`${k.kind.padEnd(48)} n ${String(k.n).padStart(5)}  median ${String(k.medianMs).padStart(7)} ms  p95 ${String(k.p95Ms).padStart(7)} ms  max ${String(k.maxMs).padStart(7)} ms${(k.p95Ms ?? 0) > 500 ? '  OVER (goal 500)' : ''}`);
    console.log(`all reads: ${all.n} in ${result.seconds} s, p95 ${all.p95Ms} ms (of which waiting for the projector: median ${result.waitForProjector.medianMs} ms, p95 ${result.waitForProjector.p95Ms} ms); errors: ${result.readErrors} reads, ${writeErrors} writes; ${result.readsBehind} reads answered behind the writers; ${shared} shared an identical running read`);
    console.log(`ranges read: ${cache.hit.toLocaleString('en-US')} from the cache of unchanged ranges, ${cache.miss.toLocaleString('en-US')} computed`);
    console.log(`projector while the clock ran: ${Object.entries(projectorSpent).map(([k, v]) => `${k} ${v} s`).join(', ')}`);
    console.log(`ingest: ${accepted.toLocaleString('en-US')} events accepted, ${result.acceptedEventsPerSecond.toLocaleString('en-US')}/s (${writers} writers, ${flatOut ? 'flat out' : `${writerRate}/s each`}); projector caught up ${catchUpSeconds} s after the writers stopped`);
    console.log(`written to ${writeResult(`load${flatOut ? '-flat-out' : ''}${thinkMs === 0 ? '-no-think' : ''}${ranges.length > 1 ? '-long-ranges' : ''}`, result)}`);
  }
}

main().catch((e) => {
  console.error(`bench:load failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
