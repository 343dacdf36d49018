// npm run bench:alerts -- [--tickets 1000000] [--reps 5] [--database-url URL]
// Times one alert evaluation (every metric x path x segment over the last 90 days) on about N tickets.
import { inWorkspace } from '../workspaces/workspace-context';
import { WorkspacesService } from '../workspaces/workspaces.service';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AlertsService } from '../alerts/alerts.service';
import { AppModule } from '../app.module';
import { drainProjection } from '../projection/drain-projection';
import { parseArgs } from '../cli/cli-args';
import { loadConfig } from '../config/app-config';
import { percentileCont } from '../stats/rates';
import { BenchDatabase, benchDatabase, ensureDemoData, writeResult } from './bench-env';

const END = '2026-11-22';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), { tickets: 'int', reps: 'int', 'database-url': 'string' });
  const tickets = (args.tickets as number) ?? 1_000_000;
  const reps = (args.reps as number) ?? 5;
  const given = args['database-url'] as string | undefined;
  const db: BenchDatabase = given ? { url: given, label: `PostgreSQL at ${new URL(given).host}`, close: async () => undefined } : await benchDatabase();
  try {
    await ensureDemoData(db.url, tickets, END);
    const config = { ...loadConfig({}), alertsEveryMinutes: 0, alertsAfterIngestSeconds: 0, alertWebhookUrl: null };
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, db.url), { logger: ['error', 'warn'] });
    const alerts = app.get(AlertsService);
    const ws = await app.get(WorkspacesService).defaultWorkspace(); // the benchmark's data is the default workspace's
    // Timed on a settled database: every ticket loaded is projected first (reads during a bulk
    // projection wait up to READ_WAIT_SECONDS and judge an incomplete picture).
    await drainProjection(app);
    const asOf = new Date(`${END}T00:00:00Z`);
    await inWorkspace(ws, () => alerts.evaluate(asOf)); // warm-up (and first inserts)
    const ms: number[] = [];
    let last;
    for (let i = 0; i < reps; i++) {
      const t0 = performance.now();
      last = await inWorkspace(ws, () => alerts.evaluate(asOf));
      ms.push(performance.now() - t0);
      process.stderr.write(`\revaluation ${i + 1}/${reps}: ${ms[i].toFixed(0)} ms (read ${last!.readMs} ms, judge ${last!.judgeMs} ms)\x1b[K`);
    }
    await app.close();
    const result = {
      benchmark: 'alerts',
      database: db.label,
      tickets,
      series: last!.series,
      detections: last!.detections,
      medianMs: Number(percentileCont(ms, 0.5)!.toFixed(1)),
      maxMs: Number(Math.max(...ms).toFixed(1)),
      lastReadMs: last!.readMs,
      lastJudgeMs: last!.judgeMs,
      goals: { ms: 2000 },
    };
    console.log(`\nalert evaluation: ${result.series} series, ${result.detections} detections, median ${result.medianMs} ms, max ${result.maxMs} ms; last: read ${result.lastReadMs} ms, judge ${result.lastJudgeMs} ms (${db.label})`);
    console.log(`written to ${writeResult('alerts', result)}`);
  } finally {
    await db.close();
  }
}

main().catch((e) => {
  console.error(`bench:alerts failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
