import type { WorkspaceInfo } from '../../../server/src/contract';

interface Props {
  /** The page asked for ("Quality"): its title stays, so the reader knows where the data will show. */
  page: string;
  workspace: WorkspaceInfo;
  others: readonly WorkspaceInfo[];
  onOpen: (slug: string) => void;
  /** Opens this workspace's settings (its tokens). */
  onSettings: () => void;
  /** Opens a page that works before any data: the savings audit (its cost model) or claims. */
  onPage: (page: 'savings' | 'claims') => void;
}

/** A workspace with no tickets yet: how to send or import them, and where data already is. */
export function WorkspaceEmpty({ page, workspace, others, onOpen, onSettings, onPage }: Props) {
  const base = workspace.slug === 'default' ? '/api/v1' : `/api/v1/workspaces/${workspace.slug}`;
  const withData = others.filter((w) => w.hasData && w.slug !== workspace.slug);
  return (
    <main className="page workspace-empty">
      <h1 className="page-title">{page}</h1>
      <p className="state" role="status">
        <strong>{workspace.name}: no tickets yet.</strong>
      </p>
      <p>This workspace has no data yet; this page fills in as soon as tickets arrive, in either of two ways (docs/WORKSPACES.md):</p>
      <h2>Send events from your helpdesk</h2>
      <pre>
        {`curl -X POST "$CLAIMCHECK_URL${base}/events" \\
  -H "Authorization: Bearer $INGEST_TOKEN" \\
  -H "Content-Type: application/x-ndjson" --data-binary @events.ndjson`}
      </pre>
      <p className="muted">
        $CLAIMCHECK_URL: this dashboard's address; $INGEST_TOKEN: an ingest token of this workspace (
        <button type="button" className="link" onClick={onSettings}>
          Settings, Access tokens
        </button>
        ). One event a line, as in docs/CONTRACT.md:
      </p>
      <pre>{`{"id":"e1","type":"ticket.created","ticketId":"T-1","occurredAt":"2026-11-20T09:00:00Z","channel":"chat","category":"billing","customerId":"C-9"}
{"id":"e2","type":"ticket.resolved","ticketId":"T-1","occurredAt":"2026-11-20T09:02:10Z","agentType":"ai","handleSeconds":118}`}</pre>
      <h2>Import an export</h2>
      <pre>{`npm run import -- export.csv --mapping mapping.json --workspace ${workspace.slug}`}</pre>
      <p>
        or <code>POST {base}/imports</code> with the file (docs/IMPORT.md has the mappings and presets).
      </p>
      <h2>Before the data arrives</h2>
      <p>
        Set what a human hour and the AI cost (
        <button type="button" className="link" onClick={() => onPage('savings')}>
          Savings audit, cost assumptions
        </button>
        ) and enter the vendor&apos;s or the deck&apos;s claim to check (
        <button type="button" className="link" onClick={() => onPage('claims')}>
          Claims
        </button>
        ): both are checked against the tickets as they come.
      </p>
      {withData.length > 0 && (
        <p>
          Data is in{' '}
          {withData.map((w, i) => (
            <span key={w.slug}>
              {i > 0 && ', '}
              <button type="button" className="link" onClick={() => onOpen(w.slug)}>
                {w.name}
              </button>
            </span>
          ))}
          .
        </p>
      )}
    </main>
  );
}
