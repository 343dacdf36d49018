/** Minimal `--name value` parsing for the CLIs, with a clear error for unknown or malformed flags. */
export function parseArgs(argv: string[], spec: Record<string, 'int' | 'string' | 'bool'>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z0-9-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m || !(m[1] in spec)) throw new Error(`unknown argument "${argv[i]}"; expected ${Object.keys(spec).map((k) => '--' + k).join(', ')}`);
    const kind = spec[m[1]];
    if (kind === 'bool') {
      out[m[1]] = true;
      continue;
    }
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${m[1]} needs a value`);
    if (kind === 'int') {
      if (!/^\d+$/.test(value)) throw new Error(`--${m[1]} must be a whole number, got "${value}"`);
      out[m[1]] = Number(value);
    } else out[m[1]] = value;
  }
  return out;
}
