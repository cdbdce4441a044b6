import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { copyRunFolderInto } from './fixtures/run-folder';
import { expect, test } from './fixtures/test';

test('a run folder copied into the watched folder appears, and appending to it extends the chart', async ({ server, runsPage, runPage }) => {
  await runsPage.open();

  const folder = await copyRunFolderInto(server.watchDir, 'folder-run', [
    { key: 'loss', value: 0.5, step: 0 },
    { key: 'loss', value: 0.45, step: 1 },
  ]);
  await expect(runsPage.row(folder.id)).toBeVisible();
  await expect(runsPage.row(folder.id)).toContainText('folder-run');

  await runsPage.openRun(folder.id);
  await expect(runPage.pointsCount('loss')).toHaveText('2');
  await expect(runPage.lastStep('loss')).toHaveText('1');

  await folder.append([
    { key: 'loss', value: 0.41, step: 2 },
    { key: 'loss', value: 0.38, step: 3 },
    { key: 'loss', value: 0.36, step: 4 },
  ]);
  await expect(runPage.pointsCount('loss')).toHaveText('5');
  await expect(runPage.lastStep('loss')).toHaveText('4');
  await expect(runPage.chartLine('loss')).toHaveAttribute('d', /^M/);
});

test('watching a folder that does not exist shows the server\'s error', async ({ page, server, runsPage }) => {
  await runsPage.open();
  await runsPage.watchFolder(`${server.watchDir}/no-such-folder`);
  await expect(page.getByTestId('watch-panel').getByTestId('error-banner')).toBeVisible();
});

test('a file with junk lines is listed with its problem under the watched folder', async ({ server, runsPage }) => {
  await runsPage.open();
  const folder = await copyRunFolderInto(server.watchDir, 'junk-run', [{ key: 'loss', value: 0.5, step: 0 }]);
  await expect(runsPage.row(folder.id)).toBeVisible();
  await appendFile(join(folder.path, 'metrics.jsonl'), 'this is not json\n');
  const problems = await runsPage.watchProblems();
  await expect(problems).toHaveCount(1);
  await expect(problems.first()).toContainText('junk-run/metrics.jsonl');
  await expect(problems.first()).toContainText('not JSON');
});
