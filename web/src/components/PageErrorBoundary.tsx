import { Component, ReactNode } from 'react';

/**
 * What a page shows when it cannot be drawn: its code did not load (the server was stopped or
 * restarted with a new build; the page used to go blank, menu and all, and stay blank after the
 * server was back) or it failed while rendering. Keyed by page, so the menu and other pages still
 * work; a reload fetches the page's code again.
 */
export class PageErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const loading = /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(error.message);
    return (
      <div className="state state-error" role="alert">
        <strong>{loading ? 'This page could not be loaded.' : 'This page failed to draw.'}</strong>{' '}
        {loading ? 'The server may be restarting or was updated.' : error.message}{' '}
        <button type="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  }
}
