// npm run import -- <file> (--preset <name> | --mapping <mapping.json>) [--dry-run]
//                   [--format csv|ndjson] [--ai-ids id1,id2] [--ai-pattern regex] [--json] [--workspace slug]
// Imports a helpdesk export into DATABASE_URL or the embedded database, with a progress bar, into
// one workspace (default: the default workspace; made when missing).
import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Transform } from 'node:stream';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { progress } from '../common/progress';
import { loadConfig } from '../config/app-config';
import { resolveDatabase } from '../database/database-url';
import { drainProjection } from '../projection/drain-projection';
import { DataSource } from 'typeorm';
import { ImportReport, runImport } from '../import/importer';
import { importAsVersion } from '../import/versioned-import';
import { Mapping, mappingProblems } from '../import/mapping';
import { PRESETS } from '../import/presets';
import { parseArgs } from './cli-args';
import { cliWorkspace, workspaceArg } from '../workspaces/cli-workspace';
import { inWorkspace } from '../workspaces/workspace-context';

function usage(): never {
  throw new Error(`usage: npm run import -- <file> --preset <${Object.keys(PRESETS).join('|')}> | --mapping <mapping.json> [--dry-run]`);
}

export function printReport(r: ImportReport, out: (s: string) => void): void {
  out(`rows read ${r.rowsRead} = imported ${r.rowsImported} + rejected ${r.rowsRejected}`);
  out(`events produced ${r.eventsProduced}: ${r.dryRun ? 'dry run, nothing stored' : `accepted ${r.eventsAccepted}, already there ${r.eventsDuplicate}`}, invalid ${r.eventsInvalid}; tickets ${r.tickets}`);
  for (const j of r.rejections) out(`  rejected ${j.count} x ${j.reason} (e.g. row ${j.examples[0].row}, line ${j.examples[0].line}: ${j.examples[0].detail})`);
  for (const x of r.invalidExamples) out(`  invalid event ${x.id}: ${x.errors.join('; ')}`);
  if (r.splitCases > 0) out(`  note: ${r.splitCases} cases had their rows apart in the file`);
  if (r.source) {
    const s = r.source;
    const t = s.ticketsChanged;
    out(
      s.mappingChanged
        ? `source "${s.name}" version ${s.version} (was ${s.previousVersion ?? 'not versioned'}): the mapping changed, so this import replaces what the earlier one wrote: events added ${s.eventsAdded}, changed ${s.eventsReplaced}, taken back ${s.eventsRemoved}; tickets whose path changed ${t.path}, handle time ${t.handleTime}, resolution ${t.resolution}, removed ${t.removed}, new ${t.added}`
        : `source "${s.name}" version ${s.version}${s.previousVersion === null ? ' (new)' : ', same mapping: only new events added'}; tickets new ${t.added}, changed path ${t.path}, handle time ${t.handleTime}, resolution ${t.resolution}`,
    );
  }
  const c = r.coverage;
  if (c.from && c.to) out(`data from ${c.from} to ${c.to} (exclusive): open the dashboard on it at http://localhost:${process.env.PORT || 3000}${c.dashboardPath}`);
  for (const f of c.fields.filter((x) => !x.filled)) out(`  missing ${f.field}: ${f.effect}${f.howToMap ? `; to map it: ${f.howToMap}` : ''}`);
  for (const f of c.fields.filter((x) => x.filled && x.count < x.of)) out(`  partial ${f.field}: ${f.effect}`);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const file = argv.find((a, i) => !a.startsWith('--') && (i === 0 || !['--preset', '--mapping', '--format', '--ai-ids', '--ai-pattern', '--handle-time', '--workspace'].includes(argv[i - 1])));
  if (!file) usage();
  const args = parseArgs(argv.filter((a) => a !== file), { preset: 'string', mapping: 'string', 'dry-run': 'bool', format: 'string', 'ai-ids': 'string', 'ai-pattern': 'string', 'handle-time': 'string', 'replace-source': 'bool', json: 'bool', workspace: 'string' });
  const slug = workspaceArg(args.workspace);
  let mapping: Mapping;
  if (args.preset) {
    mapping = PRESETS[args.preset as string];
    if (!mapping) throw new Error(`--preset: unknown "${args.preset}"; presets: ${Object.keys(PRESETS).join(', ')}`);
  } else if (args.mapping) {
    const raw = JSON.parse(fs.readFileSync(args.mapping as string, 'utf8'));
    const problems = mappingProblems(raw);
    if (problems.length) throw new Error(`--mapping ${args.mapping}:\n  - ${problems.join('\n  - ')}`);
    mapping = raw;
  } else usage();
  if (args['ai-ids'] || args['ai-pattern']) {
    mapping = { ...mapping, ai: { ids: args['ai-ids'] ? String(args['ai-ids']).split(',') : mapping.ai?.ids, pattern: (args['ai-pattern'] as string) ?? mapping.ai?.pattern } };
    const problems = mappingProblems(mapping).filter((p) => p.startsWith('ai.'));
    if (problems.length) throw new Error(`--ai-ids / --ai-pattern:\n  - ${problems.join('\n  - ')}`);
  }
  if (args['handle-time'] !== undefined) {
    if (args['handle-time'] !== 'elapsed' && args['handle-time'] !== 'unrecorded') throw new Error(`--handle-time: elapsed or unrecorded (the default), got "${args['handle-time']}"`);
    mapping = { ...mapping, handleTime: args['handle-time'] };
  }
  const format = ((args.format as string) ?? (/\.(nd)?jsonl?$/i.test(file) ? 'ndjson' : 'csv')) as 'csv' | 'ndjson';
  if (!['csv', 'ndjson'].includes(format)) throw new Error('--format: csv or ndjson');
  const size = fs.statSync(file).size;
  const dryRun = args['dry-run'] === true;

  const config = loadConfig();
  const db = dryRun ? null : await resolveDatabase(config, (m) => console.error(m));
  const app = db ? await NestFactory.createApplicationContext(AppModule.forRoot(config, db.url), { logger: ['error', 'warn'] }) : null;
  try {
    const bar = progress(`${dryRun ? 'Checking' : 'Importing'} ${path.basename(file)} (bytes)`, size);
    const counter = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        bar.tick(chunk.length);
        cb(null, chunk);
      },
    });
    const input = fs.createReadStream(file).pipe(counter);
    const ws = app ? await cliWorkspace(app, slug, (m) => console.error(m)) : null;
    const report =
      app && ws
        ? await inWorkspace(ws, () => importAsVersion(app.get(DataSource), input, { format, mapping }, path.basename(file), () => (bar.done(), drainProjection(app)), args['replace-source'] === true))
        : await runImport(input, { format, mapping, dryRun: true });
    bar.done();
    const rss = process.resourceUsage().maxRSS / 1024;
    if (args.json) console.log(JSON.stringify({ ...report, peakRssMb: Math.round(rss) }, null, 2));
    else {
      printReport(report, (s) => console.log(s));
      console.log(`${report.seconds} s, peak memory ${Math.round(rss)} MB`);
    }
  } finally {
    await app?.close();
    await db?.embedded?.stop();
  }
}

main().catch((e) => {
  console.error(`import failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
