import { useEffect, useState } from 'react';
import { useBreakdownQuery } from '../api/useBreakdownQuery';
import { PRESETS, Preset, ViewFilters, completeDate, isTimeZone, notAZone, presetOf, presetRange, rangeNote, reversedRange, todayIn } from '../lib/date-range';
import { absentNote, filterOptions, matchOptions, toggleValue } from '../lib/filter-options';
import { useUrlState } from '../state/useUrlState';
import { quotedIfNeeded, splitFilterValues } from '../../../server/src/contract/filter-list';

/** The IANA zone names this browser knows, offered while typing (any of them is accepted). */
const TZ_NAMES: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')] : ['UTC'];

/** `replace` for text typed key by key: one history entry for the whole word, not one per key. */
export function RangeControls({ filters, onChange, withCompare = false }: { filters: ViewFilters; onChange: (f: Partial<ViewFilters>, options?: { replace?: boolean }) => void; withCompare?: boolean }) {
  const { compare, setParams, search } = useUrlState();
  const note = rangeNote(search, filters);
  // The zone box keeps what is typed; the view follows once it names a zone. A name that is none
  // (on Enter or leaving the box) is said at the box and the view stays where it was: committed,
  // every chart of the page would fail on it.
  const [tz, setTz] = useState(filters.tz);
  const [tzTried, setTzTried] = useState<string | null>(null);
  useEffect(() => setTz(filters.tz), [filters.tz]);
  const commitTz = (value: string) => {
    const v = value.trim();
    if (!v) return;
    if (!isTimeZone(v)) return setTzTried(v);
    setTzTried(null);
    if (v !== filters.tz) onChange({ tz: v }, { replace: true });
  };
  // The date boxes keep what is typed; the view follows each complete date that leaves a range. One
  // that ends before it starts is said and not taken: moving the other end for it, the first key
  // of "11152026" typed into To (month 1: January) moved From back ten months for good.
  const [dates, setDates] = useState({ from: filters.from, to: filters.to });
  useEffect(() => setDates({ from: filters.from, to: filters.to }), [filters.from, filters.to]);
  const typeDate = (patch: { from?: string; to?: string }) => {
    const next = { ...dates, ...patch };
    setDates(next);
    if (completeDate(next.from) && completeDate(next.to) && next.from < next.to && (next.from !== filters.from || next.to !== filters.to)) onChange({ from: next.from, to: next.to });
  };
  const dateError = reversedRange(dates, filters);
  const today = todayIn(isTimeZone(filters.tz) ? filters.tz : 'UTC');
  // Not while a name is being typed. A URL's own bad zone is not taken (parseFilters): rangeNote says so.
  const badTz = tzTried;
  const tzError = badTz === null ? null : `${notAZone(badTz)}${tzTried && isTimeZone(filters.tz) ? ` (the view stays in ${filters.tz})` : ''}`;
  // The channels and categories the range has (whatever the data calls them), most tickets first.
  const range = { from: filters.from, to: filters.to, tz: filters.tz, limit: '500', percentiles: 'false' as const };
  const channelQuery = useBreakdownQuery({ ...range, by: 'channel' });
  const categoryQuery = useBreakdownQuery({ ...range, by: 'category' });
  const channels = filterOptions(channelQuery.data, filters.channel);
  const categories = filterOptions(categoryQuery.data, filters.category);
  // Only on this range's own complete answer: the previous range's (kept while loading) or one a
  // load is behind on could say a value is missing when it is not.
  const settled = (q: typeof channelQuery) => (q.isPlaceholderData || !q.data?.freshness.complete ? undefined : q.data);
  const absent = [absentNote('channel', settled(channelQuery), filters.channel), absentNote('category', settled(categoryQuery), filters.category)].filter((x): x is string => x !== null);
  const preset = presetOf(filters, today);
  return (
    <form className="controls" onSubmit={(e) => (e.preventDefault(), commitTz(tz))} aria-label="Date range and filters">
      <label>
        Period
        <select aria-label="Period" value={preset} onChange={(e) => e.target.value !== 'custom' && onChange(presetRange(e.target.value as Preset, today))}>
          {PRESETS.map((p) => (
            <option key={p.key} value={p.key}>
              {p.label}
            </option>
          ))}
          <option value="custom">Custom</option>
        </select>
      </label>
      <label>
        From{' '}
        <input type="date" value={dates.from} aria-invalid={dateError !== null} aria-describedby={dateError ? 'err-dates' : undefined} onChange={(e) => typeDate({ from: e.target.value })} />
      </label>
      <label>
        To (exclusive){' '}
        <input type="date" value={dates.to} aria-invalid={dateError !== null} aria-describedby={dateError ? 'err-dates' : undefined} onChange={(e) => typeDate({ to: e.target.value })} />
      </label>
      {dateError && (
        <span id="err-dates" className="field-error" role="alert">
          {dateError}
        </span>
      )}
      <label>
        Time zone{' '}
        <input
          type="text"
          value={tz}
          size={18}
          list="tz-names"
          aria-invalid={tzError !== null}
          aria-describedby={tzError ? 'err-tz' : undefined}
          onChange={(e) => {
            setTz(e.target.value);
            if (isTimeZone(e.target.value)) commitTz(e.target.value);
          }}
          onBlur={() => commitTz(tz)}
          // Enter commits too: with several fields and no submit button, the form is not submitted by it.
          onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), commitTz(tz))}
        />
        {tzError && (
          <span id="err-tz" className="field-error" role="alert">
            {tzError}
          </span>
        )}
      </label>
      <datalist id="tz-names">
        {TZ_NAMES.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <FilterSelect label="Channel" value={filters.channel} values={channels} onChange={(channel) => onChange({ channel })} />
      <FilterSelect label="Category" value={filters.category} values={categories} onChange={(category) => onChange({ category })} />
      {withCompare && (
        <label>
          Compare with
          <select aria-label="Compare with" value={compare} onChange={(e) => setParams({ compare: e.target.value === 'previous' ? undefined : e.target.value })}>
            <option value="previous">previous period</option>
            <option value="year">same dates a year earlier</option>
            <option value="none">nothing</option>
          </select>
        </label>
      )}
      {note && (
        <p className="behind" role="status">
          {note}
        </p>
      )}
      {absent.map((a) => (
        <p key={a} className="behind" role="status">
          {a}
        </p>
      ))}
    </form>
  );
}

