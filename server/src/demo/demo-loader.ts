import * as fs from 'node:fs';
import * as path from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProgressOut, progress } from '../common/progress';
import { AlertsService } from '../alerts/alerts.service';
import { EventsService } from '../events/events.service';
import { drainProjection } from '../projection/drain-projection';
import { addDemoClaims } from './demo-claims';
import { inWorkspace } from '../workspaces/workspace-context';
import { WorkspacesService } from '../workspaces/workspaces.service';
import { DemoOptions, defaultDemoEnd, demoEvents, estimateDemoEvents } from './demo-story';

// 120 days x 500 tickets: enough CSAT answers in one category (about 14 a day on the AI path in
// billing) for its regression to be judged within 3 days, as ops would need of real data.
export const DEFAULT_DEMO = { days: 120, perDay: 500, seed: 42 } as const;
export interface DemoSize {
  days: number;
  perDay: number;
}
const BATCH = 5000;
/** Batches in flight: the server's replay and PostgreSQL's inserts then overlap on two cores. */
const IN_FLIGHT = 3;

/** Ingests the story through the same write path as the API, with a progress bar. */
export async function loadDemo(events: EventsService, o: DemoOptions, label = 'Loading demo events', out?: ProgressOut): Promise<{ accepted: number; duplicates: number }> {
  const bar = progress(label, estimateDemoEvents(o), out);
  let accepted = 0;
  let duplicates = 0;
  let batch: unknown[] = [];
  const inFlight = new Set<Promise<void>>();
  const send = (items: unknown[]) => {
    const p: Promise<void> = events.ingest(items.map((value) => ({ value }))).then((r) => {
      if (r.rejected.length > 0) throw new Error(`the demo generator made invalid events: ${JSON.stringify(r.rejected[0])}`);
      accepted += r.accepted;
      duplicates += r.duplicates;
      bar.tick(items.length);
      inFlight.delete(p);
    });
    inFlight.add(p);
  };
  for (const day of demoEvents(o)) {
    for (const e of day) {
      batch.push(e);
      if (batch.length >= BATCH) {
        send(batch);
        batch = [];
        if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
      }
    }
  }
  if (batch.length > 0) send(batch);
  await Promise.all(inFlight);
  bar.done(`(${accepted.toLocaleString('en-US')} new, ${duplicates.toLocaleString('en-US')} already there)`);
  return { accepted, duplicates };
}

/** The workspace the demo story lives in: never mixed with a helpdesk's own data. */
export const DEMO_SLUG = 'demo';

/**
 * `npm start` on an empty embedded database: load the demo story into its own `demo` workspace so
 * there is something to see (the default workspace stays empty for the user's data). A marker in
 * DATA_DIR records the story's parameters until the load completes, so a load cut short (Ctrl-C, a
 * crash) is finished at the next start with the same events (ids are deterministic).
 */
export async function loadDemoIfEmpty(app: INestApplicationContext, size: DemoSize, dataDir: string, log: (m: string) => void): Promise<void> {
  const marker = path.join(dataDir, 'demo-loading.json');
  let story: DemoOptions | null = null;
  if (fs.existsSync(marker)) {
    const saved = JSON.parse(fs.readFileSync(marker, 'utf8')) as Omit<DemoOptions, 'end'> & { end: string };
    story = { ...saved, end: new Date(saved.end) };
    log(`Finishing the demo story load that was cut short (${story.days} days x ${story.perDay} tickets/day, ending ${saved.end.slice(0, 10)})`);
  } else {
    // Any workspace's events: an install in use (an upgrade keeps its data in the default workspace) gets no demo.
    const [{ n }] = await app.get(DataSource).query('SELECT count(*)::int AS n FROM (SELECT 1 FROM ticket_events LIMIT 1) x');
    if (n > 0) return;
    story = { ...size, seed: DEFAULT_DEMO.seed, end: defaultDemoEnd() };
    fs.writeFileSync(marker, JSON.stringify(story));
    log(`Empty database: loading the demo story (${size.days} days x ${size.perDay} tickets/day, seed ${DEFAULT_DEMO.seed})`);
  }
  // On a terminal, a bar; otherwise a log line every 10%, so JSON logs stay one object a line.
  const out: ProgressOut = process.stderr.isTTY ? process.stderr : { write: (line: string) => (log(String(line).trim()), true) };
  const demo = await app.get(WorkspacesService).ensure(DEMO_SLUG, 'Demo story', 'demo loader');
  await inWorkspace(demo, () => loadDemoInto(app, story, out, log));
  fs.rmSync(marker, { force: true });
}

async function loadDemoInto(app: INestApplicationContext, story: DemoOptions, out: ProgressOut, log: (m: string) => void): Promise<void> {
  await loadDemo(app.get(EventsService), story, 'Loading demo events', out);
  // Projected before the server listens, so the first page a newcomer opens is complete.
  await drainProjection(app, out);
  // Judged too, so the quality page's alerts are there on the first visit (not 30 s later).
  const evaluated = await app.get(AlertsService).evaluate(new Date(), 'ingest');
  log(`Quality alerts judged on the demo: ${evaluated.newAlerts} open`);
  // And two claims to check: a vendor's monthly report with its export, and a board deck's.
  await addDemoClaims(app);
}
