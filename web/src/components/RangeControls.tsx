import type { ViewFilters } from '../lib/date-range';

const CHANNELS = ['', 'chat', 'email', 'phone', 'social'];

/** `replace` for text typed key by key: one history entry for the whole word, not one per key. */
export function RangeControls({ filters, onChange }: { filters: ViewFilters; onChange: (f: Partial<ViewFilters>, options?: { replace?: boolean }) => void }) {
  return (
    <form className="controls" onSubmit={(e) => e.preventDefault()} aria-label="Date range and filters">
      <label>
        From <input type="date" value={filters.from} max={filters.to} onChange={(e) => e.target.value && onChange({ from: e.target.value })} />
      </label>
      <label>
        To (exclusive) <input type="date" value={filters.to} min={filters.from} onChange={(e) => e.target.value && onChange({ to: e.target.value })} />
      </label>
      <label>
        Time zone <input type="text" value={filters.tz} size={18} onChange={(e) => onChange({ tz: e.target.value }, { replace: true })} />
      </label>
      <label>
        Channel
        <select value={filters.channel ?? ''} onChange={(e) => onChange({ channel: e.target.value || undefined })}>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {c || 'all'}
            </option>
          ))}
        </select>
      </label>
      <label>
        Category <input type="text" value={filters.category ?? ''} placeholder="all" size={14} onChange={(e) => onChange({ category: e.target.value || undefined }, { replace: true })} />
      </label>
    </form>
  );
}
