// Shared by the benchmarks: a fresh database (embedded, or a new one on BENCH_DATABASE_URL), the
// built server as a child process, its peak RSS, and where results are written.
import { inWorkspace } from '../workspaces/workspace-context';
import { WorkspacesService } from '../workspaces/workspaces.service';
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { AppModule } from '../app.module';
import { loadConfig } from '../config/app-config';
import { progress } from '../common/progress';
import { loadDemo } from '../demo/demo-loader';
import { demoEvents, estimateDemoEvents } from '../demo/demo-story';
import { drainProjection } from '../projection/drain-projection';
import { EventsService } from '../events/events.service';
import { findRepoRoot } from '../config/repo-root';
import { freePort, startEmbeddedPostgres } from '../database/embedded-postgres';

export interface BenchDatabase {
  url: string;
  label: string;
  close(): Promise<void>;
}

export async function benchDatabase(): Promise<BenchDatabase> {
  const external = process.env.BENCH_DATABASE_URL;
  if (external) {
    const name = `claimcheck_bench_${Date.now()}`;
    const admin = new Client({ connectionString: external });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(external);
    u.pathname = `/${name}`;
    return {
      url: u.toString(),
      label: `PostgreSQL at ${u.host}`,
      async close() {
        const c = new Client({ connectionString: external });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimcheck-bench-'));
  fs.chmodSync(dir, 0o755);
  const db = await startEmbeddedPostgres(dir);
  return {
    url: db.url,
    label: 'embedded PostgreSQL 18',
    async close() {
      await db.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface BenchServer {
  port: number;
  token: string;
  proc: ChildProcess;
  /** Peak resident set size of the server process so far (VmHWM), in MB. */
  peakRssMb(): number;
  stop(): Promise<void>;
}

export async function startBenchServer(databaseUrl: string, env: Record<string, string> = {}): Promise<BenchServer> {
  const main = path.join(findRepoRoot(), 'server', 'dist', 'server', 'src', 'main.js');
  const port = await freePort();
  const token = `bench-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  // BENCH_NODE_ARGS: extra node flags for the server, e.g. --cpu-prof to profile it.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const proc = spawn(process.execPath, [...nodeArgs, main], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', ADMIN_TOKEN: token, LOG_LEVEL: 'warn', SEED_DEMO: 'false', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; ; i++) {
    if (proc.exitCode !== null) throw new Error(`the server exited with ${proc.exitCode}`);
    const up = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
    if (up) break;
    if (i > 600) throw new Error('the server did not come up in 60 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port,
    token,
    proc,
    peakRssMb() {
      const status = fs.readFileSync(`/proc/${proc.pid}/status`, 'utf8');
      return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
    },
    stop() {
      return new Promise((resolve) => {
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      });
    },
  };
}

/** A counter's values by its one label, from the server's /metrics text. */
export function counterBy(metricsText: string, name: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of metricsText.matchAll(new RegExp(`^${name}\\{\\w+="(\\w+)"\\} ([\\d.e+-]+)$`, 'gm'))) out[m[1]] = Number(m[2]);
  return out;
}
export const projectorSeconds = (metricsText: string) => counterBy(metricsText, 'claimcheck_projector_seconds_total');

/**
 * The longest the server's event loop was held since the last scrape of /metrics (prom-client's
 * nodejs_eventloop_lag_max_seconds, reset by each scrape), in ms: what a request arriving then waited.
 */
export function eventLoopMaxMs(metricsText: string): number {
  const m = /^claimcheck_nodejs_eventloop_lag_max_seconds ([\d.e+-]+)$/m.exec(metricsText);
  return m ? Math.round(Number(m[1]) * 1000) : NaN;
}

/** Scrapes /metrics each second until stopped: the event loop's longest hold per second. */
export function eventLoopSampler(port: number): { stop(): Promise<{ maxMs: number; secondsOver100Ms: number; seconds: number }> } {
  const perSecond: number[] = [];
  const scrape = async (keep = true) => {
    const text = await fetch(`http://127.0.0.1:${port}/metrics`).then((r) => r.text(), () => '');
    const ms = eventLoopMaxMs(text);
    if (keep && Number.isFinite(ms)) perSecond.push(ms);
  };
  let busy = scrape(false); // the first scrape resets what came before: its figure is left out
  const timer = setInterval(() => (busy = busy.then(() => scrape())), 1000);
  return {
    async stop() {
      clearInterval(timer);
      await busy;
      await scrape();
      return { maxMs: Math.max(0, ...perSecond), secondsOver100Ms: perSecond.filter((ms) => ms > 100).length, seconds: perSecond.length };
    },
  };
}

/** The projector's seconds by step since `from` (two projectorSeconds readings). */
export function secondsSince(from: Record<string, number>, to: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(to).map(([step, sec]) => [step, Number((sec - (from[step] ?? 0)).toFixed(1))]));
}

export function writeResult(name: string, result: Record<string, unknown>): string {
  const dir = path.join(findRepoRoot(), 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.join(dir, `${name}-${stamp}.json`);
  const body = JSON.stringify({ ...result, machine: { cpus: os.cpus().length, memGb: Math.round(os.totalmem() / 2 ** 30), node: process.version } }, null, 2);
  fs.writeFileSync(file, body + '\n');
  fs.writeFileSync(path.join(dir, `${name}-latest.json`), body + '\n');
  return file;
}

/** Applies the migrations and lets the projector finish (queued tickets, rollups to build), with progress. */
export async function buildRollups(url: string, reportingTimeZone = 'UTC'): Promise<void> {
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot({ ...loadConfig({}), databaseUrl: url, reportingTimeZone, alertsEveryMinutes: 0, alertsAfterIngestSeconds: 0 }, url),
    { logger: ['error', 'warn'] },
  );
  await drainProjection(app);
  await app.close();
}

/** A demo story of about `tickets` tickets ending on `end`, unless the database holds that many already. */
export async function ensureDemoData(url: string, tickets: number, end: string): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  const has = await c.query(`SELECT to_regclass('tickets') IS NOT NULL AS ok`);
  const n = has.rows[0].ok ? Number((await c.query('SELECT count(*)::int AS n FROM tickets WHERE workspace_id = 1')).rows[0].n) : 0;
  await c.end();
  if (n >= tickets * 0.95) {
    console.error(`The database already holds ${n.toLocaleString('en-US')} tickets: not seeding.`);
    return;
  }
  const days = 365;
  const perDay = Math.ceil(tickets / days / 1.05); // repeat-contact follow-ups add about 5%
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ ...loadConfig({}), databaseUrl: url }, url), { logger: ['error', 'warn'] });
  const ws = await app.get(WorkspacesService).defaultWorkspace();
  await inWorkspace(ws, () => loadDemo(app.get(EventsService), { days, perDay, seed: 42, end: new Date(`${end}T00:00:00Z`) }, `Seeding ${days} days x ${perDay} tickets/day`));
  await app.close();
  const a = new Client({ connectionString: url });
  await a.connect();
  await a.query('VACUUM ANALYZE');
  await a.end();
}

