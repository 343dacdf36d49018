// Imports through the API: the upload is saved to a temporary file, then imported in the
// background with the same pipeline as the CLI; the job's status and report can be polled.
import { wsId } from '../workspaces/workspace-context';
import { BadRequestException, HttpException, Injectable, Logger, NotFoundException, OnModuleDestroy } from '@nestjs/common';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Transform, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DataSource } from 'typeorm';
import { ProjectorService } from '../projection/projector.service';
import type { ImportJob } from '../contract';
import { runImport } from './importer';
import { importAsVersion } from './versioned-import';
import { Mapping, mappingProblems } from './mapping';
import { PRESETS } from './presets';

export type { ImportJob } from '../contract';

export interface ImportRequest {
  file: Readable;
  fileName: string;
  preset?: string;
  mapping?: string;
  dryRun?: string;
  format?: string;
  /** 'true': a new version may remove most of the source (a smaller file). */
  replaceSource?: string;
  /** 'elapsed': price elapsed time as handle time (an upper bound); default: handle time unrecorded. */
  handleTime?: string;
  /** The form fields up to the file, the file's own included: one this API does not know is refused, not ignored. */
  fieldNames?: string[];
  /** Reads what follows the file (call once the file is read) and names its parts. */
  rest?: () => Promise<string[]>;
}

/** The upload's form fields (docs/IMPORT.md). */
export const IMPORT_FIELDS = ['preset', 'mapping', 'dryRun', 'replaceSource', 'handleTime', 'format', 'file'] as const;

/**
 * A form field the import does not know, said with the ones it does: `aiIds=…` was answered 202
 * and the import came out all human, without a word. AI agents go in the mapping's `ai`.
 */
