import { useConnectionStore } from '../stores/connection-store';
import { useUiStore, type Theme } from '../stores/ui-store';
import type { Route } from '../lib/hash-router';
import { routeHref } from '../lib/hash-router';
import { AlertsBell } from '../features/alerts/alerts-bell';
import { SyncStatus } from '../features/sync/sync-status';
import './top-bar.css';

const CONNECTION_LABELS = { live: 'Live', connecting: 'Connecting…', reconnecting: 'Reconnecting…' } as const;

export function TopBar({ route, theme }: { route: Route; theme: Theme }) {
  const connection = useConnectionStore((s) => s.state);
  const setTheme = useUiStore((s) => s.setTheme);
  const next: Theme = theme === 'dark' ? 'light' : 'dark';

  return (
    <header className="top-bar">
      <a className="top-bar__brand" href={routeHref({ page: 'runs' })}>
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden>
          <circle cx="7" cy="7" r="5" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M10.5 10.5 L14 14" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        Runlens
      </a>
      <nav className="top-bar__nav">
        <a href={routeHref({ page: 'runs' })} aria-current={route.page === 'runs' ? 'page' : undefined} data-testid="nav-runs">
          Runs
        </a>
        <a
          href={routeHref({ page: 'datasets' })}
          aria-current={route.page === 'datasets' || route.page === 'dataset' ? 'page' : undefined}
          data-testid="nav-datasets"
        >
          Datasets
        </a>
        <a href={routeHref({ page: 'lineage', focus: null, q: '' })} aria-current={route.page === 'lineage' ? 'page' : undefined} data-testid="nav-lineage">
          Lineage
        </a>
        <a href={routeHref({ page: 'models', outcome: null })} aria-current={route.page === 'models' ? 'page' : undefined} data-testid="nav-models">
          Models
        </a>
        <a
          href={routeHref({ page: 'team', remote: null, experiment: null })}
          aria-current={route.page === 'team' ? 'page' : undefined}
          title="Team: the MLflow tracking servers runs are pushed to and pulled from"
          data-testid="nav-team"
        >
          Team
        </a>
        {route.page === 'run' && (
          <>
            <span className="top-bar__crumb" aria-hidden>
              /
            </span>
            <span className="top-bar__current mono">{route.runId.slice(0, 8)}</span>
          </>
        )}
        {route.page === 'compare' && (
          <>
            <span className="top-bar__crumb" aria-hidden>
              /
            </span>
            <span className="top-bar__current">Compare {route.view.runIds.length} runs</span>
          </>
        )}
        {route.page === 'dataset' && (
          <>
            <span className="top-bar__crumb" aria-hidden>
              /
            </span>
            <span className="top-bar__current top-bar__dataset" title={route.name}>
              {route.name}
            </span>
          </>
        )}
      </nav>
      <div className="top-bar__spacer" />
      <SyncStatus />
      <span className={`connection connection--${connection}`} data-testid="connection-indicator" data-state={connection}>
        <span className="connection__dot" aria-hidden />
        {CONNECTION_LABELS[connection]}
      </span>
      <a
        className="top-bar__icon"
        href={routeHref({ page: 'registries' })}
        aria-current={route.page === 'registries' ? 'page' : undefined}
        title="Registries: where models are promoted to"
        aria-label="Registries settings"
        data-testid="nav-registries"
      >
        <svg width="15" height="15" viewBox="0 0 16 16" aria-hidden>
          <path
            fill="currentColor"
            d="M8 0a1 1 0 0 1 1 1v1.1a6 6 0 0 1 1.9.8l.8-.8a1 1 0 1 1 1.4 1.4l-.8.8a6 6 0 0 1 .8 1.9H15a1 1 0 1 1 0 2h-1.1a6 6 0 0 1-.8 1.9l.8.8a1 1 0 1 1-1.4 1.4l-.8-.8a6 6 0 0 1-1.9.8V15a1 1 0 1 1-2 0v-1.1a6 6 0 0 1-1.9-.8l-.8.8a1 1 0 1 1-1.4-1.4l.8-.8a6 6 0 0 1-.8-1.9H1a1 1 0 1 1 0-2h1.1a6 6 0 0 1 .8-1.9l-.8-.8a1 1 0 1 1 1.4-1.4l.8.8A6 6 0 0 1 7 2.1V1a1 1 0 0 1 1-1Zm0 5a3 3 0 1 0 0 6 3 3 0 0 0 0-6Z"
          />
        </svg>
      </a>
      <button
        type="button"
        className="quiet"
        onClick={() => setTheme(next)}
        data-testid="theme-toggle"
        title={`Switch to ${next} theme`}
        aria-label={`Switch to ${next} theme`}
      >
        {theme === 'dark' ? '☀' : '☾'}
      </button>
      <AlertsBell />
    </header>
  );
}
