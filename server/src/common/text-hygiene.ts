// Text that PostgreSQL cannot store or that is not Unicode at all: a NUL character (text and jsonb
// refuse it) and a lone UTF-16 surrogate (`"\ud800"` in JSON; json/jsonb refuse it, and it is not
// a character). Found here, at the edge, it is a 400 that names the field; found by the database,
// it would fail a whole batch. Pure.

declare global {
  interface String {
    /** ES2024, in Node.js since 20; the es2023 lib this project targets does not declare it. */
    isWellFormed(): boolean;
  }
}

/** Why `s` cannot be stored as text, or null when it can. */
export function textProblem(s: string): string | null {
  if (s.includes('\u0000')) return 'contains a NUL character (\\u0000), which cannot be stored';
  if (!s.isWellFormed()) return 'contains a lone UTF-16 surrogate (e.g. \\ud800 without its pair), which is not valid Unicode';
  return null;
}

/** Deepest nesting of objects/arrays accepted in a JSON value (an event's unknown fields, a body). */
export const MAX_JSON_DEPTH = 32;

export interface BadValue {
  /** Where, as `a.b[2].c`, starting with `at`. */
  path: string;
  problem: string;
}

/**
 * The first string (value or key) in a parsed JSON value that cannot be stored, or a nesting deeper
 * than `maxDepth`. Recursion is bounded by `maxDepth`, so a hostile 100,000-deep body is safe.
 */
export function findBadValue(value: unknown, at: string, maxDepth = MAX_JSON_DEPTH, depth = 0): BadValue | null {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? { path: at, problem } : null;
  }
  if (value === null || typeof value !== 'object') return null;
  if (depth >= maxDepth) return { path: at, problem: `is nested deeper than ${maxDepth} levels` };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = findBadValue(value[i], `${at}[${i}]`, maxDepth, depth + 1);
      if (bad) return bad;
    }
    return null;
  }
  for (const [key, v] of Object.entries(value)) {
    const keyProblem = textProblem(key);
    const where = at === '' ? safeKey(key) : `${at}.${safeKey(key)}`;
    if (keyProblem) return { path: where, problem: `has a field name that ${keyProblem}` };
    const bad = findBadValue(v, where, maxDepth, depth + 1);
    if (bad) return bad;
  }
  return null;
}

/** A field name fit to appear in a message: printable, bounded. */
export function safeKey(key: string): string {
  const printable = key.replace(/[\u0000-\u001f\u007f]/g, '?').replace(/[\ud800-\udfff]/g, '?');
  return printable.length > 60 ? `${printable.slice(0, 60)}…` : printable;
}
