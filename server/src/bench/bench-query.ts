// npm run bench:query -- [--tickets 1000000] [--reps 15] [--database-url URL]
// Seeds a demo story of about N tickets (skipped when --database-url already holds them), starts
// the built server, and reports median and p95 latency of the analytics endpoints over HTTP, with
// the same 30-day summary computed by plain SQL over the raw event table as the baseline.
import 'reflect-metadata';
import { Client } from 'pg';
import { parseArgs } from '../cli/cli-args';
import { percentileCont } from '../stats/rates';
import { addDays } from '../stats/time-range';
import { BenchDatabase, benchDatabase, buildRollups, ensureDemoData, startBenchServer, writeResult } from './bench-env';

const END = '2026-11-22';
const BASELINE_SQL = `
WITH t AS (
  SELECT ticket_id,
         min(occurred_at) FILTER (WHERE type = 'ticket.created') AS created_at,
         bool_or((type IN ('ticket.assigned', 'ticket.resolved') AND agent_type = 'ai') OR type = 'ticket.escalated') AS ai,
         bool_or((type IN ('ticket.assigned', 'ticket.resolved') AND agent_type = 'human') OR type = 'ticket.escalated') AS human,
         (array_agg(type ORDER BY occurred_at DESC, id DESC) FILTER (WHERE type IN ('ticket.resolved', 'ticket.reopened')))[1] = 'ticket.resolved' AS resolved,
         max(occurred_at) FILTER (WHERE type = 'ticket.resolved') AS resolved_at,
         bool_or(type = 'ticket.reopened') AS reopened,
         coalesce(sum(handle_seconds), 0) AS handle,
         (array_agg(score ORDER BY occurred_at DESC) FILTER (WHERE type = 'csat.submitted'))[1] AS csat,
         min(customer_id) AS customer_id
    FROM ticket_events GROUP BY ticket_id),
p AS (SELECT *, CASE WHEN ai AND human THEN 'escalated' WHEN ai THEN 'ai' WHEN human THEN 'human' ELSE 'none' END AS path
        FROM t WHERE created_at >= $1 AND created_at < $2),
r AS (SELECT DISTINCT p.ticket_id FROM p JOIN t b ON b.customer_id = p.customer_id AND b.ticket_id <> p.ticket_id
        AND b.created_at > p.resolved_at AND b.created_at <= p.resolved_at + interval '604800 seconds' WHERE p.resolved)
SELECT path, count(*), count(*) FILTER (WHERE resolved),
       percentile_cont(0.5) WITHIN GROUP (ORDER BY handle) FILTER (WHERE resolved),
       percentile_cont(0.9) WITHIN GROUP (ORDER BY handle) FILTER (WHERE resolved),
       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - created_at)) FILTER (WHERE resolved),
       count(csat) FILTER (WHERE resolved), count(*) FILTER (WHERE resolved AND csat >= 4),
       count(*) FILTER (WHERE resolved AND reopened),
       count(*) FILTER (WHERE resolved AND r.ticket_id IS NOT NULL)
  FROM p LEFT JOIN r USING (ticket_id) GROUP BY path`;

interface Stat {
  name: string;
  medianMs: number;
  p95Ms: number;
  reps: number;
}

async function time(name: string, reps: number, run: () => Promise<void>): Promise<Stat> {
  for (let i = 0; i < 2; i++) await run(); // warm caches and the pool
  const ms: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await run();
    ms.push(performance.now() - t0);
    process.stderr.write(`\r${name}: ${i + 1}/${reps}\x1b[K`);
  }
  const stat = { name, medianMs: Number(percentileCont(ms, 0.5)!.toFixed(1)), p95Ms: Number(percentileCont(ms, 0.95)!.toFixed(1)), reps };
  process.stderr.write(`\r${name.padEnd(58)} median ${String(stat.medianMs).padStart(8)} ms   p95 ${String(stat.p95Ms).padStart(8)} ms\x1b[K\n`);
  return stat;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), { tickets: 'int', reps: 'int', 'database-url': 'string' });
  const tickets = (args.tickets as number) ?? 1_000_000;
  const reps = (args.reps as number) ?? 15;
  const given = args['database-url'] as string | undefined;
  const db: BenchDatabase = given ? { url: given, label: `PostgreSQL at ${new URL(given).host}`, close: async () => undefined } : await benchDatabase();
  try {
    await ensureDemoData(db.url, tickets, END);
    await buildRollups(db.url);
    const server = await startBenchServer(db.url);
    const get = async (path: string) => {
      const res = await fetch(`http://127.0.0.1:${server.port}/api/v1/${path}`, { headers: { authorization: `Bearer ${server.token}` } });
      if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
    };
    const d30 = `from=${addDays(END, -30)}&to=${END}`;
    const d365 = `from=${addDays(END, -365)}&to=${END}`;
    const d90 = `from=${addDays(END, -90)}&to=${END}`;
    const stats: Stat[] = [];
    try {
      stats.push(await time('summary, 30 days', reps, () => get(`metrics/summary?${d30}`)));
      stats.push(await time('summary, 30 days, channel=chat&category=billing', reps, () => get(`metrics/summary?${d30}&channel=chat&category=billing`)));
      stats.push(await time('summary, 365 days', reps, () => get(`metrics/summary?${d365}`)));
      stats.push(await time('summary, 365 days, channel=chat&category=billing', reps, () => get(`metrics/summary?${d365}&channel=chat&category=billing`)));
      stats.push(await time('timeseries, 90 days, daily', reps, () => get(`metrics/timeseries?${d90}&interval=day`)));
      stats.push(await time('breakdown by category, 30 days', reps, () => get(`metrics/breakdown?${d30}&by=category`)));
      stats.push(await time('drill-down first page (verified AI, 30 days)', reps, () => get(`tickets?${d30}&path=ai&verified=true`)));
    } finally {
      await server.stop();
    }
    const c = new Client({ connectionString: db.url });
    await c.connect();
    const from = new Date(`${addDays(END, -30)}T00:00:00Z`);
    const to = new Date(`${END}T00:00:00Z`);
    const baseline = await time('baseline: 30-day summary in plain SQL over events', Math.min(reps, 3), async () => {
      await c.query(BASELINE_SQL, [from, to]);
    });
    await c.end();

    const summary30 = stats[0];
    const result = {
      benchmark: 'query',
      database: db.label,
      tickets,
      results: stats,
      baseline,
      speedupOverBaseline: Number((baseline.medianMs / summary30.medianMs).toFixed(1)),
      goals: { summaryP95Ms: 250, timeseriesP95Ms: 150, speedup: 20 },
    };
    console.log(`\nsummary (30 d) is ${result.speedupOverBaseline}x faster than the raw-event baseline`);
    console.log(`written to ${writeResult('query', result)}`);
  } finally {
    await db.close();
  }
}

main().catch((e) => {
  console.error(`bench:query failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
