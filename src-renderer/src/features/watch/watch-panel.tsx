import { useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ErrorBanner } from '../../components/error-banner';
import { formatCount } from '../../../../src-shared/format';
import { useSourcesStore } from '../../stores/sources-store';
import type { WatchRoot } from '../../../../src-shared/domain';
import './watch-panel.css';

/** Watched folders: add one by path, see each one's last problem, remove it. */
export function WatchPanel() {
  const { roots, loaded, busy, error, lastReport, add, remove, dismissError } = useSourcesStore(
    useShallow((s) => ({
      roots: s.roots,
      loaded: s.loaded,
      busy: s.busy,
      error: s.error,
      lastReport: s.lastReport,
      add: s.add,
      remove: s.remove,
      dismissError: s.dismissError,
    })),
  );
  const [path, setPath] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = path.trim();
    if (trimmed && (await add(trimmed))) setPath('');
  };

  return (
    <section className="watch-panel" data-testid="watch-panel">
      <h2 className="section-title">Watched folders</h2>
      <p className="muted watch-panel__help">
        Runlens reads run folders (<code>run.json</code> + <code>metrics.jsonl</code>) under these folders and follows
        them as they grow.
      </p>
      <form className="watch-panel__form" onSubmit={submit}>
        <input
          type="text"
          className="mono"
          placeholder="/path/to/runs"
          value={path}
          onChange={(e) => setPath(e.target.value)}
          aria-label="Folder path to watch"
          data-testid="watch-path-input"
          spellCheck={false}
        />
        <button type="submit" disabled={busy || !path.trim()} data-testid="watch-add">
          Watch
        </button>
      </form>
      {error && <ErrorBanner message={error} onDismiss={dismissError} />}
      {lastReport && (
        <p className="muted watch-panel__report" data-testid="ingest-report">
          Found {formatCount(lastReport.runs)} runs, {formatCount(lastReport.points)} points
          {lastReport.problems.length > 0 && `, ${lastReport.problems.length} problems`}.
        </p>
      )}
      {loaded && roots.every((r) => r.spool) && <p className="muted">No folder of yours is watched yet.</p>}
      <ul className="watch-panel__list" data-testid="watch-roots">
        {roots.map((root) => (
          <li key={root.path} data-testid="watch-root">
            <div className="watch-panel__root">
              <span className="mono watch-panel__path" title={root.path}>
                {/* The box is right-to-left so a long path loses its start, not its folder name;
                    the marks keep the path's own slashes in left-to-right order. */}
                {`\u200e${root.path}\u200e`}
              </span>
              {root.spool ? (
                <span className="muted watch-panel__spool" data-testid="watch-root-spool" title="Always watched: cannot be removed">
                  Python client spool
                </span>
              ) : (
                <button type="button" className="quiet" onClick={() => void remove(root.path)} disabled={busy} title="Stop watching">
                  Remove
                </button>
              )}
            </div>
            {root.spool && (
              <p className="muted watch-panel__spool-help">
                Where <code>import runlens</code> writes runs while Runlens is not running; they appear here when it starts.
              </p>
            )}
            <RootProblems root={root} />
          </li>
        ))}
      </ul>
    </section>
  );
}

const SHOWN_PROBLEMS = 5;

/** The files under a watched folder that could not be read fully, newest first. */
function RootProblems({ root }: { root: WatchRoot }) {
  const [all, setAll] = useState(false);
  if (root.problems.length === 0) return null;
  const shown = all ? root.problems : root.problems.slice(0, SHOWN_PROBLEMS);
  const relative = (file: string) => (file.startsWith(root.path) ? file.slice(root.path.length).replace(/^[\\/]/, '') || '.' : file);
  return (
    <div className="watch-panel__problems" data-testid="watch-root-problems">
      <div className="watch-panel__problem-count">
        {root.problems.length} {root.problems.length === 1 ? 'file has a problem' : 'files have problems'}
      </div>
      <ul>
        {shown.map((p) => (
          <li key={p.file} className="watch-panel__problem" data-testid="watch-root-problem">
            <span className="mono">{relative(p.file)}</span> — {p.message}
          </li>
        ))}
      </ul>
      {root.problems.length > SHOWN_PROBLEMS && (
        <button type="button" className="quiet" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${root.problems.length}`}
        </button>
      )}
    </div>
  );
}
