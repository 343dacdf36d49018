/** Under a filtered alerts list: how many alerts are about other channels or categories, and a way to see them. */
export function AlertsElsewhere({ count, kind, onShowAll }: { count: number; kind: 'open' | 'unresolved'; onShowAll: () => void }) {
  if (count === 0) return null;
  return (
    <p className="muted">
      {count} more {kind} alert{count === 1 ? ' is' : 's are'} about other channels or categories.{' '}
      <button type="button" onClick={onShowAll}>
        Show all
      </button>
    </p>
  );
}
