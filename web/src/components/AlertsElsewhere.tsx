/** Under a filtered alerts list: how many unresolved alerts are about other channels or categories, and a way to see them. */
export function AlertsElsewhere({ count, onShowAll }: { count: number; onShowAll: () => void }) {
  if (count === 0) return null;
  return (
    <p className="muted">
      {count} more unresolved alert{count === 1 ? ' is' : 's are'} about other channels or categories.{' '}
      <button type="button" onClick={onShowAll}>
        Show all
      </button>
    </p>
  );
}
