// One CSV cell and line, as every export writes them (the API's CSV and the dashboard's own, such as
// the savings waterfall's steps): RFC 4180 quoting, and text a spreadsheet would run as a formula
// written as text. Shared by server and web; imports nothing. Not part of index.ts (no API type).

export type Scalar = string | number | boolean | null;

export function csvField(v: Scalar | undefined): string {
  if (v === null || v === undefined) return '';
  // Text that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage
  // return) is written with a leading apostrophe, unless it is a plain number ("-12.5"): exported
  // values come from helpdesks and vendors, and "-1+cmd|' /C calc'!A0" is a formula.
  const t = String(v);
  const s = typeof v === 'number' ? (Number.isFinite(v) ? t : '') : /^[=+\-@\t\r]/.test(t) && !/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(t) ? `'${t}` : t;
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: readonly (Scalar | undefined)[]): string {
  return values.map(csvField).join(',') + '\r\n';
}
