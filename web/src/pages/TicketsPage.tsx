import { Fragment, useState } from 'react';
import { useTicketsQuery } from '../api/useTicketsQuery';
import { QueryBoundary } from '../components/QueryBoundary';
import { ExportButtons } from '../components/ExportButtons';
import { RangeControls } from '../components/RangeControls';
import { TicketTimeline } from '../components/TicketTimeline';
import { describePredicates, predicatesFrom } from '../lib/drill-down';
import { formatCount, formatDuration } from '../lib/format';
import { useUrlState } from '../state/useUrlState';
import { formatInstant } from '../lib/date-range';
import { ticketPaging } from '../lib/ticket-paging';

const PAGE_SIZE = 50;

/** The tickets behind any number: the view's filters plus the number's predicates, from the URL. */
export default function TicketsPage() {
  const { filters, setFilters, search, params, setParams } = useUrlState();
  const predicates = predicatesFrom(search);
  // The page is in the URL (reload, a shared link and Back keep it); a change of filters starts at page one.
  const paging = ticketPaging(params);
  const [open, setOpen] = useState<string | null>(null);
  const q = useTicketsQuery({ ...filters, ...predicates, cursor: paging.cursor, limit: String(PAGE_SIZE) });
  return (
    <main>
      <h1 className="page-title">Tickets</h1>
      <RangeControls filters={filters} onChange={setFilters} />
      <p className="muted">
        {describePredicates(predicates) ? (
          <>
            Tickets {describePredicates(predicates)}.{' '}
            <button type="button" onClick={() => setParams({ ...Object.fromEntries(Object.keys(predicates).map((k) => [k, undefined])), cursor: undefined, page: undefined, back: undefined })}>
              Show all tickets in the range
            </button>
          </>
        ) : (
          'All tickets in the range'
        )}
      </p>
      <QueryBoundary query={q} isEmpty={(p) => p.total === 0} empty="No ticket matches." recover={{ label: 'First page', onClick: () => setParams({ cursor: undefined, page: undefined, back: undefined }) }}>
        {(p) => (
          <>
            <p>
              <strong data-testid="tickets-total">{formatCount(p.total)}</strong> tickets
              <ExportButtons name="tickets" csv={{ path: '/api/v1/tickets', params: { ...filters, ...predicates } }} />
            </p>
            {/* Fifty rows are fifty tab stops: a keyboard user can jump past them (shown when focused). */}
            <a className="sr-only-focusable" href="#ticket-pager" onClick={(e) => (e.preventDefault(), document.getElementById('ticket-pager')?.focus())}>
              Skip to the page controls
            </a>
            {/* Busy while another page's rows replace these (the previous ones stay shown meanwhile). */}
            <table className="table" aria-busy={q.isPlaceholderData}>
              <thead>
                <tr>
                  <th scope="col">Ticket</th>
                  <th scope="col">Created (view time zone)</th>
                  <th scope="col">Channel</th>
                  <th scope="col">Category</th>
                  <th scope="col">Path</th>
                  <th scope="col">Time to resolve</th>
                  <th scope="col">Handle</th>
                  <th scope="col">CSAT</th>
                  <th scope="col">Verified</th>
                </tr>
              </thead>
              <tbody>
                {p.items.map((t) => (
                  <Fragment key={t.id}>
                    <tr>
                      <td>
                        <button type="button" className="link" aria-expanded={open === t.id} onClick={() => setOpen(open === t.id ? null : t.id)}>
                          {t.id}
                        </button>
                      </td>
                      <td>{formatInstant(t.createdAt, filters.tz)}</td>
                      <td>{t.channel}</td>
                      <td>{t.category}</td>
                      <td>{t.path}</td>
                      <td>{t.resolved ? formatDuration(t.resolutionSeconds) : 'open'}</td>
                      <td>{t.resolved ? formatDuration(t.handleSeconds) : '—'}</td>
                      <td>{t.csat ?? '—'}</td>
                      {/* Only an AI resolution is verified or not; for other tickets the question does not arise. */}
                      <td>{t.path !== 'ai' || !t.resolved ? '—' : t.verified ? 'yes' : t.pending ? 'not judged yet' : 'no'}</td>
                    </tr>
                    {open === t.id && (
                      <tr>
                        <td colSpan={9}>
                          <TicketTimeline id={t.id} tz={filters.tz} />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                ))}
              </tbody>
            </table>
            <div className="pager" id="ticket-pager" tabIndex={-1} aria-label="Pages of the list" role="group">
              <button type="button" disabled={!paging.first} onClick={() => paging.first && setParams(paging.first)}>
                First page
              </button>
              <button type="button" disabled={!paging.previous} onClick={() => paging.previous && setParams(paging.previous)}>
                Previous
              </button>
              <span data-testid="tickets-page">
                Page {formatCount(paging.page)} of {formatCount(Math.max(1, Math.ceil(p.total / PAGE_SIZE)))}
              </span>
              <button type="button" disabled={!p.nextCursor} onClick={() => p.nextCursor && setParams(paging.next(p.nextCursor))}>
                Next
              </button>
            </div>
          </>
        )}
      </QueryBoundary>
    </main>
  );
}
