// Positional parameters without counting by hand: `p.add(value, 'text[]')` returns `$n::text[]`.
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown, type: string): string {
    this.values.push(value);
    return `$${this.values.length}::${type}`;
  }
}
