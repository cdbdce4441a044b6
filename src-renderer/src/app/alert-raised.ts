// A rule fired: the bell counts it and, in serve mode, a toast says so. In the desktop app the
// shell shows an OS notification for the same alert, so a toast would say it twice.
import type { Alert } from '../../../src-shared/alerts';
import { runColor } from '../../../src-shared/run-color';
import { alertRoute, markOpened } from '../features/alerts/open-alert';
import { useAlertsStore } from '../stores/alerts-store';
import { useToastsStore } from '../stores/toasts-store';

export function alertRaised(alert: Alert, desktop: boolean): void {
  useAlertsStore.getState().raised(alert);
  if (desktop) return;
  useToastsStore.getState().show({
    title: alert.runName || alert.runId.slice(0, 8),
    detail: alert.message,
    color: runColor(alert.runId),
    route: alertRoute(alert),
    onOpen: () => markOpened(alert),
  });
}
