// Team sync in the UI against a real `mlflow server` (SQLite, proxied artifacts): remotes on the
// Team page (a connection test that passes, one that says why not), pushing ticked runs with
// progress until the sync column says pushed and MLflow has them, behind after a new point and
// pushed again; browsing the remote, importing runs as read-only copies, following an
// experiment until a new remote run shows up here. Screenshots go to e2e/screenshots/.
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { createMlflowRun, mlflowGet, mlflowPost, type MlflowTarget } from './fixtures/mlflow-rest';
import { startHeldProxy } from './fixtures/held-proxy';
import { startMlflow, type MlflowServer } from './fixtures/mlflow-server';
import { startRunlensServer, type RunlensServer } from './fixtures/runlens-server';
import { createRun, logSeries } from './fixtures/runs-api';
import { expect, test as base } from './fixtures/test';
import { PushDialog, TeamPage } from './pages/team-pages';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

/** One mlflow server for the file (it takes seconds to start); each test uses its own experiments. */
const test = base.extend<{ remote: MlflowTarget }, { mlflow: MlflowServer }>({
  mlflow: [
    async ({}, use) => {
      const mlflow = await startMlflow();
      await use(mlflow);
      await mlflow.dispose();
    },
    { scope: 'worker', timeout: 150_000 },
  ],
  // Followed experiments are looked at every 300 ms instead of every 15 s.
  server: async ({}, use) => {
    const server = await startRunlensServer({ env: { RUNLENS_FOLLOW_INTERVAL_MS: '300' } });
    await use(server);
    await server.stop();
  },
  remote: async ({ mlflow }, use) => use({ url: `${mlflow.url}/`, token: '' }),
});

/** Takes requests and never answers them: a push to it stays running until it is cancelled. */
async function startSilentServer(): Promise<{ url: string; close(): Promise<void> }> {
  const silent = createServer((request) => request.resume());
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        silent.closeAllConnections();
        silent.close(() => resolve());
      }),
  };
}

/** Unique per test run (repeats and retries too): the mlflow server outlives each test. */
function uniq(): string {
  const { testId, repeatEachIndex, retry } = test.info();
  return `${testId}-${repeatEachIndex}-${retry}`;
}

async function addRemote(server: RunlensServer, mlflow: Pick<MlflowServer, 'url'>, name = 'team') {
  await server.api('PUT', '/api/v1/remotes', { name, url: mlflow.url, username: '' });
}

