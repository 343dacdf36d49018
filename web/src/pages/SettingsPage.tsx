import { useState } from 'react';
import type { TokenRole } from '../../../server/src/contract';
import { useMeQuery } from '../api/useMeQuery';
import { useWorkspacesQuery } from '../api/useWorkspacesQuery';
import { currentWorkspace, workspaceLink } from '../api/workspace-scope';
import { WorkspaceSettings } from '../components/WorkspaceSettings';
import { PAGE_PATHS } from '../lib/url-state';
import { useUrlState } from '../state/useUrlState';
import { useCreateToken, useRevokeToken, useStatusQuery, useTokensQuery } from '../api/useSettingsQueries';
import { QueryBoundary } from '../components/QueryBoundary';
import { formatCount } from '../lib/format';
import { formatInstant } from '../lib/date-range';

/** Data status and the workspace for everyone; access tokens for admins (the cost model is on the savings audit). */
export default function SettingsPage() {
  const status = useStatusQuery();
  const me = useMeQuery(true).data;
  const isAdmin = me?.role === 'admin';
  const workspace = useWorkspacesQuery(true).data?.find((w) => w.slug === currentWorkspace());
  const { navigate, filters } = useUrlState();
  // Times in the view's zone (?tz=, else the workspace's reporting zone or the browser's), named.
  const at = (iso: string) => formatInstant(iso, filters.tz);
  const tokens = useTokensQuery(isAdmin);
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [name, setName] = useState('');
  const [role, setRole] = useState<TokenRole>('viewer');
  return (
    <main>
      <h1 className="page-title">Settings</h1>
      <section className="card" aria-label="Data status">
        <h2>Data status</h2>
        <QueryBoundary query={status}>
          {(s) => (
            <dl className="facts">
              <dt>Events stored</dt>
              <dd data-testid="status-events">{formatCount(s.events)}</dd>
              <dt>Tickets</dt>
              <dd>{formatCount(s.tickets)}</dd>
              <dt>Waiting for their ticket.created</dt>
              <dd>{formatCount(s.incompleteTickets)}</dd>
              <dt>Latest event ({filters.tz})</dt>
              <dd data-testid="status-latest">{s.lastEventAt ? at(s.lastEventAt) : '—'}</dd>
            </dl>
          )}
        </QueryBoundary>
      </section>
      {workspace && (
        <WorkspaceSettings
          key={workspace.slug}
          workspace={workspace}
          isAdmin={isAdmin}
          isInstanceAdmin={isAdmin && me?.workspace === null}
          onOpen={(slug) => navigate(`${PAGE_PATHS.settings}?ws=${encodeURIComponent(slug)}`)}
        />
      )}
      <section className="card" aria-label="Cost model">
        <h2>Cost model</h2>
        <p>
          The cost assumptions, their what-if controls and their change history are on the <a href={workspaceLink(PAGE_PATHS.savings)} onClick={(e) => (e.preventDefault(), navigate(PAGE_PATHS.savings))}>savings audit</a>
          {isAdmin ? ', where you can save new values.' : '; an admin can save new values there.'}
        </p>
      </section>
      {isAdmin && (
        <section className="card" aria-label="Access tokens">
          <h2>Access tokens</h2>
          <p className="muted">Tokens made here belong to {workspace ? `the ${workspace.name} workspace` : 'this workspace'}: they see and change nothing of any other.</p>
          <form
            className="controls"
            onSubmit={(e) => {
              e.preventDefault();
              if (name.trim()) create.mutate({ name: name.trim(), role });
            }}
          >
            <label>
              {/* The browser says what is missing on submit (an empty name used to do nothing). */}
              Name <input value={name} onChange={(e) => setName(e.target.value)} required pattern=".*\S.*" title="Who or what uses the token, e.g. zendesk sync" placeholder="e.g. zendesk sync" />
            </label>
            <label>
              Role
              <select value={role} onChange={(e) => setRole(e.target.value as TokenRole)}>
                <option value="ingest">ingest (post events)</option>
                <option value="viewer">viewer (read)</option>
                <option value="admin">admin (everything)</option>
              </select>
            </label>
            <button type="submit" disabled={create.isPending}>
              Create token
            </button>
          </form>
          {create.data && (
            <p role="status">
              New token for {create.data.name} — copy it now, it is not shown again: <code data-testid="new-token">{create.data.token}</code>
            </p>
          )}
          {create.isError && <p role="alert" className="state-error">{create.error.message}</p>}
          <QueryBoundary query={tokens} isEmpty={(t) => t.length === 0} empty="No tokens yet (the admin token of the environment is not listed).">
            {(list) => (
              <table className="table" aria-label="Tokens">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Role</th>
                    <th scope="col">Created ({filters.tz})</th>
                    <th scope="col">Last used</th>
                    <th scope="col">State</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((t) => (
                    <tr key={t.id}>
                      <td>{t.name}</td>
                      <td>{t.role}</td>
                      <td>{at(t.createdAt)}</td>
                      <td>{t.lastUsedAt ? at(t.lastUsedAt) : 'never'}</td>
                      <td>
                        {t.revokedAt ? (
                          'revoked'
                        ) : (
                          <button type="button" onClick={() => revoke.mutate(t.id)}>
                            Revoke {t.name}
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </QueryBoundary>
        </section>
      )}
    </main>
  );
}
