// The top bar's bell: how many alerts are unread, and a panel with the newest of them, "Mark all
// read", and the way to the Alerts page (every alert, and the rules).
import { useShallow } from 'zustand/react/shallow';
import { formatCount } from '../../../../src-shared/format';
import { Popover } from '../../components/popover';
import { routeHref } from '../../lib/hash-router';
import { useAlertsStore } from '../../stores/alerts-store';
import { AlertList, AlertsExplainer } from './alert-list';
import './alerts.css';

/** Rows in the panel; the page lists the rest. */
const PANEL_ROWS = 8;

function BellIcon() {
  return (
    <svg width="15" height="15" viewBox="0 0 16 16" aria-hidden>
      <path
        fill="currentColor"
        d="M8 1.5a4.5 4.5 0 0 0-4.5 4.5v2.6L2.2 10.9A.75.75 0 0 0 2.85 12h10.3a.75.75 0 0 0 .65-1.1L12.5 8.6V6A4.5 4.5 0 0 0 8 1.5ZM6.2 13.2a1.9 1.9 0 0 0 3.6 0Z"
      />
    </svg>
  );
}

export function AlertsBell() {
  const { alerts, unread } = useAlertsStore(useShallow((s) => ({ alerts: s.alerts, unread: s.unread })));
  const page = routeHref({ page: 'alerts', experiment: null });
  const count = unread > 99 ? '99+' : formatCount(unread);

  return (
    <Popover
      trigger={
        <>
          <BellIcon />
          {unread > 0 && (
            <span className="alerts-bell__count num" data-testid="alerts-unread">
              {count}
            </span>
          )}
        </>
      }
      caret={false}
      triggerClassName={`quiet alerts-bell${unread > 0 ? ' has-unread' : ''}`}
      triggerLabel={unread > 0 ? `Alerts: ${formatCount(unread)} unread` : 'Alerts'}
      triggerTitle={unread > 0 ? `${formatCount(unread)} unread ${unread === 1 ? 'alert' : 'alerts'}` : 'Alerts'}
      label="Alerts"
      testId="alerts-panel"
      align="end"
    >
      {(close) => (
        <div className="alerts-panel">
          <div className="popover__heading">
            <span>Alerts{unread > 0 ? ` · ${formatCount(unread)} unread` : ''}</span>
            <button type="button" className="quiet alerts-panel__mark" disabled={unread === 0} onClick={() => void useAlertsStore.getState().markRead()} data-testid="alerts-mark-all">
              Mark all read
            </button>
          </div>
          {alerts.length === 0 ? (
            <AlertsExplainer rulesHref={page} />
          ) : (
            <div className="popover__list">
              <AlertList alerts={alerts.slice(0, PANEL_ROWS)} onOpened={close} />
            </div>
          )}
          <a className="alerts-panel__more" href={page} onClick={close} data-testid="alerts-page-link">
            {alerts.length > PANEL_ROWS ? `All ${formatCount(alerts.length)} alerts and the rules` : 'Alerts and rules'} →
          </a>
        </div>
      )}
    </Popover>
  );
}
