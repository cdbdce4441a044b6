// What an OS notification says for a core alert, and where clicking it goes.
import type { Alert } from '../../src-shared/alerts';
import { runRoute } from './deep-link';

export interface AlertNotification {
  title: string;
  body: string;
  /** The UI route a click opens: the run's page. */
  route: string;
}

const TITLES: Record<Alert['kind'], string> = {
  'run-finished': 'Run finished',
  'run-failed': 'Run failed',
  'run-stalled': 'Run stalled',
  'non-finite': 'Metric is not finite',
  threshold: 'Metric crossed a threshold',
};

export function alertNotification(alert: Alert): AlertNotification {
  return {
    title: `${TITLES[alert.kind]}: ${alert.runName || alert.runId}`,
    body: alert.experiment ? `${alert.message} (${alert.experiment})` : alert.message,
    route: runRoute(alert.runId),
  };
}
