// The import pipeline shared by the CLI and POST /api/v1/imports: stream rows -> map to events ->
// ingest in batches (or only validate, for a dry run) -> a report in which every row read is
// either imported or rejected with its reason.
import type { Readable } from 'node:stream';
import type { IngestResponse } from '../contract/api-types';
import { ValidEvent, validateEvent } from '../events/event-validation';
import { CaseBufferedMapper } from './case-buffer';
import { CoverageCounter } from './coverage';
import { readCsv, readNdjson } from './csv-reader';
import type { ImportReport } from '../contract';
import { ContractEvent, Mapping, RowOutcome, requiredColumns } from './mapping';
import { mapperFor } from './presets';
import { groupedReason, reasonKey } from './rejection-reasons';

export type { ImportReport } from '../contract';

export interface ImportOptions {
  format: 'csv' | 'ndjson';
  mapping: Mapping;
  dryRun: boolean;
  /** Stores a batch of events, validated here; absent for a dry run. */
  ingest?: (events: ValidEvent[]) => Promise<IngestResponse>;
  onProgress?: (rows: number, events: number) => void;
  batchSize?: number;
  /** Stops between batches (a server shutting down); what was stored stays, a re-import adds the rest. */
  signal?: AbortSignal;
}

export async function runImport(input: Readable, o: ImportOptions): Promise<ImportReport> {
  const started = Date.now();
  const mapper = mapperFor(o.mapping);
  const batchSize = o.batchSize ?? 5000;
  const report: ImportReport = {
    rowsRead: 0, rowsImported: 0, rowsRejected: 0, rejections: [], eventsProduced: 0, eventsAccepted: 0, eventsDuplicate: 0,
    eventsInvalid: 0, invalidExamples: [], tickets: 0, splitCases: 0, dryRun: o.dryRun, seconds: 0,
    coverage: { fields: [], from: null, to: null, dashboardPath: null }, source: null,
  };
  const coverage = new CoverageCounter(o.mapping.handleTime ?? 'unrecorded');
  const byReason = new Map<string, ImportReport['rejections'][number]>();
  const tickets = new Set<string>();
  let batch: ValidEvent[] = [];

  const reject = (row: number, line: number, reason: string) => {
    report.rowsRejected++;
    const key = reasonKey(reason);
    let r = byReason.get(key);
    if (!r) byReason.set(key, (r = { reason: groupedReason(null, reason), count: 0, examples: [] }));
    else r.reason = groupedReason(r.reason, reason);
    r.count++;
    if (r.examples.length < 5) r.examples.push({ row, line, detail: reason });
  };
  const flush = async () => {
    if (batch.length === 0) return;
    const events = batch;
    batch = [];
    if (o.ingest && !o.dryRun) {
      const r = await o.ingest(events);
      report.eventsAccepted += r.accepted;
      report.eventsDuplicate += r.duplicates;
      report.eventsInvalid += r.rejected.length;
      for (const x of r.rejected) if (report.invalidExamples.length < 5) report.invalidExamples.push({ id: x.id, errors: x.errors });
    }
  };
  const take = async (outcomes: RowOutcome[]) => {
    for (const out of outcomes) {
      if (out.reason) {
        reject(out.row, out.line, out.reason);
        continue;
      }
      // The source records no handle time: say so on the ticket (its segments are elapsed time).
      for (const e of out.events) if (e.type === 'ticket.created' && o.mapping.handleTime !== 'elapsed') e.handleTime = 'unrecorded';
      // An event the contract refuses (a NUL in a cell, a year past 9999) rejects its row whole, by
      // row and line: stored in part, the row left its ticket incomplete while the report said
      // every row was imported. Dry runs and imports alike; what passes is stored as validated here.
      const checked = out.events.map((e) => validateEvent(e));
      const invalid = checked.filter((v) => !v.ok);
      if (invalid.length > 0) {
        report.eventsInvalid += invalid.length;
        for (const v of invalid) if (report.invalidExamples.length < 5) report.invalidExamples.push({ id: v.id, errors: v.errors });
        reject(out.row, out.line, `its ${invalid.length === 1 ? 'event is' : 'events are'} not valid: ${invalid[0].errors.join('; ')}`);
        continue;
      }
      report.rowsImported++;
      report.eventsProduced += out.events.length;
      for (const e of out.events) {
        tickets.add(e.ticketId);
        coverage.add(e);
      }
      for (const v of checked) if (v.ok) batch.push(v.event);
    }
    if (batch.length >= batchSize) await flush();
  };

  const records = o.format === 'csv' ? readCsv(input) : readNdjson(input);
  let checkedColumns = false;
  for await (const rec of records) {
    o.signal?.throwIfAborted();
    report.rowsRead++;
    if ('error' in rec) {
      reject(rec.row, rec.line, rec.error);
      continue;
    }
    if (!checkedColumns) {
      checkedColumns = true;
      const absent = requiredColumns(o.mapping).filter((c) => !(c in rec.values));
      if (absent.length > 0) throw new Error(`the file has no column ${absent.map((c) => `"${c}"`).join(', ')} (columns: ${Object.keys(rec.values).join(', ')})`);
    }
    await take(mapper.push(rec));
    if (report.rowsRead % 1000 === 0) o.onProgress?.(report.rowsRead, report.eventsProduced);
  }
  await take(mapper.flush());
  await flush();
  o.onProgress?.(report.rowsRead, report.eventsProduced);
  report.tickets = tickets.size;
  report.coverage = coverage.result();
  report.splitCases = mapper instanceof CaseBufferedMapper ? mapper.splitCases : 0;
  report.rejections = [...byReason.values()].sort((a, b) => b.count - a.count);
  report.seconds = Number(((Date.now() - started) / 1000).toFixed(2));
  return report;
}
