import type { PeriodCoverage } from '../../../server/src/contract';
import { coverageNotes } from '../lib/coverage';
import { formatInstant } from '../lib/date-range';

/**
 * Says when the range or its comparison period lies partly outside the data, and when the
 * comparison is judged (at the same age as the range, server metrics-scope.ts comparisonScope).
 */
export function CoverageNote({ range, comparison, tz }: { range: { from: string; to: string; coverage?: PeriodCoverage }; comparison?: { from: string; to: string; asOf?: string; coverage?: PeriodCoverage }; tz: string }) {
  const notes = coverageNotes(range, comparison);
  return (
    <>
      {notes.length > 0 && (
        <div className="caveat" role="note" aria-label="Data coverage">
          {notes.map((n) => (
            <p key={n}>{n}</p>
          ))}
        </div>
      )}
      {comparison?.asOf && (
        <p className="muted small" aria-label="Comparison age">
          The comparison period is judged as of {formatInstant(comparison.asOf, tz)}: at the same age as this range, so the AI resolutions still maturing in each count alike.
        </p>
      )}
    </>
  );
}
