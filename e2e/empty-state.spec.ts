import { expect, test } from './fixtures/test';

test('a fresh data dir shows the empty state, and "Load sample runs" fills the table', async ({ page, server, runsPage }) => {
  await runsPage.open();
  await expect(runsPage.emptyState).toBeVisible();
  // The curl snippet is aimed at this server and carries its token.
  await expect(page.getByTestId('curl-snippet')).toContainText(server.url.replace(/\/$/, ''));
  await expect(page.getByTestId('curl-snippet')).toContainText(server.token);

  await runsPage.loadSamplesButton.click();
  await expect(runsPage.table).toBeVisible();
  await expect(runsPage.rows.first()).toBeVisible();
  await expect(runsPage.emptyState).toBeHidden();
  await expect(runsPage.rowCount).toHaveText(/^\d+ runs?$/);
});
