// Alerts: what fired (newest first, each opening its run) beside the rules that fire them: the
// built-in ones, then the user's rules of the experiment picked (`#/alerts?experiment=…`).
import { useCallback, useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ErrorBanner } from '../../components/error-banner';
import { Skeleton } from '../../components/skeleton';
import { navigate } from '../../lib/hash-router';
import { isBuiltin, useAlertRulesStore } from '../../stores/alert-rules-store';
import { useAlertsStore } from '../../stores/alerts-store';
import { useActiveRuns } from '../../stores/runs-store';
import { AlertList, AlertsExplainer } from './alert-list';
import { BuiltinRules } from './builtin-rules';
import { experimentMetricKeys, experimentNames } from './experiment-keys';
import { RuleForm } from './rule-form';
import { UserRules } from './user-rules';
import './alerts.css';

function RaisedAlerts() {
  const { status, alerts, unread, error, dismissError } = useAlertsStore(
    useShallow((s) => ({ status: s.status, alerts: s.alerts, unread: s.unread, error: s.error, dismissError: s.dismissError })),
  );
  return (
    <section className="alerts-page__raised" aria-labelledby="alerts-raised-title">
      <div className="alerts-page__section-head">
        <h2 className="section-title" id="alerts-raised-title">
          Raised{unread > 0 ? ` · ${unread} unread` : ''}
        </h2>
        <button type="button" disabled={unread === 0} onClick={() => void useAlertsStore.getState().markRead()} data-testid="alerts-page-mark-all">
          Mark all read
        </button>
      </div>
      {error && <ErrorBanner message={error} onDismiss={dismissError} onRetry={() => void useAlertsStore.getState().load()} />}
      <div className="panel alerts-page__list">
        {status !== 'ready' && alerts.length === 0 ? (
          status === 'error' ? null : <Skeleton rows={4} height={18} />
        ) : alerts.length === 0 ? (
          <AlertsExplainer rulesHref={null} />
        ) : (
          <AlertList alerts={alerts} />
        )}
      </div>
    </section>
  );
}

export function AlertsPage({ experiment }: { experiment: string | null }) {
  const { status, rules, error } = useAlertRulesStore(useShallow((s) => ({ status: s.status, rules: s.rules, error: s.error })));
  const runs = useActiveRuns();
  const [adding, setAdding] = useState(false);

  useEffect(() => {
    void useAlertRulesStore.getState().load(experiment);
  }, [experiment]);
  useEffect(() => {
    void useAlertsStore.getState().load();
  }, []);

  const experiments = experimentNames(runs, [experiment, ...rules.map((r) => r.experiment)]);
  const metricKeysOf = useCallback((name: string) => experimentMetricKeys(runs, name), [runs]);
  const builtins = rules.filter(isBuiltin);
  const userRules = rules.filter((r) => !isBuiltin(r));

  return (
    <div className="scroll-page alerts-page" data-testid="alerts-page">
      <header className="scroll-page__head">
        <div>
          <h1>Alerts</h1>
          <p className="muted">What Runlens noticed in your runs as they logged, and the rules it watches them with.</p>
        </div>
      </header>
      <div className="alerts-page__columns">
        <RaisedAlerts />
        <section className="alerts-page__rules" aria-labelledby="alerts-rules-title" data-testid="alert-rules">
          <h2 className="section-title" id="alerts-rules-title">
            Rules
          </h2>
          {error && <ErrorBanner message={error} onRetry={() => void useAlertRulesStore.getState().load(experiment)} />}
          {status === 'loading' && rules.length === 0 && <Skeleton rows={5} height={18} />}
          {builtins.length > 0 && (
            <div className="panel rules-box">
              <h3 className="rules-box__title">
                Built in <span className="muted">· every experiment</span>
              </h3>
              <BuiltinRules rules={builtins} />
            </div>
          )}
          {status === 'ready' && (
            <div className="panel rules-box">
              <div className="rules-box__head">
                <h3 className="rules-box__title">Your rules</h3>
                <select
                  className="rules-box__filter"
                  value={experiment ?? ''}
                  onChange={(e) => navigate({ page: 'alerts', experiment: e.target.value || null })}
                  aria-label="Experiment"
                  data-testid="rules-experiment-filter"
                >
                  <option value="">All experiments</option>
                  {experiments.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </select>
                {!adding && (
                  <button type="button" className="primary" onClick={() => setAdding(true)} disabled={experiments.length === 0} data-testid="rule-add">
                    Add a rule
                  </button>
                )}
              </div>
              {adding && (
                <RuleForm existing={null} experiments={experiments} experiment={experiment ?? experiments[0] ?? ''} metricKeysOf={metricKeysOf} onDone={() => setAdding(false)} />
              )}
              {userRules.length > 0 ? (
                <UserRules rules={userRules} experiments={experiments} metricKeysOf={metricKeysOf} showExperiment={experiment === null} />
              ) : (
                !adding && (
                  <p className="muted rules-box__empty" data-testid="user-rules-empty">
                    {experiments.length === 0
                      ? 'Rules belong to an experiment: log a run first, then add rules for its experiment here.'
                      : `No rule ${experiment ? `for ${experiment} ` : ''}yet. Add one to hear when a metric crosses a value (val_loss > 0.5), goes NaN, or a run goes quiet.`}
                  </p>
                )
              )}
            </div>
          )}
        </section>
      </div>
    </div>
  );
}