/** One filter: "all", or any of the values the data has, found by a case-insensitive search. */
function FilterSelect({ label, value, values, onChange }: { label: string; value: string | undefined; values: string[]; onChange: (v: string | undefined) => void }) {
  const [query, setQuery] = useState('');
  const selected = splitFilterValues(value ?? '');
  const shown = matchOptions(values, query);
  // Quoted where a comma or a space at an end would blur where one value ends ("Billing, payments", " spaced ").
  const chosen = selected.length ? selected.map(quotedIfNeeded).join(', ') : 'all';
  return (
    <div className="filter-picker">
      <span className="filter-label">{label}</span>
      <details
        // A menu closes on Escape and when the focus leaves it, like a select's list.
        // (and the focus goes back to the filter, not to the page's start).
        onKeyDown={(e) => {
          if (e.key !== 'Escape' || !e.currentTarget.open) return;
          e.currentTarget.open = false;
          e.currentTarget.querySelector('summary')?.focus();
        }}
        onBlur={(e) => !e.currentTarget.contains(e.relatedTarget as Node | null) && (e.currentTarget.open = false)}
      >
        <summary aria-label={`${label}: ${chosen}`}>{chosen}</summary>
        <div className="filter-menu" role="group" aria-label={`${label} values`}>
          <input type="search" aria-label={`Search ${label.toLowerCase()} values`} placeholder="Search…" value={query} onChange={(e) => setQuery(e.target.value)} />
          <button type="button" className="link" onClick={() => onChange(undefined)} disabled={selected.length === 0}>
            All
          </button>
          {shown.length === 0 && <p className="muted">No {label.toLowerCase()} matches “{query}”.</p>}
          {shown.map((v) => (
            <label key={v}>
              <input type="checkbox" checked={selected.includes(v)} onChange={() => onChange(toggleValue(value, v))} /> {quotedIfNeeded(v)}
            </label>
          ))}
        </div>
      </details>
    </div>
  );
}
