// npm run seed -- --days N --per-day M [--seed S] [--end YYYY-MM-DD] [--workspace demo]
// Loads the demo story into DATABASE_URL, or into the embedded database under DATA_DIR, in one
// workspace (default: demo; made when missing).
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { loadConfig } from '../config/app-config';
import { resolveDatabase } from '../database/database-url';
import { DEFAULT_DEMO, DEMO_SLUG, loadDemo } from '../demo/demo-loader';
import { cliWorkspace, workspaceArg } from '../workspaces/cli-workspace';
import { inWorkspace } from '../workspaces/workspace-context';
import { defaultDemoEnd } from '../demo/demo-story';
import { drainProjection } from '../projection/drain-projection';
import { EventsService } from '../events/events.service';
import { calendarDateProblem } from '../stats/time-range';
import { parseArgs } from './cli-args';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), { days: 'int', 'per-day': 'int', seed: 'int', end: 'string', workspace: 'string' });
  const end = args.end as string | undefined;
  if (end && calendarDateProblem(end)) throw new Error(`--end: ${calendarDateProblem(end)}`);
  const options = {
    days: (args.days as number) ?? DEFAULT_DEMO.days,
    perDay: (args['per-day'] as number) ?? DEFAULT_DEMO.perDay,
    seed: (args.seed as number) ?? DEFAULT_DEMO.seed,
    end: end ? new Date(`${end}T00:00:00Z`) : defaultDemoEnd(),
  };
  if (options.days < 1 || options.perDay < 1) throw new Error('--days and --per-day must be at least 1');
  const slug = workspaceArg(args.workspace ?? DEMO_SLUG);
  const config = loadConfig();
  const db = await resolveDatabase(config, (m) => console.error(m));
  try {
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, db.url), { logger: ['error', 'warn'] });
    const ws = await cliWorkspace(app, slug, (m) => console.error(m));
    console.error(`Seeding workspace ${slug}: ${options.days} days x ${options.perDay} tickets/day (seed ${options.seed}, ending ${options.end.toISOString()})`);
    await inWorkspace(ws, () => loadDemo(app.get(EventsService), options, 'Seeding'));
    await drainProjection(app);
    await app.close();
  } finally {
    await db.embedded?.stop();
  }
}

main().catch((e) => {
  console.error(`seed failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
