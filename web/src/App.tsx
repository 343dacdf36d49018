import { useQueryClient } from '@tanstack/react-query';
import { Suspense, lazy, useEffect, useState } from 'react';
import { ApiError } from './api/client';
import { useMeQuery } from './api/useMeQuery';
import { useWorkspacesQuery } from './api/useWorkspacesQuery';
import { setCurrentWorkspace, workspaceLink } from './api/workspace-scope';
import { PageErrorBoundary } from './components/PageErrorBoundary';
import { WorkspaceEmpty } from './components/WorkspaceEmpty';
import { WorkspaceSwitcher } from './components/WorkspaceSwitcher';
import { chooseWorkspace } from './lib/workspace-choice';
import { SignIn } from './auth/SignIn';
import { clearToken, getToken, setToken } from './auth/token-store';
import { PAGE_PATHS, Page, pageHref, workspaceSwitchHref } from './lib/url-state';
import { useLowRated } from './state/useLowRated';
import { viewZone, useUrlState } from './state/useUrlState';
import { parseFilters } from './lib/date-range';

// Pages load on demand, so the first screen does not pay for the others.
const OverviewPage = lazy(() => import('./pages/OverviewPage'));
const TicketsPage = lazy(() => import('./pages/TicketsPage'));
const QualityPage = lazy(() => import('./pages/QualityPage'));
const SegmentsPage = lazy(() => import('./pages/SegmentsPage'));
const SavingsPage = lazy(() => import('./pages/SavingsPage'));
const SettingsPage = lazy(() => import('./pages/SettingsPage'));
const ReportPage = lazy(() => import('./pages/ReportPage'));
const ClaimsPage = lazy(() => import('./pages/ClaimsPage'));
/** Pages a workspace without tickets can use: its tokens, its cost model and its claims. */
const WORKS_EMPTY: readonly Page[] = ['settings', 'savings', 'claims'];
const TITLES: Record<Page, string> = { overview: 'Overview', savings: 'Savings audit', quality: 'Quality', segments: 'Segments', tickets: 'Tickets', claims: 'Claims', report: 'Board pack', settings: 'Settings' };

export function App() {
  const [token, setTokenState] = useState(getToken());
  const client = useQueryClient();
  const me = useMeQuery(token !== null);
  const workspaces = useWorkspacesQuery(token !== null && me.isSuccess);
  const { page, found, compare, navigate, setParams, workspace: urlWorkspace, search } = useUrlState();
  const lowRated = useLowRated().excluded;
  // The address names the workspace it shows (the demo, chosen while the default one is empty): a
  // copied link without it opened the default workspace once that had data.
  const chosen = me.data && workspaces.data ? chooseWorkspace(urlWorkspace, me.data.workspace, workspaces.data) : null;
  const known = chosen !== null && !!workspaces.data?.some((w) => w.slug === chosen);
  useEffect(() => {
    if (known && !urlWorkspace && chosen !== 'default') setParams({ ws: chosen }, { replace: true });
  }, [known, chosen, urlWorkspace, setParams]);
  // The tab and the history list say which page it is (they all said "Claimcheck"). The board
  // pack sets its own (a printed PDF keeps it as its title: lib/report.ts).
  useEffect(() => {
    if (page !== 'report') document.title = `${found ? TITLES[page] : 'Page not found'} · Claimcheck`;
  }, [page, found]);
  const signIn = (t: string) => {
    setToken(t);
    setTokenState(t);
    void client.resetQueries();
  };
  const signOut = () => {
    clearToken();
    setTokenState(null);
    client.clear();
  };

  const rejected = me.error instanceof ApiError && me.error.status === 401;
  if (token === null || rejected) return <SignIn onToken={signIn} problem={rejected ? 'That token was not accepted.' : undefined} />;
  if (!me.data || !workspaces.data) {
    const failed = me.error ?? workspaces.error;
    return failed ? (
      <div className="state state-error" role="alert">
        <strong>Could not reach Claimcheck.</strong> {(failed as Error).message}{' '}
        <button type="button" onClick={() => void (me.isError ? me.refetch() : workspaces.refetch())}>
          Try again
        </button>
      </div>
    ) : (
      <div className="state" role="status">
        Loading…
      </div>
    );
  }
  // Set before the pages render: their API paths and cache keys are the workspace's (api/workspace-scope.ts).
  const workspace = chooseWorkspace(urlWorkspace, me.data.workspace, workspaces.data);
  const info = workspaces.data.find((w) => w.slug === workspace);
  // A zone the workspace chose (or the instance set) is the view's default; UTC by default is no choice.
  setCurrentWorkspace(workspace, info && (info.ownTimeZone || info.timeZone !== 'UTC') ? info.timeZone : null);
  // Read after the workspace's zone is set: the links below carry the view's range in that zone.
  const filters = parseFilters(search, viewZone());
  return (
    <>
      <header className="topbar no-print">
        <strong>Claimcheck</strong>
        <nav aria-label="Pages">
          {(Object.keys(PAGE_PATHS) as Page[]).map((p) => (
            <a key={p} href={workspaceLink(pageHref(p, filters, compare, lowRated))} aria-current={found && page === p ? 'page' : undefined} onClick={(e) => (e.preventDefault(), navigate(pageHref(p, filters, compare, lowRated)))}>
              {TITLES[p]}
            </a>
          ))}
        </nav>
        <span className="spacer" />
        <WorkspaceSwitcher workspaces={workspaces.data} current={workspace} onChange={(slug) => navigate(workspaceSwitchHref(PAGE_PATHS[page], search, slug, viewZone()))} />
        {me.data && (
          <span className="muted">
            {me.data.name} ({me.data.role})
          </span>
        )}
        <button type="button" onClick={signOut}>
          Sign out
        </button>
      </header>
      {/* Keyed by workspace: a switch remounts the page, so no query shows the previous workspace's answer while the new one loads; and by page, so a page that failed leaves the others working. */}
      <PageErrorBoundary key={`${workspace} ${page}`}>
      <Suspense fallback={<div className="state" role="status">Loading…</div>}>
        {!found ? (
          <main>
            <h1 className="page-title">Page not found</h1>
            <p className="state" role="status">
              There is no page at this address.{' '}
              <a href={workspaceLink(pageHref('overview', filters, compare))} onClick={(e) => (e.preventDefault(), navigate(pageHref('overview', filters, compare)))}>
                Open the overview
              </a>{' '}
              or pick a page above.
            </p>
          </main>
        ) : !info ? (
          <div className="state state-error" role="alert">
            <strong>Workspace “{workspace}” not found.</strong> This token cannot see it, or it does not exist. Pick one above.
          </div>
        ) : !info.hasData && !WORKS_EMPTY.includes(page) ? (
          <WorkspaceEmpty page={TITLES[page]} workspace={info} others={workspaces.data} onOpen={(slug) => navigate(workspaceSwitchHref(PAGE_PATHS[page], search, slug, viewZone()))} onSettings={() => navigate(pageHref('settings', filters, compare))} onPage={(p) => navigate(pageHref(p, filters, compare))} />
        ) : page === 'tickets' ? <TicketsPage /> : page === 'quality' ? <QualityPage /> : page === 'segments' ? <SegmentsPage /> : page === 'savings' ? <SavingsPage /> : page === 'settings' ? <SettingsPage /> : page === 'report' ? <ReportPage /> : page === 'claims' ? <ClaimsPage /> : <OverviewPage />}
      </Suspense>
      </PageErrorBoundary>
    </>
  );
}
