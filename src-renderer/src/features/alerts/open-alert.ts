// Opening an alert (from the panel, the page or a toast) shows its run and marks it read.
import type { Alert } from '../../../../src-shared/alerts';
import type { Route } from '../../lib/hash-router';
import { useAlertsStore } from '../../stores/alerts-store';

export function alertRoute(alert: Alert): Route {
  return { page: 'run', runId: alert.runId };
}

export function markOpened(alert: Alert): void {
  if (!alert.read) void useAlertsStore.getState().markRead([alert.id]);
}
