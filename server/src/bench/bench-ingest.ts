// npm run bench:ingest -- [--events N] [--batch B] [--concurrency C]
// Posts N demo-story events through the HTTP batch API of the built server (accepted events/s:
// stored and acknowledged), waits until the projector has replayed them all (end-to-end events/s),
// then COPYs the same rows into a table with the same primary key as the ceiling. Prints the
// rates, the ratio to COPY and peak server RSS.
import 'reflect-metadata';
import { once } from 'node:events';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { parseArgs } from '../cli/cli-args';
import { progress } from '../common/progress';
import { DemoEvent, demoEvents } from '../demo/demo-story';
import { BenchDatabase, benchDatabase, eventLoopSampler, projectorSeconds, startBenchServer, writeResult } from './bench-env';

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
  // The same primary key as ticket_events: the ceiling pays for the index that makes ids idempotent.
  await c.query(`CREATE TABLE plain_events (id text COLLATE "C" PRIMARY KEY, ticket_id text, type text, occurred_at timestamptz, channel text, category text,
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
    // How long a request arriving during the load, then during the projection, could wait behind the server's own work.
    let sampler = eventLoopSampler(server.port);
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
    const loopDuringLoad = await sampler.stop();
    sampler = eventLoopSampler(server.port);
    // End to end: until the projector has replayed every queued ticket (reads then see them all).
    const q = new Client({ connectionString: db.url });
    await q.connect();
    const queued = async () => Number((await q.query('SELECT count(*)::int AS n FROM projection_queue')).rows[0].n);
    const backlog = await queued();
    const drain = progress('projector backlog (tickets)', backlog);
    let last = backlog;
    for (let left = backlog; left > 0; left = await queued()) {
      drain.tick(last - left);
      last = left;
      await new Promise((r) => setTimeout(r, 200));
    }
    drain.tick(last);
    drain.done();
    await q.end();
    const projectedSecs = Number(process.hrtime.bigint() - started) / 1e9;
    const loopAfterLoad = await sampler.stop();
    const peakRssMb = server.peakRssMb();
    // Where the projector's time went, by step (claimcheck_projector_seconds_total).
    const projector = projectorSeconds(await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text());
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
      backlogAtEndTickets: backlog,
      projectedSeconds: Number(projectedSecs.toFixed(2)),
      projectedEventsPerSecond: Math.round(n / projectedSecs),
      projectorSecondsByStep: Object.fromEntries(Object.entries(projector).map(([k, v]) => [k, Number(v.toFixed(2))])),
      copyRowsPerSecond: Math.round(copyRate),
      ratioToCopy: Number((httpRate / copyRate).toFixed(3)),
      peakServerRssMb: Math.round(peakRssMb),
      eventLoopHeldMs: { duringLoad: loopDuringLoad, projectingAfter: loopAfterLoad },
      goals: { eventsPerSecond: 50_000, ratioToCopy: 0.4, peakServerRssMb: 400 },
    };
    console.log(
      `\ningest: ${result.eventsPerSecond.toLocaleString('en-US')} accepted events/s over HTTP (${n.toLocaleString('en-US')} events in ${result.seconds} s)` +
        `\nprojected end to end: ${result.projectedEventsPerSecond.toLocaleString('en-US')} events/s (all replayed after ${result.projectedSeconds} s; ${backlog.toLocaleString('en-US')} tickets queued when the last answer came)` +
        `\nprojector seconds by step: ${Object.entries(result.projectorSecondsByStep).map(([k, v]) => `${k} ${v}`).join(', ')}` +
        `\nCOPY ceiling: ${result.copyRowsPerSecond.toLocaleString('en-US')} rows/s  ratio ${result.ratioToCopy}` +
        `\nevent loop held at most ${loopDuringLoad.maxMs} ms during the load (over 100 ms in ${loopDuringLoad.secondsOver100Ms} of ${loopDuringLoad.seconds} s), ${loopAfterLoad.maxMs} ms while projecting after it (${loopAfterLoad.secondsOver100Ms} of ${loopAfterLoad.seconds} s)` +
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
