import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from './api/client';
import { useMeQuery } from './api/useMeQuery';
import { SignIn } from './auth/SignIn';
import { clearToken, getToken, setToken } from './auth/token-store';
import { OverviewPage } from './pages/OverviewPage';

export function App() {
  const [token, setTokenState] = useState(getToken());
  const client = useQueryClient();
  const me = useMeQuery(token !== null);
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
      <header className="topbar">
        <strong>Claimcheck</strong>
        <span className="muted">claimed vs verified AI support savings</span>
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
      <OverviewPage />
    </>
  );
}
