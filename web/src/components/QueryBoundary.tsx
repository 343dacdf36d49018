// The one place that renders loading, error and empty states for a query.
import type { UseQueryResult } from '@tanstack/react-query';
import { ReactNode, useEffect } from 'react';
import { ApiError } from '../api/client';
import type { Freshness } from '../../../server/src/contract';
import { behindNote } from '../lib/freshness';

interface Props<T> {
  query: UseQueryResult<T>;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
  /** A way out of a 4xx (which no retry changes), e.g. the ticket list's first page for a stale cursor. */
  recover?: { label: string; onClick: () => void };
}

/** Seconds between automatic tries while the server cannot be reached or answers 5xx/503. */
export const RETRY_SECONDS = 10;

/** An error a later try can fix: no answer at all (server down) or a 5xx (database outage: 503). */
const passing = (e: unknown) => !(e instanceof ApiError) || e.status >= 500;

export function QueryBoundary<T>({ query, isEmpty, empty, children, recover }: Props<T>) {
  // After an outage the view came back only on "Try again": it now tries by itself meanwhile.
  const retrying = query.isError && passing(query.error);
  const { refetch } = query;
  useEffect(() => {
    if (!retrying) return;
    const t = setInterval(() => void refetch(), RETRY_SECONDS * 1000);
    return () => clearInterval(t);
  }, [retrying, refetch]);
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
        <strong>Could not load this view.</strong> {query.error.message}
        {retrying ? ` Trying again every ${RETRY_SECONDS} s.` : ''}{' '}
        {/* A 4xx names what is wrong in the request: the same request again cannot help. */}
        {retrying || !recover ? (
          <button type="button" onClick={() => void query.refetch()}>
            Try again
          </button>
        ) : (
          <button type="button" onClick={recover.onClick}>
            {recover.label}
          </button>
        )}
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
  // Still the previous range's answer while the new one loads (keepPreviousData): said, and
  // dimmed, so old figures never read as the new period's.
  return (
    <div aria-busy={query.isFetching} className={query.isPlaceholderData ? 'placeholder' : undefined}>
      {query.isPlaceholderData && (
        <p className="updating" role="status">
          Updating: these figures are the previous selection's until the new ones arrive…
        </p>
      )}
      {note}
      {children(query.data)}
    </div>
  );
}
