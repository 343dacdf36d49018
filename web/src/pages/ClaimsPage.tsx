import { useState } from 'react';
import type { VendorClass, VendorUploadReport } from '../../../server/src/contract';
import { ExportButtons } from '../components/ExportButtons';
import { TicketTimeline } from '../components/TicketTimeline';
import { useClaimQuery, useClaimsQuery, useDeleteClaim, useSaveClaim, useUploadVendorExport, useVendorItemsQuery } from '../api/useClaimsQuery';
import { useMeQuery } from '../api/useMeQuery';
import { ClaimCheckTable } from '../components/ClaimCheckTable';
import { ClaimForm } from '../components/ClaimForm';
import { QueryBoundary } from '../components/QueryBoundary';
import { VendorReconciliationTable } from '../components/VendorReconciliationTable';
import { claimRows, VERDICT_LABELS, VERDICT_TONES } from '../lib/claim-rows';
import { draftOf, emptyDraft } from '../lib/claim-form';
import { addDays, filtersToSearch, formatInstant } from '../lib/date-range';
import { formatCount, formatMoney } from '../lib/format';
import { withParams } from '../lib/url-state';
import { useUrlState } from '../state/useUrlState';
import { useCostModelQuery } from '../api/useCostModelQuery';
import { joinFilterValues } from '../../../server/src/contract/filter-list';
import { claimCoverageNote } from '../lib/coverage';

const CLASSES: readonly string[] = ['durable', 'maturing', 'reopened', 'came_back', 'escalated', 'not_ai_resolved', 'unknown_id'];

const unknownIds = (r: VendorUploadReport) => r.reconciliation.classes.find((c) => c.class === 'unknown_id')?.count ?? 0;

