// Streaming CSV (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF)
// with constant memory: records are yielded as the bytes arrive, never the whole file at once.
import type { Readable } from 'node:stream';
import { firstInvalidUtf8 } from '../common/utf8';

export interface CsvRecord {
  /** 1-based record number (the header is record 0), not a line number: fields may span lines. */
  row: number;
  /** 1-based physical line the record starts on, for error messages. */
  line: number;
  values: Record<string, string>;
}

/** Duplicate header names get a suffix (`Variant`, `Variant_2`), so no column is lost. */
export function uniqueHeaders(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((raw) => {
    const name = raw.trim();
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name}_${n}`;
  });
}

const SPECIAL = /[,\r\n"]/g;

function newlines(s: string): number {
  let n = 0;
  for (let at = s.indexOf('\n'); at >= 0; at = s.indexOf('\n', at + 1)) n++;
  return n;
}

/** Parses CSV text chunks into rows of fields. */
export class CsvTokenizer {
  private field = '';
  private row: string[] = [];
  private quoted = false;
  private quoteSeen = false; // just saw a quote inside a quoted field (maybe the first of "")
  private line = 1;
  private rowLine = 1;
  private atFieldStart = true;
  private rowQuoted = false; // a row of one quoted empty field ("") is a record, not a blank line
  private readonly out: { fields: string[]; line: number }[] = [];

  push(chunk: string): { fields: string[]; line: number }[] {
    // Runs of ordinary characters are copied as slices (not char by char): long text fields, such
    // as ticket descriptions, are most of the bytes of a support export.
    let i = 0;
    while (i < chunk.length) {
      if (this.quoted) {
        if (this.quoteSeen) {
          this.quoteSeen = false;
          if (chunk[i] === '"') {
            this.field += '"';
            i++;
          } else {
            this.quoted = false; // that quote closed the field; chunk[i] is read as unquoted below
          }
          continue;
        }
        const q = chunk.indexOf('"', i);
        const piece = chunk.slice(i, q < 0 ? chunk.length : q);
        this.field += piece;
        this.line += newlines(piece);
        if (q < 0) break;
        this.quoteSeen = true;
        i = q + 1;
        continue;
      }
      const c = chunk[i];
      if (c === '"' && this.atFieldStart) {
        this.quoted = true;
        this.rowQuoted = true;
        this.atFieldStart = false;
        i++;
      } else if (c === ',') {
        this.row.push(this.field);
        this.field = '';
        this.atFieldStart = true;
        i++;
      } else if (c === '\n') {
        this.endRow();
        this.line++;
        this.rowLine = this.line;
        i++;
      } else if (c === '\r') {
        i++; // CRLF: the \n ends the row
      } else {
        // An ordinary run (a quote inside an unquoted field is an ordinary character).
        SPECIAL.lastIndex = i + 1;
        const next = SPECIAL.exec(chunk);
        const stop = next ? next.index : chunk.length;
        this.field += chunk.slice(i, stop);
        this.atFieldStart = false;
        i = stop;
      }
    }
    return this.out.splice(0);
  }

  end(): { fields: string[]; line: number }[] {
    if (this.quoted && this.quoteSeen) this.quoted = false;
    if (this.field !== '' || this.row.length > 0 || this.rowQuoted) this.endRow();
    return this.out.splice(0);
  }

  /** True when the input ended inside a quoted field (a broken file). */
  get unterminated(): boolean {
    return this.quoted;
  }

  private endRow() {
    this.row.push(this.field);
    if (!(this.row.length === 1 && this.row[0] === '' && !this.rowQuoted)) this.out.push({ fields: this.row, line: this.rowLine });
    this.row = [];
    this.rowQuoted = false;
    this.field = '';
    this.atFieldStart = true;
  }
}

export async function* readCsv(input: Readable): AsyncGenerator<CsvRecord> {
  const tok = new CsvTokenizer();
  let headers: string[] | null = null;
  let row = 0;
  const emit = function* (rows: { fields: string[]; line: number }[]): Generator<CsvRecord> {
    for (const r of rows) {
      if (!headers) {
        headers = uniqueHeaders(r.fields.map((f, i) => (i === 0 ? f.replace(/^\uFEFF/, '') : f)));
        continue;
      }
      const values: Record<string, string> = {};
      headers.forEach((h, i) => (values[h] = r.fields[i] ?? ''));
      if (r.fields.length > headers.length) values.__extra = r.fields.slice(headers.length).join(',');
      yield { row: ++row, line: r.line, values };
    }
  };
  for await (const chunk of utf8Text(input)) yield* emit(tok.push(chunk));
  yield* emit(tok.end());
  if (tok.unterminated) throw new Error('the file ends inside a quoted field (an opening " has no closing one)');
}

export async function* readNdjson(input: Readable): AsyncGenerator<CsvRecord | { row: number; line: number; error: string }> {
  let rest = '';
  let line = 0;
  let row = 0;
  const parse = (text: string) => {
    line++;
    if (text.trim() === '') return null;
    row++;
    try {
      const v = JSON.parse(text);
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return { row, line, error: 'not a JSON object' };
      const values: Record<string, string> = {};
      for (const [k, x] of Object.entries(v)) values[k] = x === null || x === undefined ? '' : typeof x === 'object' ? JSON.stringify(x) : String(x);
      return { row, line, values };
    } catch (e) {
      return { row, line, error: `not valid JSON (${(e as Error).message})` };
    }
  };
  for await (const chunk of utf8Text(input)) {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    for (const p of parts) {
      const r = parse(p.replace(/\r$/, ''));
      if (r) yield r;
    }
  }
  const r = parse(rest);
  if (r) yield r;
}

/**
 * The file's text, refusing bytes that are not UTF-8: read with replacement characters, "café" and
 * "cafè" in a Latin-1 export both became "caf\uFFFD", one category, without a word. The import
 * stops at the first such byte and says where (what was stored before it stays; fixed and
 * imported again, nothing is counted twice).
 */
export async function* utf8Text(input: Readable): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    try {
      yield decoder.decode(bytes, { stream: true });
    } catch {
      const utf16 = offset === 0 && bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
      throw new Error(utf16 ? 'the file is UTF-16: save it as UTF-8 and import it again' : `the file is not UTF-8 at about byte ${offset + Math.max(0, firstInvalidUtf8(bytes))} (a Latin-1 or Windows export?): save it as UTF-8 and import it again; nothing is counted twice`);
    }
    offset += bytes.length;
  }
  let last: string;
  try {
    last = decoder.decode();
  } catch {
    throw new Error(`the file ends inside a UTF-8 character (byte ${offset}): save it as UTF-8 and import it again`);
  }
  if (last) yield last;
}