export function unknownFieldProblem(names: readonly string[]): string | null {
  // Given twice, a field took its last value: "dryRun=true … dryRun=false" imported for real.
  const named = (n: string) => (n === '' ? '(a field without a name)' : n);
  const twice = [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
  if (twice.length > 0) return `${twice.map(named).join(', ')}: given more than once; give each field once`;
  const unknown = names.filter((n) => !(IMPORT_FIELDS as readonly string[]).includes(n)).map(named);
  if (unknown.length === 0) return null;
  const hint = unknown.some((n) => /^ai/i.test(n)) ? '; AI agents are named in the mapping\'s "ai": {"ids": [...]} or {"pattern": "..."} (docs/IMPORT.md)' : '';
  return `${unknown.join(', ')}: unknown field${unknown.length === 1 ? '' : 's'}; the fields are ${IMPORT_FIELDS.join(', ')}${hint}`;
}

/**
 * What a failed upload answers: a request's own fault is a 4xx that says so (a body cut short
 * before its closing boundary was a 500), the multipart limits keep their status (413), and a
 * fault of this machine (the temp folder full) stays a server error.
 */
export function uploadError(e: unknown): Error {
  if (e instanceof HttpException) return e;
  if (typeof (e as NodeJS.ErrnoException).code === 'string' && /^E[A-Z]+$/.test((e as NodeJS.ErrnoException).code!) && (e as NodeJS.ErrnoException).syscall) return e as Error;
  const status = (e as { statusCode?: number }).statusCode;
  const message = (e as Error).message ?? String(e);
  if (status !== undefined && status >= 400 && status < 500) return new HttpException(`body: ${message}`, status);
  return new BadRequestException(`body: the upload is not a complete multipart/form-data body (${message}); nothing was imported`);
}

/** Jobs remembered per workspace. */
const MAX_JOBS = 100;

/** Jobs are kept per workspace: another workspace's import id is unknown here. */
const jobKey = (id: string) => `${wsId()}:${id}`;

@Injectable()
export class ImportsService implements OnModuleDestroy {
  private readonly jobs = new Map<string, ImportJob>();
  private readonly log = new Logger('Imports');
  private readonly running = new Set<Promise<void>>();
  private readonly stop = new AbortController();

  constructor(
    private readonly ds: DataSource,
    private readonly projector: ProjectorService,
  ) {}

  private mapping(r: ImportRequest): Mapping {
    if (r.preset && r.mapping) throw new BadRequestException('preset, mapping: give one of them, not both');
    if (r.preset) {
      const m = PRESETS[r.preset];
      if (!m) throw new BadRequestException(`preset: unknown "${r.preset}"; presets: ${Object.keys(PRESETS).join(', ')}`);
      return m;
    }
    if (!r.mapping) throw new BadRequestException(`preset or mapping: one is required (presets: ${Object.keys(PRESETS).join(', ')})`);
    let raw: unknown;
    try {
      raw = JSON.parse(r.mapping);
    } catch (e) {
      throw new BadRequestException(`mapping: not valid JSON (${(e as Error).message})`);
    }
    const problems = mappingProblems(raw);
    if (problems.length) throw new BadRequestException(problems.map((p) => `mapping.${p}`));
    return raw as Mapping;
  }

  /** Saves the upload, starts the import in the background and returns the job. */
  async start(r: ImportRequest): Promise<ImportJob> {
    const unknownField = unknownFieldProblem(r.fieldNames ?? []);
    if (unknownField) throw new BadRequestException(unknownField);
    const mapping: Mapping = r.handleTime ? { ...this.mapping(r), handleTime: r.handleTime as 'elapsed' | 'unrecorded' } : this.mapping(r);
    const format = (r.format ?? (/\.(nd)?jsonl?$/i.test(r.fileName) ? 'ndjson' : 'csv')) as 'csv' | 'ndjson';
    if (!['csv', 'ndjson'].includes(format)) throw new BadRequestException('format: csv or ndjson');
    if (r.dryRun !== undefined && !['true', 'false'].includes(r.dryRun)) throw new BadRequestException('dryRun: true or false');
    if (r.replaceSource !== undefined && !['true', 'false'].includes(r.replaceSource)) throw new BadRequestException('replaceSource: true or false');
    if (r.handleTime !== undefined && !['elapsed', 'unrecorded'].includes(r.handleTime)) throw new BadRequestException('handleTime: elapsed or unrecorded (the default)');
    const id = crypto.randomUUID();
    const file = path.join(os.tmpdir(), `claimcheck-import-${id}`);
    let bytes = 0;
    const count = new Transform({
      transform(chunk: Buffer, _e, cb) {
        bytes += chunk.length;
        cb(null, chunk);
      },
    });
    // Whatever ends the upload early, its saved copy goes (each failed upload used to stay in the temp folder).
    const out = fs.createWriteStream(file);
    try {
      await pipeline(r.file, count, out);
      if ((r.file as Readable & { truncated?: boolean }).truncated) throw new BadRequestException('file: larger than the upload limit (200 MiB); use the CLI (npm run import)');
      // A field sent after the file was not read before the import was set up: `-F file=@x -F dryRun=true`
      // would import for real. Refused, with nothing started.
      const late = (await r.rest?.()) ?? [];
      if (late.length > 0) throw new BadRequestException(`${late.join(', ')}: sent after the file; send every field before the file (the upload is read in order), nothing was imported`);
    } catch (e) {
      // The stream opens its file asynchronously: removed before it has, an empty file was left behind.
      if (!out.closed) await new Promise<void>((done) => out.once('close', () => done()));
      fs.rmSync(file, { force: true });
      throw uploadError(e);
    }
    const job: ImportJob = {
      id, fileName: r.fileName, bytes, preset: r.preset ?? null, dryRun: r.dryRun === 'true', status: 'running',
      startedAt: new Date().toISOString(), finishedAt: null, rowsRead: 0, eventsProduced: 0, report: null, error: null,
    };
    this.jobs.set(jobKey(id), job);
    // The oldest of this workspace's jobs go first: another workspace's uploads never push them out.
    const mine = [...this.jobs.keys()].filter((k) => k.startsWith(`${wsId()}:`));
    for (const k of mine.slice(0, Math.max(0, mine.length - MAX_JOBS))) this.jobs.delete(k);
    const run = this.run(job, file, format, mapping, r.replaceSource === 'true').finally(() => this.running.delete(run));
    this.running.add(run);
    return job;
  }

  /**
   * On shutdown, imports stop at their next batch (before the database closes); each batch stored
   * so far stays, and importing the same file again adds the rest (event ids are idempotent).
   */
  async onModuleDestroy(): Promise<void> {
    this.stop.abort(new Error('the server stopped during the import; import the same file again to finish it (nothing is counted twice)'));
    await Promise.all(this.running);
  }

  private async run(job: ImportJob, file: string, format: 'csv' | 'ndjson', mapping: Mapping, replaceSource: boolean): Promise<void> {
    const input = fs.createReadStream(file);
    // An import that fails before reading leaves the stream unopened, and the file is removed below:
    // its open error then had no listener and ended the process. The readers' own errors still reach
    // the import through its iterator.
    input.on('error', (e) => this.log.debug(`import ${job.id}: ${e.message}`));
    try {
      const onProgress = (rows: number, events: number) => {
        job.rowsRead = rows;
        job.eventsProduced = events;
      };
      job.report = job.dryRun
        ? await runImport(input, { format, mapping, dryRun: true, signal: this.stop.signal, onProgress })
        : await importAsVersion(this.ds, input, { format, mapping, signal: this.stop.signal, onProgress }, job.fileName, () => this.projector.drain(), replaceSource);
      job.status = 'done';
    } catch (e) {
      job.status = 'failed';
      job.error = (e as Error).message;
      this.log.warn(`import ${job.id} (${JSON.stringify(job.fileName)}) failed: ${job.error}`);
    } finally {
      job.finishedAt = new Date().toISOString();
      input.destroy();
      fs.rmSync(file, { force: true });
    }
  }

  get(id: string): ImportJob {
    const job = this.jobs.get(jobKey(id));
    if (!job) throw new NotFoundException(`import ${id} is unknown (jobs are kept in memory until the server restarts)`);
    return job;
  }

  list(): ImportJob[] {
    const mine = `${wsId()}:`;
    return [...this.jobs.entries()].filter(([k]) => k.startsWith(mine)).map(([, j]) => j).reverse();
  }
}