async function shoot(page: Page, name: string) {
  await mkdir(SHOTS, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${SHOTS}${name}-${scheme}.png` });
  }
}

async function createExperiment(remote: MlflowTarget, name: string): Promise<string> {
  const { experiment_id } = await mlflowPost<{ experiment_id: string }>(remote, 'experiments/create', { name });
  return experiment_id;
}

/** A finished run on the mlflow server with `loss` at steps 0…n-1 and a param. */
async function remoteRun(remote: MlflowTarget, experimentId: string, name: string, user = 'ana', n = 5) {
  const run = await createMlflowRun(remote, name, user, experimentId);
  const now = Date.now();
  await mlflowPost(remote, 'runs/log-batch', {
    run_id: run.runId,
    params: [{ key: 'lr', value: '0.01' }],
    metrics: Array.from({ length: n }, (_, step) => ({ key: 'loss', value: 1 / (step + 1), timestamp: now + step, step })),
  });
  await mlflowPost(remote, 'runs/update', { run_id: run.runId, status: 'FINISHED', end_time: Date.now() });
  return run.runId;
}

interface SearchedRun {
  info: { run_id: string; run_name: string };
  data: { metrics?: { key: string; value: number; step: number }[] };
}

async function remoteRunsOf(remote: MlflowTarget, experimentName: string): Promise<SearchedRun[]> {
  const { experiment } = await mlflowGet<{ experiment: { experiment_id: string } }>(remote, 'experiments/get-by-name', { experiment_name: experimentName });
  const { runs = [] } = await mlflowPost<{ runs?: SearchedRun[] }>(remote, 'runs/search', { experiment_ids: [experiment.experiment_id], max_results: 100 });
  return runs;
}

test('remotes: the empty state says what a remote is; add one and its connection test passes; a wrong URL says why', async ({ page, server, mlflow }) => {
  const team = new TeamPage(page, server.url);
  await page.goto(server.url);
  await page.getByTestId('nav-team').click();
  await expect(team.empty).toContainText('A remote is your team’s MLflow tracking server');
  await shoot(page, 'team-empty');

  await team.empty.getByTestId('remote-add').click();
  await team.fill({ name: 'team', url: mlflow.url, secret: 'a-token-never-shown' });
  await team.form.getByTestId('remote-save').click();
  // Saving a new remote tests it straight away.
  const row = team.row('team');
  await expect(row.getByTestId('remote-test').locator('[data-status]')).toHaveAttribute('data-status', 'ok');
  await expect(row.getByTestId('remote-test')).toContainText(`Connected to MLflow at ${mlflow.url}`);
  await expect(row.getByTestId('remote-has-secret')).toHaveText('stored');
  expect(await page.content()).not.toContain('a-token-never-shown');

  // Testing again from the row says the same.
  await row.getByTestId('remote-test-button').click();
  await expect(row.getByTestId('remote-test').locator('[data-status]')).toHaveAttribute('data-status', 'ok');

  await page.getByTestId('remote-add').click();
  await team.fill({ name: 'nowhere', url: 'http://127.0.0.1:9' });
  await team.form.getByTestId('remote-save').click();
  const broken = team.row('nowhere');
  await expect(broken.getByTestId('remote-test').locator('[data-status]')).toHaveAttribute('data-status', 'failed');
  await expect(broken.getByTestId('remote-test')).toContainText('Cannot reach http://127.0.0.1:9');

  await shoot(page, 'team-remotes');

  // Editing keeps the stored secret; deleting asks first.
  await broken.getByTestId('remote-delete').click();
  await expect(broken).toContainText('Delete nowhere?');
  await broken.getByTestId('remote-delete-confirm').click();
  await expect(broken).toHaveCount(0);
  await team.row('team').getByTestId('remote-edit').click();
  await expect(team.form.getByTestId('remote-secret')).toHaveAttribute('placeholder', 'stored — leave empty to keep');
  await page.keyboard.press('Escape');
  await expect(team.form).toHaveCount(0);
});

test('push: ticked runs with progress → pushed, MLflow has them; a new point → behind; push again → pushed', async ({ page, server, mlflow, remote, runsPage }) => {
  test.setTimeout(120_000);
  const experiment = `push-${uniq()}`;
  await addRemote(server, mlflow);
  const ids: Record<string, string> = {};
  // alpha is big enough (a few seconds at mlflow-on-SQLite's pace) for the progress to be seen moving.
  for (const [name, points] of [['alpha', 3_000], ['beta', 50], ['gamma', 10]] as const) {
    const run = await createRun(server, { experiment, name });
    await logSeries(server, run.id, 'loss', 0, points);
    await server.api('POST', `/api/v1/runs/${run.id}/finish`, {});
    ids[name] = run.id;
  }

  await runsPage.open();
  const row = (name: string) => runsPage.rows.filter({ hasText: name });
  // Nothing pushed yet: no sync column.
  await expect(row('alpha')).toBeVisible();
  await expect(page.locator('[data-column="sync"]')).toHaveCount(0);
  for (const name of ['alpha', 'beta']) {
    const box = row(name).getByTestId('run-check');
    await box.click();
    await expect(box).toBeChecked();
  }

  // `p` opens the dialog; the ticked runs and the only remote are chosen; Enter pushes.
  await page.keyboard.press('p');
  const dialog = new PushDialog(page);
  await expect(dialog.remote).toHaveValue('team');
  await expect(dialog.scope('selected')).toBeChecked();
  await expect(dialog.submit).toHaveText('Push 2 runs');
  await shoot(page, 'push-dialog-choose');
  await dialog.remote.press('Enter');
  await expect(dialog.root).toHaveAttribute('data-step', /running|done/);
  await shoot(page, 'push-dialog-progress');
  await expect(dialog.root).toHaveAttribute('data-step', 'done', { timeout: 60_000 });
  await expect(dialog.progress).toContainText('Pushed 2 runs');
  await expect(dialog.progress.getByTestId('sync-progress-runs')).toContainText('2 / 2');
  await expect(dialog.progress.getByTestId('sync-progress-points')).toContainText('3,050');
  await shoot(page, 'push-dialog-done');
  await dialog.close.click();
  await expect(dialog.root).toHaveCount(0);
  // The top bar keeps the news on every page until dismissed.
  const status = page.getByTestId('sync-status');
  await expect(status).toHaveAttribute('data-state', 'done');
  await expect(status).toContainText('Pushed 2 runs to team');

  for (const name of ['alpha', 'beta']) await expect(row(name).getByTestId('sync-badge')).toHaveAttribute('data-state', 'pushed');
  await expect(row('gamma').getByTestId('sync-badge')).toHaveCount(0);
  await expect(row('alpha').getByTestId('sync-badge')).toHaveAttribute('title', /Pushed to team/);
  const pushed = await remoteRunsOf(remote, experiment);
  expect(pushed.map((r) => r.info.run_name).sort()).toEqual(['alpha', 'beta']);
  const alphaRemote = pushed.find((r) => r.info.run_name === 'alpha')!;
  expect(alphaRemote.data.metrics?.find((m) => m.key === 'loss')?.step).toBe(2_999);

  // A point logged through the native API: the remote lacks it.
  await server.api('POST', `/api/v1/runs/${ids.alpha}/log`, { metrics: [{ key: 'loss', step: 3_000, value: 0.001 }] });
  await expect(row('alpha').getByTestId('sync-badge')).toHaveAttribute('data-state', 'behind');
  await expect(row('beta').getByTestId('sync-badge')).toHaveAttribute('data-state', 'pushed');
  await runsPage.filter.fill('sync:behind');
  await expect(runsPage.rows).toHaveCount(1);
  await runsPage.filter.fill('');
  await shoot(page, 'runs-sync-badges');

  await page.getByTestId('push-button').click();
  await expect(dialog.scope('selected')).toBeChecked();
  await dialog.submit.click();
  await expect(dialog.root).toHaveAttribute('data-step', 'done', { timeout: 60_000 });
  await page.keyboard.press('Escape');
  await expect(dialog.root).toHaveCount(0);
  await expect(row('alpha').getByTestId('sync-badge')).toHaveAttribute('data-state', 'pushed');
  const history = await mlflowGet<{ metrics: { step: number }[] }>(remote, 'metrics/get-history', { run_id: alphaRemote.info.run_id, metric_key: 'loss', max_results: '25000' });
  expect(history.metrics).toHaveLength(3_001);

  // The run page says where it went.
  await row('alpha').getByRole('link', { name: 'alpha' }).click();
  await expect(page.getByTestId('run-sync-note')).toContainText('Pushed to team');
  await expect(page.getByTestId('open-in-mlflow')).toHaveAttribute('href', new RegExp(`^${mlflow.url}/#/experiments/\\d+/runs/${alphaRemote.info.run_id}$`));
  await expect(status).toContainText(/Pushed [12] runs? to team/);
  await status.getByTestId('sync-status-dismiss').click();
  await expect(status).toHaveCount(0);
});

