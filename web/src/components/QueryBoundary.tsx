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
  // An answer that trails the ingest queue says so (it refreshes itself, see lib/freshness.ts);
  // an empty one too, since during a first load "nothing here" may only mean "not yet".
  const behind = behindNote((query.data as { freshness?: Freshness } | null)?.freshness);
  const note = behind && (
    <p className="behind" role="status">
      {behind}
    </p>
  );
  // empty={null}: an empty result shows nothing at all (e.g. no open alerts).
  if (isEmpty?.(query.data)) {
    return (
      <>
        {note}
        {empty !== null && <div className="state">{empty ?? 'Nothing in this range.'}</div>}
      </>
    );
  }
  return (
    <div aria-busy={query.isFetching}>
      {note}
      {children(query.data)}
    </div>
  );
}
