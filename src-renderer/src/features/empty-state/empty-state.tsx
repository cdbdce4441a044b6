import { useShallow } from 'zustand/react/shallow';
import { authToken, transportKind } from '../../api/client';
import { Spinner } from '../../components/skeleton';
import { useSourcesStore } from '../../stores/sources-store';
import { WatchPanel } from '../watch/watch-panel';
import { CurlSnippet } from './curl-snippet';
import './empty-state.css';

/** No run exists yet: the three ways to get one, side by side. */
export function EmptyState() {
  const { busy, loadSamples } = useSourcesStore(useShallow((s) => ({ busy: s.busy, loadSamples: s.loadSamples })));
  return (
    <div className="empty-state" data-testid="empty-state">
      <div className="empty-state__intro">
        <h1>No runs yet</h1>
        <p className="muted">
          Runlens shows every run in one place, however it was logged. Start with the samples, log a run from a
          script, or point it at a folder your training code writes to.
        </p>
      </div>
      <div className="empty-state__options">
        <section className="panel empty-state__card">
          <h2 className="section-title">Try it</h2>
          <p className="muted">A handful of bundled runs with params, tags and metric curves.</p>
          <button type="button" className="primary" onClick={() => void loadSamples()} disabled={busy} data-testid="load-samples">
            {busy && <Spinner />}
            Load sample runs
          </button>
        </section>
        <section className="panel empty-state__card empty-state__card--wide">
          {transportKind === 'http' ? (
            <CurlSnippet origin={window.location.origin} token={authToken} />
          ) : (
            <>
              <h2 className="section-title">Log a run over HTTP</h2>
              <p className="muted">
                Start the server with <code>runlens serve</code>; it prints the address and token to log runs to.
              </p>
            </>
          )}
        </section>
        <section className="panel empty-state__card">
          <WatchPanel />
        </section>
      </div>
    </div>
  );
}