test('pull: browse the remote, import runs as read-only copies; follow an experiment and a new remote run comes in', async ({ page, server, mlflow, remote, runsPage }) => {
  test.setTimeout(120_000);
  const experimentName = `shared-${uniq()}`;
  const experimentId = await createExperiment(remote, experimentName);
  const first = await remoteRun(remote, experimentId, 'ana-baseline', 'ana');
  await remoteRun(remote, experimentId, 'bo-wider', 'bo');
  await addRemote(server, mlflow);

  const team = new TeamPage(page, server.url);
  await team.goto('team');
  await team.experiment(experimentName).getByRole('link').click();
  await expect(team.remoteRuns).toHaveCount(2);
  await expect(team.remoteRun('ana-baseline')).toContainText('ana');
  await expect(team.remoteRun('ana-baseline').getByTestId('remote-run-local')).toHaveCount(0);
  await shoot(page, 'team-browse');

  const box = team.remoteRun('ana-baseline').getByTestId('remote-run-check');
  await box.click();
  await expect(box).toBeChecked();
  await page.getByTestId('import-runs').click();
  await expect(team.pullJob.getByTestId('sync-progress')).toHaveAttribute('data-outcome', 'done', { timeout: 30_000 });
  await expect(team.pullJob).toContainText('Imported 1 run');
  await expect(team.remoteRun('ana-baseline').getByTestId('remote-run-local')).toBeVisible();

  await runsPage.open();
  const copy = runsPage.rows.filter({ hasText: 'ana-baseline' });
  await expect(copy.getByTestId('sync-badge')).toHaveAttribute('data-state', 'remote');
  await expect(copy.getByTestId('sync-badge')).toHaveAttribute('title', new RegExp(`Read-only copy of run ${first} on team`));
  await expect(runsPage.rows.filter({ hasText: 'bo-wider' })).toHaveCount(0);

  // A copy is read-only: the push dialog leaves it out.
  const copyBox = copy.getByTestId('run-check');
  await copyBox.click();
  await expect(copyBox).toBeChecked();
  await page.getByTestId('push-button').click();
  const dialog = new PushDialog(page);
  await expect(dialog.scope('selected')).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(dialog.root).toHaveCount(0);

  await copy.getByRole('link', { name: 'ana-baseline' }).click();
  const note = page.getByTestId('run-sync-note');
  await expect(note).toContainText(`Read-only copy of run ${first} on team`);
  await expect(note.getByTestId('open-in-mlflow')).toHaveAttribute('href', new RegExp(`^${mlflow.url}/.*${first}`));
  await shoot(page, 'pulled-run-header');

  // Follow: the whole experiment comes in, then runs created later on the server.
  await team.goto('team', experimentId);
  await page.getByTestId('import-follow').click();
  await expect(team.pullJob.getByTestId('sync-progress')).toHaveAttribute('data-outcome', 'done', { timeout: 30_000 });
  await expect(page.getByTestId('experiment-followed-badge')).toBeVisible();
  await expect(team.follows.filter({ hasText: experimentName })).toBeVisible();
  await shoot(page, 'team-followed');
  await remoteRun(remote, experimentId, 'cy-late-run', 'cy');
  await runsPage.open();
  await expect(runsPage.rows.filter({ hasText: 'cy-late-run' }).getByTestId('sync-badge')).toHaveAttribute('data-state', 'remote', { timeout: 20_000 });
  await expect(runsPage.rows.filter({ hasText: 'bo-wider' })).toHaveCount(1);

  // Unfollow: the follow goes, the runs imported stay.
  await team.goto('team', experimentId);
  await team.follows.filter({ hasText: experimentName }).getByTestId('follow-unfollow').click();
  await expect(team.follows).toHaveCount(0);
  await expect(team.experiment(experimentName).getByTestId('experiment-follow')).toBeVisible();
  await runsPage.open();
  await expect(runsPage.rows.filter({ hasText: 'cy-late-run' })).toHaveCount(1);
});