/**
 * Posts a demo story of about `tickets` tickets ending on `end` through the server's HTTP API
 * (NDJSON, `batch` events a request, `concurrency` at a time), with progress. Resolves when the
 * last answer arrived: the events are stored, the projector may still be replaying them.
 */
/** @param days the story's length: fewer days for the same tickets is a denser story (10M a year is 27,000 a day) */
export async function postDemoStory(server: BenchServer, tickets: number, end: string, batch = 5000, concurrency = 4, days = 365): Promise<{ events: number; seconds: number }> {
  const perDay = Math.ceil(tickets / days / 1.05); // repeat-contact follow-ups add about 5%
  const bar = progress(`POST ${days} days x ${perDay} tickets/day (${batch} events a request, ${concurrency} at a time)`, estimateDemoEvents({ days, perDay }));
  const story = (function* () {
    let body: string[] = [];
    for (const day of demoEvents({ days, perDay, seed: 42, end: new Date(`${end}T00:00:00Z`) })) {
      for (const e of day) {
        body.push(JSON.stringify(e));
        if (body.length === batch) {
          yield body;
          body = [];
        }
      }
    }
    if (body.length > 0) yield body;
  })();
  let events = 0;
  const started = process.hrtime.bigint();
  const worker = async () => {
    for (let next = story.next(); !next.done; next = story.next()) {
      const res = await fetch(`http://127.0.0.1:${server.port}/api/v1/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/x-ndjson' },
        body: next.value.join('\n'),
      });
      if (res.status !== 200) throw new Error(`ingest answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
      await res.arrayBuffer();
      events += next.value.length;
      bar.tick(next.value.length);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  bar.done();
  return { events, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}