/** Claims (a vendor's report, a board deck) checked figure by figure; the selection lives in the URL. */
export default function ClaimsPage() {
  const { filters, params, setParams, navigate } = useUrlState();
  const id = params.claim ?? null;
  const cls = CLASSES.includes(params.class ?? '') ? (params.class as VendorClass) : null;
  const editing = params.edit === 'new' ? 'new' : params.edit === 'true' && id ? 'edit' : null;
  const list = useClaimsQuery();
  const one = useClaimQuery(id);
  const items = useVendorItemsQuery(id, cls);
  const save = useSaveClaim();
  const remove = useDeleteClaim();
  const upload = useUploadVendorExport();
  const isAdmin = useMeQuery(true).data?.role === 'admin';
  const currency = useCostModelQuery().data?.currency ?? 'USD';
  const [open, setOpen] = useState<string | null>(null);
  // Imported tickets are `<source>:<id>` (docs/IMPORT.md); a vendor lists its own ids.
  const [ticketPrefix, setTicketPrefix] = useState('');
  return (
    <main>
      <h1 className="page-title">Claims</h1>
      <p className="muted">
        A vendor&apos;s report or a board deck, each stated figure checked against the events of its period: holds (within the interval), overstated, understated,
        not judged yet, or not comparable.{' '}
        {isAdmin && !editing && (
          <button type="button" onClick={() => setParams({ edit: 'new', claim: undefined, class: undefined })}>
            New claim
          </button>
        )}
      </p>
      {editing && (
        <ClaimForm
          key={editing === 'new' ? 'new' : `${id}-${one.data?.version}`}
          initial={editing === 'edit' && one.data ? draftOf(one.data) : emptyDraft(filters.from, filters.to, filters.tz)}
          currency={currency}
          busy={save.isPending}
          problem={save.isError ? save.error.message : null}
          onCancel={() => setParams({ edit: undefined })}
          onSave={(input) => save.mutate({ id: editing === 'edit' ? id! : undefined, input }, { onSuccess: (c) => setParams({ edit: undefined, claim: c.id }) })}
        />
      )}
      <QueryBoundary query={list} isEmpty={(l) => l.length === 0} empty="No claim yet. An admin enters one with New claim, or through POST /api/v1/claims (docs/CLAIMS.md).">
        {(l) => (
          <table className="table claims-list" aria-label="Claims">
            <thead>
              <tr>
                <th scope="col">Claim</th>
                <th scope="col">Period</th>
                <th scope="col">Verdict</th>
              </tr>
            </thead>
            <tbody>
              {l.map((c) => (
                <tr key={c.id} aria-selected={c.id === id}>
                  <th scope="row">
                    <button type="button" className="link" onClick={() => setParams({ claim: c.id, class: undefined, edit: undefined })}>
                      {c.title}
                    </button>
                    <div className="muted">{c.source.kind.replaceAll('_', ' ')}</div>
                  </th>
                  <td>
                    {c.from} – {addDays(c.to, -1)} ({c.tz}){c.channel ? `, ${c.channel}` : ''}
                    {c.category ? `, ${c.category}` : ''}
                  </td>
                  <td>
                    <span className={`verdict verdict-${VERDICT_TONES[c.verdict]}`}>{VERDICT_LABELS[c.verdict]}</span> <span className="muted">{c.sentence}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryBoundary>
      {id && !editing && (
        <QueryBoundary query={one}>
          {(c) => {
            // A claim's channel and category are one value each, a comma in them included.
            const scope = { from: c.from, to: c.to, tz: c.tz, channel: c.channel && joinFilterValues([c.channel]), category: c.category && joinFilterValues([c.category]) };
            return (
              <section className="card" aria-label="Claim check">
                <h2 className="claim-title">{c.title}</h2>
                <p className="muted">
                  {c.source.kind.replaceAll('_', ' ')}
                  {c.source.ref ? `: ${c.source.ref}` : ''} · {c.from} to {addDays(c.to, -1)} ({c.tz}) · version {c.version}, {formatInstant(c.updatedAt, c.tz)} by {c.updatedBy}
                </p>
                <p>
                  <span className={`verdict verdict-${VERDICT_TONES[c.check.verdict]}`}>{VERDICT_LABELS[c.check.verdict]}</span> {c.check.sentence}
                </p>
                {claimCoverageNote(c, c.check.coverage) && (
                  <p className="caveat" role="note" aria-label="Data coverage">
                    {claimCoverageNote(c, c.check.coverage)}
                  </p>
                )}
                <ClaimCheckTable rows={claimRows(c.check.figures, currency)} ticketsHref={(p) => `/tickets${withParams(filtersToSearch(scope), p)}`} navigate={navigate} />
                <p className="muted">
                  Priced with cost model v{c.check.assumptions.costModelVersion}: human time at {formatMoney(c.check.assumptions.humanHourlyCost, currency)} an hour,{' '}
                  {c.check.assumptions.fteHoursPerMonth} productive hours per agent a month; judged as of {formatInstant(c.check.asOf, c.tz)} ({c.tz}).
                </p>
                <h3>Vendor reconciliation</h3>
                {c.vendor ? (
                  <>
                    <p>{c.vendor.sentence}</p>
                    <VendorReconciliationTable r={c.vendor} currency={currency} selected={cls} onSelect={(k) => setParams({ class: k })} />
                  </>
                ) : (
                  <p className="muted">No vendor export yet: an admin uploads the vendor&apos;s per-conversation export (CSV) below.</p>
                )}
                {cls && (
                  <QueryBoundary query={items} isEmpty={(p) => p.total === 0} empty="No billed conversation in this class.">
                    {(p) => (
                      <>
                        <p>
                          <strong data-testid="vendor-total">{formatCount(p.total)}</strong> billed conversation{p.total === 1 ? '' : 's'}: {cls.replaceAll('_', ' ')}{' '}
                          <ExportButtons name={`vendor ${cls.replaceAll('_', ' ')}`} csv={{ path: `/api/v1/claims/${c.id}/vendor-export`, params: { class: cls } }} />
                        </p>
                        <table className="table" aria-label="Billed conversations">
                          <thead>
                            <tr>
                              <th scope="col">Conversation</th>
                              <th scope="col">Date</th>
                              <th scope="col">Type</th>
                              <th scope="col">Billed</th>
                              <th scope="col">Our ticket</th>
                            </tr>
                          </thead>
                          <tbody>
                            {p.items.map((x) => (
                              <tr key={x.conversationId}>
                                <td>{x.conversationId}</td>
                                <td>{x.date ?? '—'}</td>
                                <td>{x.resolutionType}</td>
                                <td className="num">{formatMoney(x.billedAmount, currency)}</td>
                                <td>
                                  {x.ticketId ? (
                                    <button type="button" className="link" aria-expanded={open === x.ticketId} onClick={() => setOpen(open === x.ticketId ? null : x.ticketId)}>
                                      {x.ticketId}
                                    </button>
                                  ) : (
                                    'not in our data'
                                  )}
                                  {open === x.ticketId && x.ticketId && <TicketTimeline id={x.ticketId} tz={filters.tz} />}
                                </td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                        {p.nextCursor && <p className="muted">The first {p.items.length}; the CSV has all {formatCount(p.total)}.</p>}
                      </>
                    )}
                  </QueryBoundary>
                )}
                {isAdmin && (
                  <p className="controls">
                    <label>
                      Format
                      <select id="vendor-preset" defaultValue="intercom-fin">
                        <option value="intercom-fin">Intercom Fin</option>
                        <option value="zendesk-ar">Zendesk automated resolutions</option>
                        <option value="generic">id, date, type, amount</option>
                      </select>
                    </label>
                    <label>
                      Ticket id prefix (imported tickets)
                      <input value={ticketPrefix} placeholder="e.g. zendesk:" size={12} onChange={(e) => setTicketPrefix(e.target.value)} />
                    </label>
                    <label>
                      Vendor export (CSV)
                      <input
                        type="file"
                        accept=".csv,text/csv"
                        onChange={(e) => {
                          const input = e.target;
                          const file = input.files?.[0];
                          // Emptied once read: the same file picked again (with a prefix added) uploads again.
                          if (file) void file.text().then((csv) => (upload.mutate({ id: c.id, csv, preset: (document.getElementById('vendor-preset') as HTMLSelectElement).value, ticketPrefix: ticketPrefix.trim() }), (input.value = '')));
                        }}
                      />
                    </label>
                    <button type="button" onClick={() => setParams({ edit: 'true' })}>
                      Edit
                    </button>
                    <button type="button" onClick={() => window.confirm(`Delete "${c.title}"? Its versions are kept.`) && remove.mutate(c.id, { onSuccess: () => setParams({ claim: undefined, class: undefined }) })}>
                      Delete
                    </button>
                  </p>
                )}
                {upload.isSuccess && upload.variables.id === c.id && (
                  <p role="status">
                    Export read: {formatCount(upload.data.accepted)} new, {formatCount(upload.data.alreadyThere)} already there
                    {upload.data.rematched > 0 ? ` (${formatCount(upload.data.rematched)} of them now matched to a ticket)` : ''}, {formatCount(upload.data.rejectedTotal)} refused
                    {upload.data.rejected.length > 0 ? ' (listed below).' : '.'}
                    {unknownIds(upload.data) > 0 &&
                      ` ${formatCount(unknownIds(upload.data))} of its ids ${unknownIds(upload.data) === 1 ? 'is' : 'are'} no ticket of ours: tickets imported from a file have ids like "zendesk:123" (docs/IMPORT.md); give that prefix above and upload the same file again (nothing is counted twice).`}
                  </p>
                )}
                {/* Every refused row the answer lists (it showed the first five and no word of the rest). */}
                {upload.isSuccess && upload.variables.id === c.id && upload.data.rejected.length > 0 && (
                  <ul className="refused-rows" aria-label="Refused rows">
                    {upload.data.rejected.map((r) => (
                      <li key={r.line}>
                        line {r.line}: {r.error}
                      </li>
                    ))}
                    {upload.data.rejectedTotal > upload.data.rejected.length && <li>and {formatCount(upload.data.rejectedTotal - upload.data.rejected.length)} more rows refused (not listed)</li>}
                  </ul>
                )}
                {upload.isError && upload.variables.id === c.id && <p role="alert" className="state-error">{upload.error.message}</p>}
              </section>
            );
          }}
        </QueryBoundary>
      )}
    </main>
  );
}
