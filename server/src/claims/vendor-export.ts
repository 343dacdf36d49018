// A vendor's per-conversation export (CSV): which column holds what, by preset or mapping, and
// each record read into a billed row or a reason it was refused (docs/CLAIMS.md, "Vendor exports").
import { AUTO_FORMATS, parseTimestamp } from '../import/datetime';
import { CURRENCY_SIGNS, otherCurrency } from '../contract/currency-symbol';

/** Which column holds the conversation (or ticket) id, the date, the resolution type and the billed amount. */
export interface VendorMapping {
  id: string;
  amount: string;
  date?: string;
  type?: string;
  /** A mapping the request gave (not a preset): every column it names must be in the header. */
  named?: boolean;
}

/**
 * Presets named for the exports the vendors' public docs describe; the header names are what we
 * read there. An export whose header differs gets a clear message and can be mapped instead.
 */
export const VENDOR_PRESETS: Record<string, VendorMapping> = {
  /** Intercom Fin: the resolutions report, one row per resolved conversation (assumed or confirmed). */
  'intercom-fin': { id: 'Conversation ID', date: 'Resolution date', type: 'Resolution type', amount: 'Charge' },
  /** Zendesk AI agents: the automated resolutions export, one row per billed ticket. */
  'zendesk-ar': { id: 'Ticket ID', date: 'Automated resolution date', type: 'Resolution type', amount: 'Billed amount' },
  /** Claimcheck's own columns: id, date, type, amount. */
  generic: { id: 'id', date: 'date', type: 'type', amount: 'amount' },
};

export interface VendorRow {
  conversationId: string;
  date: string | null;
  resolutionType: string;
  billedAmount: number;
}

/** The mapping of a request: a preset's, or a JSON mapping; a message naming what is wrong otherwise. */
export function resolveMapping(preset: string | undefined, mapping: string | undefined): VendorMapping | { problem: string } {
  if (preset && mapping) return { problem: 'preset, mapping: give one or the other' };
  if (mapping) {
    let m: unknown;
    try {
      m = JSON.parse(mapping);
    } catch (e) {
      return { problem: `mapping: not valid JSON (${(e as Error).message})` };
    }
    if (typeof m !== 'object' || m === null || Array.isArray(m)) return { problem: 'mapping: must be an object such as {"id": "Conversation", "amount": "Price", "date": "Day", "type": "Kind"}' };
    const o = m as Record<string, unknown>;
    for (const k of Object.keys(o)) if (!['id', 'amount', 'date', 'type'].includes(k)) return { problem: `mapping.${k}: unknown; use id, amount, date, type` };
    for (const k of ['id', 'amount'] as const) if (typeof o[k] !== 'string' || o[k] === '') return { problem: `mapping.${k}: the column name is required` };
    for (const k of ['date', 'type'] as const) if (o[k] !== undefined && (typeof o[k] !== 'string' || o[k] === '')) return { problem: `mapping.${k}: must be a column name` };
    // Named by the caller, its date and type columns must be there too (a misspelt date column was ignored).
    return { ...(o as unknown as VendorMapping), named: true };
  }
  const name = preset ?? 'generic';
  return VENDOR_PRESETS[name] ?? { problem: `preset: unknown "${name}"; use ${Object.keys(VENDOR_PRESETS).join(', ')}, or a mapping` };
}

/** The columns the header lacks, or null: id and amount; date and type too when a mapping names them (a preset's are read when there). */
export function missingColumns(header: readonly string[], m: VendorMapping): string | null {
  const keys = m.named ? (['id', 'amount', 'date', 'type'] as const) : (['id', 'amount'] as const);
  const missing = keys.map((k) => [k, m[k]] as const).filter((x): x is readonly [typeof x[0], string] => typeof x[1] === 'string' && !header.includes(x[1]));
  if (missing.length === 0) return null;
  return `${missing.map(([k, col]) => `${k} column "${col}"`).join(', ')} not in the header (it has: ${header.map((h) => `"${h}"`).join(', ')})`;
}

const AMOUNT = new RegExp(`^\\s*([${CURRENCY_SIGNS}]?)\\s*(\\d{1,12}(?:\\.\\d{1,6})?)\\s*([A-Z]{3})?\\s*$`);

/** One record of the export as a billed row, or why it is refused. Dates are read as UTC days. */
export function readVendorRecord(values: Record<string, string>, m: VendorMapping, currency = 'USD'): VendorRow | { error: string } {
  const id = (values[m.id] ?? '').trim();
  if (!id) return { error: `${m.id}: empty` };
  if (id.length > 200) return { error: `${m.id}: longer than 200 characters` };
  if (/[\u0000-\u001f]/.test(id)) return { error: `${m.id}: contains control characters` };
  const rawAmount = values[m.amount] ?? '';
  const a = AMOUNT.exec(rawAmount);
  if (!a) return { error: `${m.amount}: "${rawAmount.slice(0, 40)}" is not an amount (a number ≥ 0 with a dot for decimals, e.g. 0.99)` };
  const other = otherCurrency(a[1], a[3], currency);
  if (other) return { error: `${m.amount}: "${rawAmount.slice(0, 40)}" ${other}; this workspace's amounts are in ${currency} (its cost model's currency): convert it first` };
  let date: string | null = null;
  const rawDate = m.date ? (values[m.date] ?? '').trim() : '';
  if (rawDate) {
    const iso = /^\d{4}-\d{2}-\d{2}T/.test(rawDate) ? (Number.isNaN(Date.parse(rawDate)) ? null : new Date(rawDate).toISOString()) : null;
    const parsed = iso ? { iso } : AUTO_FORMATS.map((f) => parseTimestamp(rawDate, f, 'UTC')).find((p): p is { iso: string; ms: number } => 'iso' in p);
    if (!parsed) return { error: `${m.date}: "${rawDate.slice(0, 40)}" is not a date (YYYY-MM-DD or an ISO timestamp)` };
    date = parsed.iso.slice(0, 10);
    if (!/^(19|20|21)\d\d-/.test(date)) return { error: `${m.date}: "${rawDate.slice(0, 40)}" is outside the years 1900-2199` };
  }
  const type = m.type ? (values[m.type] ?? '').trim().slice(0, 100) : '';
  if (/[\u0000-\u001f\u007f]/.test(type)) return { error: `${m.type}: contains control characters` };
  return { conversationId: id, date, resolutionType: type || 'resolution', billedAmount: Number(a[2]) };
}
