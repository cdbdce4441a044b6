// Alerts, newest first: what fired (a mark per kind), for which run (its name in its colour) and
// when. A row opens the run and marks the alert read; unread rows carry a dot.
import type { CSSProperties, ReactNode } from 'react';
import type { Alert, AlertKind } from '../../../../src-shared/alerts';
import { formatDateCompact, formatDateTimeSeconds } from '../../../../src-shared/format';
import { transportKind } from '../../api/client';
import { RunSwatch } from '../../components/run-swatch';
import { useRunColor } from '../../components/run-colors';
import { routeHref } from '../../lib/hash-router';
import { alertRoute, markOpened } from './open-alert';

/** Drawn, not a character: the pause sign is missing from common UI fonts. */
const PAUSE = (
  <svg width="8" height="8" viewBox="0 0 8 8" aria-hidden>
    <rect x="1" y="0.5" width="2" height="7" rx="0.5" fill="currentColor" />
    <rect x="5" y="0.5" width="2" height="7" rx="0.5" fill="currentColor" />
  </svg>
);

const KIND_MARKS: Record<AlertKind, { glyph: ReactNode; tone: string; label: string }> = {
  'run-finished': { glyph: '✓', tone: 'success', label: 'Run finished' },
  'run-failed': { glyph: '✕', tone: 'danger', label: 'Run failed' },
  'run-stalled': { glyph: PAUSE, tone: 'warning', label: 'Run stalled' },
  'non-finite': { glyph: '∅', tone: 'danger', label: 'NaN or Inf' },
  threshold: { glyph: '↗', tone: 'accent', label: 'Threshold crossed' },
};

export function AlertKindMark({ kind }: { kind: AlertKind }) {
  const mark = KIND_MARKS[kind];
  return (
    <span className={`alert-kind alert-kind--${mark.tone}`} title={mark.label} aria-label={mark.label} role="img">
      {mark.glyph}
    </span>
  );
}

function AlertRow({ alert, onOpened }: { alert: Alert; onOpened?: () => void }) {
  const colorOf = useRunColor();
  return (
    <li>
      <a
        className={`alert-row${alert.read ? '' : ' is-unread'}`}
        href={routeHref(alertRoute(alert))}
        onClick={() => {
          markOpened(alert);
          onOpened?.();
        }}
        data-testid="alert-row"
        data-alert-id={alert.id}
        data-kind={alert.kind}
        data-read={alert.read}
      >
        <AlertKindMark kind={alert.kind} />
        <span className="alert-row__body">
          <span className="alert-row__head">
            <RunSwatch runId={alert.runId} size={9} />
            <span className="alert-row__run" style={{ '--run': colorOf(alert.runId) } as CSSProperties} title={alert.runId}>
              {alert.runName || alert.runId.slice(0, 8)}
            </span>
            <span className="alert-row__experiment muted">{alert.experiment}</span>
            <time className="alert-row__time muted num" dateTime={new Date(alert.raisedAt).toISOString()} title={formatDateTimeSeconds(alert.raisedAt)}>
              {formatDateCompact(alert.raisedAt)}
            </time>
          </span>
          <span className="alert-row__message" data-testid="alert-message">
            {alert.message}
          </span>
        </span>
        {!alert.read && <span className="alert-row__dot" aria-label="unread" />}
      </a>
    </li>
  );
}

export function AlertList({ alerts, onOpened }: { alerts: readonly Alert[]; onOpened?: () => void }) {
  return (
    <ul className="alert-list" data-testid="alert-list">
      {alerts.map((alert) => (
        <AlertRow key={alert.id} alert={alert} onOpened={onOpened} />
      ))}
    </ul>
  );
}

/** What alerts are and where rules are set, for a list with nothing in it yet. */
export function AlertsExplainer({ rulesHref }: { rulesHref: string | null }) {
  return (
    <div className="alerts-explainer" data-testid="alerts-empty">
      <p>
        <strong>No alerts yet.</strong> Runlens watches what your runs log and raises an alert when a run finishes or fails, stalls, logs NaN or Inf to
        a loss, or when a metric crosses a threshold you set.
      </p>
      <p className="muted">
        {rulesHref ? (
          <>
            <a href={rulesHref}>Set up rules</a> per experiment
          </>
        ) : (
          'Add rules per experiment under Rules'
        )}
        ; {transportKind === 'ipc' ? 'the desktop app shows each alert as a notification.' : 'each alert also shows as a note in the corner of this window.'}
      </p>
    </div>
  );
}
