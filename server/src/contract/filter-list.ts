// A filter's values as one URL parameter (`category=billing,shipping`), shared by server and web so
// that a value with a comma in it ("Billing, payments", a real helpdesk's category) stays one value:
// inside a value a comma is written "\," and a backslash "\\", and whitespace at either end of a value
// "\ " (a category " spaced " has its own segment). Imports nothing. Not in index.ts.

/** The values as one comma list: commas and backslashes inside a value escaped, and spaces at its ends too (" spaced " is "\ spaced\ "), so that trimming a typed list ("chat, email") leaves them. */
export function joinFilterValues(values: readonly string[]): string {
  const escapeEnds = (v: string) => v.replace(/^\s+|\s+$/g, (ws) => ws.replace(/\s/g, (c) => `\\${c}`));
  return values.map((v) => escapeEnds(v.replace(/\\/g, '\\\\').replace(/,/g, '\\,'))).join(',');
}

/** One value as written: its text, and how much of each end was escaped (whitespace there is the value's own). */
interface Part {
  text: string;
  /** Index of the first escaped character (text.length when none). */
  firstEscaped: number;
  /** Index after the last escaped character (0 when none). */
  afterLastEscaped: number;
}

function parts(text: string): Part[] {
  const out: Part[] = [];
  let cur: Part = { text: '', firstEscaped: -1, afterLastEscaped: 0 };
  const end = () => out.push({ ...cur, firstEscaped: cur.firstEscaped < 0 ? cur.text.length : cur.firstEscaped });
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const next = text[i + 1];
    if (c === '\\' && next !== undefined && (next === ',' || next === '\\' || /\s/.test(next))) {
      if (cur.firstEscaped < 0) cur.firstEscaped = cur.text.length;
      cur.text += text[++i];
      cur.afterLastEscaped = cur.text.length;
    } else if (c === ',') {
      end();
      cur = { text: '', firstEscaped: -1, afterLastEscaped: 0 };
    } else cur.text += c;
  }
  end();
  return out;
}

/** A comma list's parts as written: split at commas not escaped; "\,", "\\" and a backslash before whitespace read back, any other backslash kept. */
export function filterParts(text: string): string[] {
  return parts(text).map((p) => p.text);
}

/**
 * A comma list back into its values (filterParts), empty ones dropped. Whitespace around a comma is
 * the list's padding and trimmed ("chat, email"); the list's own ends, and whitespace escaped, are
 * the value's: a single value is matched exactly, as CONTRACT.md's filters are (" spaced ").
 */
export function splitFilterValues(text: string): string[] {
  const all = parts(text);
  return all
    .map(({ text: v, firstEscaped, afterLastEscaped }, i) => {
      let a = 0;
      let b = v.length;
      if (i > 0) while (a < firstEscaped && a < b && /\s/.test(v[a])) a++;
      if (i < all.length - 1) while (b > afterLastEscaped && b > a && /\s/.test(v[b - 1])) b--;
      return v.slice(a, b);
    })
    .filter((v) => v !== '');
}

/**
 * A value for a reader: quoted when it has a comma in it, so a list of values still reads
 * ("Billing, payments", shipping), or whitespace at an end, so " spaced " is told from spaced.
 */
export const quotedIfNeeded = (v: string): string => (v.includes(',') || /^\s|\s$/.test(v) ? `"${v}"` : v);
