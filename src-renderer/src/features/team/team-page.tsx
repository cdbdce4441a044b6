// Team: the MLflow tracking servers ("remotes") runs are pushed to and pulled from. Remotes
// first (add, test, edit, delete), then a browser of the chosen one (the first, until one is
// picked), then the experiments followed on any of them.
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ErrorBanner } from '../../components/error-banner';
import { Skeleton } from '../../components/skeleton';
import { useRemoteBrowserStore } from '../../stores/remote-browser-store';
import { useRemotesStore } from '../../stores/remotes-store';
import { navigate } from '../../lib/hash-router';
import { FollowsTable } from './follows-table';
import { RemoteBrowser } from './remote-browser';
import { RemoteForm } from './remote-form';
import { RemotesTable } from './remotes-table';
import '../promotion/promotion.css';
import '../promotion/registries-page.css';
import './team.css';

/** Follows are polled by the core without telling anyone; their "last looked" is read again this often. */
const FOLLOWS_REFRESH_MS = 10_000;

function EmptyRemotes({ onAdd }: { onAdd: () => void }) {
  return (
    <div className="registries-empty panel team-empty" data-testid="remotes-empty">
      <h2>No remote yet</h2>
      <p className="muted">
        A remote is your team’s MLflow tracking server. Add it once, then <strong>push</strong> runs to it from the runs table (select runs, <kbd>p</kbd>), and
        <strong> pull</strong> teammates’ runs from it here to compare them with yours. Pulled runs stay read-only; followed experiments keep coming in by
        themselves.
      </p>
      <button type="button" className="primary" onClick={onAdd} data-testid="remote-add">
        Add a remote
      </button>
    </div>
  );
}

export function TeamPage({ remote, experiment }: { remote: string | null; experiment: string | null }) {
  const { status, remotes, error } = useRemotesStore(useShallow((s) => ({ status: s.status, remotes: s.remotes, error: s.error })));
  const follows = useRemoteBrowserStore((s) => s.follows);
  /** `null`: no form; `''`: adding; a name: editing it. */
  const [editing, setEditing] = useState<string | null>(null);

  useEffect(() => {
    void useRemotesStore.getState().load();
    const { loadFollows } = useRemoteBrowserStore.getState();
    void loadFollows();
    const timer = setInterval(() => void loadFollows(), FOLLOWS_REFRESH_MS);
    return () => clearInterval(timer);
  }, []);

  const existing = editing ? (remotes.find((r) => r.name === editing) ?? null) : null;
  const browsing = remotes.find((r) => r.name === remote)?.name ?? remotes[0]?.name ?? null;

  return (
    <div className="scroll-page team-page" data-testid="team-page">
      <header className="scroll-page__head">
        <div>
          <h1>Team</h1>
          <p className="muted">Push runs to the team’s MLflow tracking servers and pull teammates’ runs from them.</p>
        </div>
        {editing === null && remotes.length > 0 && (
          <button type="button" className="primary" onClick={() => setEditing('')} data-testid="remote-add">
            Add a remote
          </button>
        )}
      </header>
      {error && <ErrorBanner message={error} onRetry={() => void useRemotesStore.getState().load()} />}
      {editing !== null && (
        <RemoteForm
          // Keys unlike the browser's (a remote's name too): siblings with one key confuse React.
          key={`form:${editing}`}
          existing={existing}
          onDone={(saved) => {
            setEditing(null);
            // A new remote is what one wants to test and browse next.
            if (saved && !existing) {
              navigate({ page: 'team', remote: saved, experiment: null });
              void useRemotesStore.getState().test(saved);
            }
          }}
        />
      )}
      {status === 'loading' && remotes.length === 0 && <Skeleton rows={3} height={18} />}
      {status === 'ready' && remotes.length === 0 && editing === null && <EmptyRemotes onAdd={() => setEditing('')} />}
      {remotes.length > 0 && (
        <section className="team-section">
          <h2 className="section-title">Remotes</h2>
          <RemotesTable remotes={remotes} browsing={browsing} onEdit={setEditing} />
        </section>
      )}
      {browsing && <RemoteBrowser key={`browse:${browsing}`} remote={browsing} experimentId={browsing === remote ? experiment : null} />}
      {follows.length > 0 && (
        <section className="team-section">
          <h2 className="section-title">Followed experiments</h2>
          <FollowsTable follows={follows} />
        </section>
      )}
    </div>
  );
}
