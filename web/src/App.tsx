import { useQueryClient } from '@tanstack/react-query';
import { Suspense, lazy, useState } from 'react';
import { ApiError } from './api/client';
import { useMeQuery } from './api/useMeQuery';
import { SignIn } from './auth/SignIn';
import { clearToken, getToken, setToken } from './auth/token-store';
import { PAGE_PATHS, Page, pageHref } from './lib/url-state';
import { useUrlState } from './state/useUrlState';

// Pages load on demand, so the first screen does not pay for the others.
const OverviewPage = lazy(() => import('./pages/OverviewPage'));
const TicketsPage = lazy(() => import('./pages/TicketsPage'));
const QualityPage = lazy(() => import('./pages/QualityPage'));
const SegmentsPage = lazy(() => import('./pages/SegmentsPage'));
const SavingsPage = lazy(() => import('./pages/SavingsPage'));
const SettingsPage = lazy(() => import('./pages/SettingsPage'));
const ReportPage = lazy(() => import('./pages/ReportPage'));
const ClaimsPage = lazy(() => import('./pages/ClaimsPage'));
const TITLES: Record<Page, string> = { overview: 'Overview', savings: 'Savings audit', quality: 'Quality', segments: 'Segments', tickets: 'Tickets', claims: 'Claims', report: 'Board pack', settings: 'Settings' };

export function App() {
  const [token, setTokenState] = useState(getToken());
  const client = useQueryClient();
  const me = useMeQuery(token !== null);
  const { page, filters, compare, navigate } = useUrlState();
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
  return (
    <>
      <header className="topbar no-print">
        <strong>Claimcheck</strong>
        <nav aria-label="Pages">
          {(Object.keys(PAGE_PATHS) as Page[]).map((p) => (
            <a key={p} href={pageHref(p, filters, compare)} aria-current={page === p ? 'page' : undefined} onClick={(e) => (e.preventDefault(), navigate(pageHref(p, filters, compare)))}>
              {TITLES[p]}
            </a>
          ))}
        </nav>
        <span className="spacer" />
        {me.data && (
          <span className="muted">
            {me.data.name} ({me.data.role})
          </span>
        )}
        <button type="button" onClick={signOut}>
          Sign out
        </button>
      </header>
      <Suspense fallback={<div className="state" role="status">Loading…</div>}>
        {page === 'tickets' ? <TicketsPage /> : page === 'quality' ? <QualityPage /> : page === 'segments' ? <SegmentsPage /> : page === 'savings' ? <SavingsPage /> : page === 'settings' ? <SettingsPage /> : page === 'report' ? <ReportPage /> : page === 'claims' ? <ClaimsPage /> : <OverviewPage />}
      </Suspense>
    </>
  );
}
