// Logs with one row per event or update hold each case's rows together (both public logs do, by
// construction); a case is mapped when the next case begins, so memory holds one case at a time.
import type { CsvRecord } from './csv-reader';
import type { RowOutcome } from './mapping';

export abstract class CaseBufferedMapper {
  private current: string | null = null;
  private rows: CsvRecord[] = [];
  private readonly done = new Set<string>();
  /** Cases whose rows were not contiguous (still imported: event ids are content-derived). */
  splitCases = 0;

  protected abstract caseOf(rec: CsvRecord): string | null;
  protected abstract mapCase(caseId: string, rows: CsvRecord[]): RowOutcome[];

  push(rec: CsvRecord): RowOutcome[] {
    const id = this.caseOf(rec);
    if (id === null) return [{ row: rec.row, line: rec.line, events: [], reason: 'missing case id' }];
    if (id === this.current) {
      this.rows.push(rec);
      return [];
    }
    const out = this.flush();
    if (this.done.has(id)) this.splitCases++;
    this.current = id;
    this.rows = [rec];
    return out;
  }

  flush(): RowOutcome[] {
    if (this.current === null) return [];
    const out = this.mapCase(this.current, this.rows);
    this.done.add(this.current);
    this.current = null;
    this.rows = [];
    return out;
  }
}
