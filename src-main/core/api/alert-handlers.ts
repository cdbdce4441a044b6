// Alerts through the contract: rules (built-in and per experiment) and the alerts raised.
import type { Handlers } from '../../../src-shared/contract';
import type { AlertService } from '../alerts/alert-service';

type AlertMethods = 'listAlertRules' | 'saveAlertRule' | 'deleteAlertRule' | 'listAlerts' | 'markAlertsRead';

export function createAlertHandlers(alerts: AlertService): Pick<Handlers, AlertMethods> {
  return {
    listAlertRules: ({ experiment }) => ({ rules: alerts.rules(experiment) }),
    saveAlertRule: (input) => ({ rule: alerts.saveRule(input) }),
    deleteAlertRule: ({ id }) => ({ removed: alerts.deleteRule(id) }),
    listAlerts: ({ runId, limit }) => alerts.list(runId, limit),
    markAlertsRead: ({ ids }) => ({ updated: alerts.markRead(ids) }),
  };
}
