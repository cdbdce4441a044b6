import { describe, expect, it } from 'vitest';
import type { Alert } from '../../src-shared/alerts';
import { alertNotification } from './alert-notification';

const alert: Alert = {
  id: 1,
  ruleId: 'builtin:non-finite',
  kind: 'non-finite',
  runId: 'a1b2',
  runName: 'baseline',
  experiment: 'mnist',
  message: 'loss is NaN at step 1200',
  metric: 'loss',
  value: 'NaN',
  step: 1200,
  raisedAt: 0,
  read: false,
};

describe('alertNotification', () => {
  it('names the rule and the run, and opens the run page on click', () => {
    expect(alertNotification(alert)).toEqual({ title: 'Metric is not finite: baseline', body: 'loss is NaN at step 1200 (mnist)', route: '/runs/a1b2' });
  });

  it('names an unnamed run by its id', () => {
    expect(alertNotification({ ...alert, kind: 'run-failed', runName: '', experiment: '' })).toMatchObject({ title: 'Run failed: a1b2', body: 'loss is NaN at step 1200' });
  });
});
