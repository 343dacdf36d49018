// The one place that renders loading, error and empty states for a query.
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Freshness } from '../../../server/src/contract';
import { behindNote } from '../lib/freshness';

interface Props<T> {
  query: UseQueryResult<T>;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}

export function QueryBoundary<T>({ query, isEmpty, empty, children }: Props<T>) {
  if (query.isPending) {
    return (
      <div className="state" role="status" aria-live="polite">
        Loading…
      </div>
    );
  }
  if (query.isError) {
    return (
      <div className="state state-error" role="alert">
        <strong>Could not load this view.</strong> {query.error.message}{' '}
        <button type="button" onClick={() => void query.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  // empty={null}: an empty result shows nothing at all (e.g. no open alerts).
  if (isEmpty?.(query.data)) return empty === null ? null : <div className="state">{empty ?? 'Nothing in this range.'}</div>;
  // An answer that trails the ingest queue says so (it refreshes itself, see lib/freshness.ts).
  const behind = behindNote((query.data as { freshness?: Freshness } | null)?.freshness);
  return (
    <div aria-busy={query.isFetching}>
      {behind && (
        <p className="behind" role="status">
          {behind}
        </p>
      )}
      {children(query.data)}
    </div>
  );
}
