import type { PeriodCoverage } from '../../../server/src/contract';
import { coverageNotes } from '../lib/coverage';

/** Says when the range or its comparison period is only partly covered by the data; nothing otherwise. */
export function CoverageNote({ range, comparison }: { range: { from: string; to: string; coverage?: PeriodCoverage }; comparison?: { from: string; to: string; coverage?: PeriodCoverage } }) {
  const notes = coverageNotes(range, comparison);
  if (notes.length === 0) return null;
  return (
    <div className="caveat" role="note" aria-label="Data coverage">
      {notes.map((n) => (
        <p key={n}>{n}</p>
      ))}
    </div>
  );
}
