// A test app with the contract fixture loaded once (for the analytics API tests).
import type { AppConfig } from '../src/config/app-config';
import { TestApp, createTestApp, fixtureLines } from './test-app';

export async function createFixtureApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const t = await createTestApp(overrides);
  const res = await t.request('POST', '/api/v1/events', { raw: fixtureLines().join('\n'), contentType: 'application/x-ndjson' });
  if (res.status !== 207) throw new Error(`fixture load answered ${res.status}`);
  return t;
}

/** asOf after the fixture has matured (the expected.json cases assume one after 2026-02-10). */
export const AS_OF = '2026-03-01T00:00:00Z';

export function qs(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, String(v));
  if (!q.has('asOf')) q.set('asOf', AS_OF);
  return q.toString();
}

/** Minimal RFC 4180 parser for the CSV tests (quoted fields, doubled quotes, CRLF). */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n') row.push(field.replace(/\r$/, '')), rows.push(row), (row = []), (field = '');
    else field += c;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}
