// npm run bench:ingest -- [--events N] [--batch B] [--concurrency C]
// Posts N demo-story events through the HTTP batch API of the built server, then COPYs the same
// rows straight into a plain table as the ceiling. Prints events/s, the ratio and peak server RSS.
import 'reflect-metadata';
import { once } from 'node:events';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { parseArgs } from '../cli/cli-args';
import { progress } from '../common/progress';
import { DemoEvent, demoEvents } from '../demo/demo-story';
import { BenchDatabase, benchDatabase, startBenchServer, writeResult } from './bench-env';

const COLUMNS = ['id', 'ticket_id', 'type', 'occurred_at', 'channel', 'category', 'customer_id', 'language', 'agent_type', 'agent_id', 'handle_seconds', 'reason', 'score', 'author_type'];
const FIELDS = ['id', 'ticketId', 'type', 'occurredAt', 'channel', 'category', 'customerId', 'language', 'agentType', 'agentId', 'handleSeconds', 'reason', 'score', 'authorType'];

function generate(n: number): DemoEvent[] {
  const days = 365;
  const perDay = Math.ceil(n / days / 5.5);
  const out: DemoEvent[] = [];
  for (const day of demoEvents({ days, perDay, seed: 1, end: new Date('2026-11-01T00:00:00Z') })) {
    for (const e of day) if (out.length < n) out.push(e);
    if (out.length >= n) break;
  }
  if (out.length < n) throw new Error(`the generator made only ${out.length} events`);
  return out;
}

const csvField = (v: unknown) => (v === undefined || v === null ? '' : `"${String(v).replace(/"/g, '""')}"`);

async function copyCeiling(db: BenchDatabase, events: DemoEvent[]): Promise<number> {
  const c = new Client({ connectionString: db.url });
  await c.connect();
  await c.query(`CREATE TABLE plain_events (id text, ticket_id text, type text, occurred_at timestamptz, channel text, category text,
    customer_id text, language text, agent_type text, agent_id text, handle_seconds float8, reason text, score smallint, author_type text)`);
  const bar = progress('COPY ceiling', events.length);
  const started = process.hrtime.bigint();
  const stream = c.query(copyFrom(`COPY plain_events (${COLUMNS.join(', ')}) FROM STDIN WITH (FORMAT csv)`));
  const CHUNK = 10_000;
  for (let i = 0; i < events.length; i += CHUNK) {
    const slice = events.slice(i, i + CHUNK);
    const text = slice.map((e) => FIELDS.map((f) => csvField(e[f])).join(',')).join('\n') + '\n';
    if (!stream.write(text)) await once(stream, 'drain');
    bar.tick(slice.length);
  }
  stream.end();
  await once(stream, 'finish');
  const secs = Number(process.hrtime.bigint() - started) / 1e9;
  bar.done();
  await c.end();
  return events.length / secs;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), { events: 'int', batch: 'int', concurrency: 'int' });
  const n = (args.events as number) ?? 1_000_000;
  const batch = Math.min((args.batch as number) ?? 5000, 10_000);
  const concurrency = (args.concurrency as number) ?? 4;

  console.error(`Generating ${n.toLocaleString('en-US')} demo-story events…`);
  const events = generate(n);
  const bodies: string[] = [];
  for (let i = 0; i < events.length; i += batch) bodies.push(events.slice(i, i + batch).map((e) => JSON.stringify(e)).join('\n'));

  const db = await benchDatabase();
  const server = await startBenchServer(db.url);
  try {
    const bar = progress(`POST /api/v1/events (${batch}/request, ${concurrency} at a time)`, n);
    let next = 0;
    let accepted = 0;
    const started = process.hrtime.bigint();
    const worker = async () => {
      while (next < bodies.length) {
        const body = bodies[next++];
        const res = await fetch(`http://127.0.0.1:${server.port}/api/v1/events`, {
          method: 'POST',
          headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/x-ndjson' },
          body,
        });
        const r = (await res.json()) as { accepted: number; rejected: unknown[] };
        if (res.status !== 200) throw new Error(`ingest answered ${res.status}: ${JSON.stringify(r).slice(0, 300)}`);
        accepted += r.accepted;
        bar.tick(body.split('\n').length);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const secs = Number(process.hrtime.bigint() - started) / 1e9;
    bar.done();
    const peakRssMb = server.peakRssMb();
    await server.stop();

    const httpRate = n / secs;
    const copyRate = await copyCeiling(db, events);
    const result = {
      benchmark: 'ingest',
      database: db.label,
      events: n,
      accepted,
      batch,
      concurrency,
      seconds: Number(secs.toFixed(2)),
      eventsPerSecond: Math.round(httpRate),
      copyRowsPerSecond: Math.round(copyRate),
      ratioToCopy: Number((httpRate / copyRate).toFixed(3)),
      peakServerRssMb: Math.round(peakRssMb),
      goals: { eventsPerSecond: 50_000, ratioToCopy: 0.4, peakServerRssMb: 400 },
    };
    console.log(
      `\ningest: ${result.eventsPerSecond.toLocaleString('en-US')} events/s over HTTP (${n.toLocaleString('en-US')} events in ${result.seconds} s)` +
        `\nCOPY ceiling: ${result.copyRowsPerSecond.toLocaleString('en-US')} rows/s  ratio ${result.ratioToCopy}` +
        `\npeak server RSS: ${result.peakServerRssMb} MB   (${db.label})`,
    );
    console.log(`written to ${writeResult('ingest', result)}`);
    if (accepted !== n) throw new Error(`accepted ${accepted} of ${n} events`);
  } finally {
    if (server.proc.exitCode === null) await server.stop();
    await db.close();
  }
}

main().catch((e) => {
  console.error(`bench:ingest failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