test('live push: a running run’s new points follow to the remote; the run page stops it', async ({ page, server, mlflow, remote, runsPage }) => {
  test.setTimeout(90_000);
  const experiment = `live-${uniq()}`;
  const run = await createRun(server, { experiment, name: 'delta' });
  await logSeries(server, run.id, 'loss', 0, 10);
  const dialog = new PushDialog(page);

  // Without a remote the dialog points to the Team page.
  await runsPage.open();
  await page.keyboard.press('p');
  await dialog.root.getByTestId('push-add-remote').click();
  await expect(dialog.root).toHaveCount(0);
  await expect(page.getByTestId('team-page')).toBeVisible();
  await addRemote(server, mlflow);

  await runsPage.open();
  const row = runsPage.rowNamed('delta');
  const box = row.getByTestId('run-check');
  await box.click();
  await expect(box).toBeChecked();
  await page.getByTestId('push-button').click();
  await expect(dialog.root.getByTestId('push-live').locator('input')).toBeChecked();
  await dialog.submit.click();
  await expect(dialog.root).toHaveAttribute('data-step', 'done', { timeout: 30_000 });
  await dialog.close.click();
  await expect(row.getByTestId('sync-badge')).toHaveAttribute('data-live', 'true');

  // New points reach the remote while the run runs.
  await logSeries(server, run.id, 'loss', 10, 5);
  const [pushed] = await remoteRunsOf(remote, experiment);
  const history = async () =>
    (await mlflowGet<{ metrics?: unknown[] }>(remote, 'metrics/get-history', { run_id: pushed!.info.run_id, metric_key: 'loss' })).metrics?.length ?? 0;
  await expect.poll(history, { timeout: 30_000 }).toBe(15);

  await row.getByRole('link', { name: 'delta' }).click();
  const note = page.getByTestId('run-sync-note');
  await expect(note).toContainText('Live push to team');
  await note.getByTestId('stop-live-push').click();
  await expect(note.getByTestId('stop-live-push')).toHaveCount(0);
  await expect(note).toContainText('Pushed to team');
  await expect(note.getByTestId('sync-badge')).toHaveAttribute('data-live', 'false');
});

