// A filter's values as one URL parameter (`category=billing,shipping`), shared by server and web so
// that a value with a comma in it ("Billing, payments", a real helpdesk's category) stays one value:
// inside a value a comma is written "\," and a backslash "\\". Imports nothing. Not in index.ts.

/** The values as one comma list, commas and backslashes inside a value escaped. */
export function joinFilterValues(values: readonly string[]): string {
  return values.map((v) => v.replace(/\\/g, '\\\\').replace(/,/g, '\\,')).join(',');
}

/** A comma list's parts as written: split at commas not escaped, "\," and "\\" read back, any other backslash kept. */
export function filterParts(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && (text[i + 1] === ',' || text[i + 1] === '\\')) cur += text[++i];
    else if (c === ',') (out.push(cur), (cur = ''));
    else cur += c;
  }
  out.push(cur);
  return out;
}

/** A comma list back into its values (filterParts), each trimmed ("chat, email"), empty ones dropped. */
export function splitFilterValues(text: string): string[] {
  return filterParts(text)
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** A value for a reader: quoted when it has a comma in it, so a list of values still reads ("Billing, payments", shipping). */
export const quotedIfComma = (v: string): string => (v.includes(',') ? `"${v}"` : v);
