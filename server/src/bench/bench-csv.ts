// The hand-written CSV reader and writer against the libraries (csv-parse, csv-stringify), on the
// real public logs in ../shared/datasets (when present) and a synthetic file with quoting, commas
// and line breaks inside fields. Same output is checked first; then time and memory per MB.
//   npm run bench:csv [-- --reps 5 --rows 300000]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import { csvLine } from '../common/csv';
import { findRepoRoot } from '../config/repo-root';
import { readCsv, uniqueHeaders } from '../import/csv-reader';
import { writeResult } from './bench-env';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const REPS = arg('reps', 5);
const ROWS = arg('rows', 300_000);

type Rows = { line: number; values: Record<string, string> }[];

async function hand(text: string): Promise<Rows> {
  const out: Rows = [];
  for await (const r of readCsv(Readable.from(chunksOf(text)))) out.push({ line: r.line, values: r.values });
  return out;
}

/** csv-parse configured to behave like the importer needs: BOM, unique headers, ragged rows kept, line numbers. */
async function library(text: string): Promise<Rows> {
  const out: Rows = [];
  const parser = Readable.from(chunksOf(text)).pipe(
    parse({ bom: true, columns: (h: string[]) => uniqueHeaders(h), relax_column_count: true, skip_empty_lines: true, info: true }),
  );
  for await (const r of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number; raw?: string } }>) {
    out.push({ line: r.info.lines, values: r.record });
  }
  return out;
}

/** 64 KiB chunks, as a file stream delivers them. */
function chunksOf(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += 65536) out.push(text.slice(i, i + 65536));
  return out;
}

function synthetic(rows: number): string {
  const lines = ['id,channel,subject,body,score'];
  for (let i = 0; i < rows; i++) {
    const body = i % 7 === 0 ? `"line one, with a comma\nline two says ""hi"""` : i % 3 === 0 ? '"plain, quoted"' : `text number ${i}`;
    lines.push(`t-${i},${i % 2 ? 'chat' : 'email'},Subject ${i % 97},${body},${i % 5}`);
  }
  return lines.join('\r\n') + '\r\n';
}

async function timed(fn: () => Promise<unknown>): Promise<{ ms: number; heapMb: number }[]> {
  const runs: { ms: number; heapMb: number }[] = [];
  for (let i = 0; i < REPS; i++) {
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    const t = process.hrtime.bigint();
    await fn();
    runs.push({ ms: Number(process.hrtime.bigint() - t) / 1e6, heapMb: (process.memoryUsage().heapUsed - before) / 2 ** 20 });
  }
  return runs;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const shared = path.join(findRepoRoot(), '..', 'shared', 'datasets');
  const inputs: { name: string; text: string }[] = [];
  if (fs.existsSync(shared)) {
    for (const dir of fs.readdirSync(shared).sort()) {
      for (const f of fs.readdirSync(path.join(shared, dir)).filter((x) => x.endsWith('.csv'))) inputs.push({ name: `${dir}/${f}`, text: fs.readFileSync(path.join(shared, dir, f), 'utf8') });
    }
  } else {
    console.log(`(no ${shared}: synthetic input only)`);
  }
  inputs.push({ name: `synthetic ${ROWS.toLocaleString('en-US')} rows`, text: synthetic(ROWS) });

  const readers: Record<string, unknown>[] = [];
  for (const { name, text } of inputs) {
    const mb = Buffer.byteLength(text) / 2 ** 20;
    const [a, b] = [await hand(text), await library(text)];
    const same = a.length === b.length && a.every((r, i) => r.line === b[i].line || JSON.stringify(r.values) === JSON.stringify(b[i].values));
    const sameValues = a.length === b.length && a.every((r, i) => JSON.stringify(r.values) === JSON.stringify(b[i].values));
    const tHand = await timed(() => hand(text));
    const tLib = await timed(() => library(text));
    const row = {
      input: name,
      mb: +mb.toFixed(2),
      records: a.length,
      sameRecords: sameValues,
      sameLineNumbers: same && a.every((r, i) => r.line === b[i].line),
      handMbPerS: +(mb / (median(tHand.map((r) => r.ms)) / 1000)).toFixed(1),
      libraryMbPerS: +(mb / (median(tLib.map((r) => r.ms)) / 1000)).toFixed(1),
      handMs: +median(tHand.map((r) => r.ms)).toFixed(1),
      libraryMs: +median(tLib.map((r) => r.ms)).toFixed(1),
    };
    readers.push(row);
    console.log(`read  ${name}: ${row.records.toLocaleString('en-US')} records, ${row.mb} MB; hand ${row.handMbPerS} MB/s, csv-parse ${row.libraryMbPerS} MB/s; same records: ${row.sameRecords}, same line numbers: ${row.sameLineNumbers}`);
  }

  // Writing: the export's rows (flattened summaries / tickets) as CSV.
  const rows = Array.from({ length: ROWS }, (_, i) => ({ id: `t-${i}`, channel: i % 2 ? 'chat' : 'email', note: i % 7 ? `plain ${i}` : 'has "quotes", commas\nand lines', rate: i / ROWS, n: i, empty: null as number | null }));
  const columns = Object.keys(rows[0]);
  const handWrite = () => columns.join(',') + '\r\n' + rows.map((r) => csvLine(columns.map((c) => r[c as keyof typeof r]))).join('');
  const libWrite = () => stringify(rows, { header: true, columns, record_delimiter: 'windows', cast: { number: (v: number) => (Number.isFinite(v) ? String(v) : '') } });
  const sameWrite = handWrite() === libWrite();
  const wHand = await timed(async () => handWrite());
  const wLib = await timed(async () => libWrite());
  const writer = { rows: ROWS, sameOutput: sameWrite, handMs: +median(wHand.map((r) => r.ms)).toFixed(1), libraryMs: +median(wLib.map((r) => r.ms)).toFixed(1) };
  console.log(`write ${ROWS.toLocaleString('en-US')} rows: hand ${writer.handMs} ms, csv-stringify ${writer.libraryMs} ms; same bytes: ${writer.sameOutput}`);
  console.log(`written to ${writeResult('csv', { reps: REPS, readers, writer })}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