test('cancel: a push stuck on a remote that never answers stops on Cancel and says so, in the dialog and the top bar', async ({ page, server, runsPage }) => {
  const silent = await startSilentServer();
  try {
    await addRemote(server, silent, 'slow');
    const run = await createRun(server, { experiment: `cancel-${uniq()}`, name: 'epsilon' });
    await logSeries(server, run.id, 'loss', 0, 10);
    await server.api('POST', `/api/v1/runs/${run.id}/finish`, {});

    await runsPage.open();
    const box = runsPage.rowNamed('epsilon').getByTestId('run-check');
    await box.click();
    await expect(box).toBeChecked();
    await page.keyboard.press('p');
    const dialog = new PushDialog(page);
    await dialog.submit.click();
    await expect(dialog.root).toHaveAttribute('data-step', 'running');
    await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'running');
    await dialog.cancel.click();
    await expect(dialog.root).toHaveAttribute('data-step', 'cancelled');
    await expect(dialog.progress).toContainText('Cancelled');
    await expect(page.getByTestId('sync-status')).toContainText('Push to slow cancelled');
    // Stopped before the remote had a run for it: still local only.
    await expect(runsPage.rowNamed('epsilon').getByTestId('sync-badge')).toHaveCount(0);
  } finally {
    await silent.close();
  }
});

test('browse: a big remote experiment pages with Load more', async ({ page, server, mlflow, remote }) => {
  test.setTimeout(90_000);
  const experimentId = await createExperiment(remote, `big-${uniq()}`);
  // One more than a page of the browser's listing (100).
  for (let i = 0; i < 101; i++) await createMlflowRun(remote, `run-${String(i).padStart(3, '0')}`, 'ana', experimentId);
  await addRemote(server, mlflow);

  const team = new TeamPage(page, server.url);
  await team.goto('team', experimentId);
  await expect(team.remoteRuns).toHaveCount(100);
  await expect(page.getByTestId('remote-runs')).toContainText('100+ runs');
  await page.getByTestId('remote-runs-more').click();
  await expect(team.remoteRuns).toHaveCount(101);
  await expect(page.getByTestId('remote-runs-more')).toHaveCount(0);
  // Newest first: the first run created is last.
  await expect(team.remoteRuns.last()).toContainText('run-000');
});

test('live push to a remote that went away: the row and the run page show the error', async ({ page, server, mlflow, runsPage }) => {
  const proxy = await startHeldProxy(mlflow.url);
  let closed = false;
  try {
    await addRemote(server, proxy, 'flaky');
    const run = await createRun(server, { experiment: `flaky-${uniq()}`, name: 'zeta' });
    await logSeries(server, run.id, 'loss', 0, 5);
    await runsPage.open();
    const row = runsPage.rowNamed('zeta');
    const box = row.getByTestId('run-check');
    await box.click();
    await expect(box).toBeChecked();
    await page.keyboard.press('p');
    const dialog = new PushDialog(page);
    await dialog.submit.click();
    await expect(dialog.root).toHaveAttribute('data-step', 'done', { timeout: 30_000 });
    await dialog.close.click();
    await expect(row.getByTestId('sync-badge')).toHaveAttribute('data-live', 'true');

    await proxy.close();
    closed = true;
    await logSeries(server, run.id, 'loss', 5, 5);
    const badge = row.getByTestId('sync-badge');
    await expect(badge).toHaveAttribute('data-error', 'true', { timeout: 20_000 });
    await expect(badge).toHaveAttribute('title', /Last attempt failed: .+/);
    await shoot(page, 'runs-sync-error');
    await row.getByRole('link', { name: 'zeta' }).click();
    await expect(page.getByTestId('run-sync-error')).toContainText('last attempt failed');
  } finally {
    if (!closed) await proxy.close();
  }
});
