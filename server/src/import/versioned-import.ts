// An import stored as a version of its source (source-version.writer.ts), for the CLI and the API:
// read and map the file into one transaction, commit, let the projector replay the touched
// tickets, then say what changed.
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import type { ImportReport } from '../contract';
import { ImportOptions, runImport } from './importer';
import { SourceVersionWriter, ticketChanges } from './source-version.writer';

export async function importAsVersion(
  ds: DataSource,
  input: Readable,
  o: Omit<ImportOptions, 'ingest' | 'dryRun'>,
  fileName: string | null,
  drain: () => Promise<unknown>,
  allowShrink = false,
): Promise<ImportReport> {
  const writer = await SourceVersionWriter.open(ds, o.mapping.source);
  let report: ImportReport;
  try {
    report = await runImport(input, { ...o, dryRun: false, ingest: (events) => writer.ingest(events) });
  } catch (e) {
    await writer.abandon();
    throw e;
  }
  const c = await writer.commit(o.mapping, fileName, allowShrink);
  await drain();
  const inFile = report.eventsDuplicate; // ids repeated within the file
  report.eventsAccepted = c.eventsAdded + c.eventsReplaced;
  report.eventsDuplicate = inFile + c.eventsAlreadyThere;
  report.source = {
    name: o.mapping.source,
    version: c.version,
    previousVersion: c.previousVersion,
    mappingChanged: c.mappingChanged,
    eventsAdded: c.eventsAdded,
    eventsRemoved: c.eventsRemoved,
    eventsReplaced: c.eventsReplaced,
    ticketsChanged: await ticketChanges(ds, c.before),
  };
  return report;
}
