import { syntheticRuns } from './fixtures/synthetic-runs';
import { expect, test } from './fixtures/test';

const COUNT = 10_000;

test('10,000 runs: only visible rows are in the DOM; scroll, sort, filter and keys work', async ({ page, runsPage }) => {
  const body = JSON.stringify({ runs: syntheticRuns(COUNT) });
  await page.route(/\/api\/v1\/runs$/, (route) =>
    route.request().method() === 'GET' ? route.fulfill({ contentType: 'application/json', body }) : route.fallback(),
  );
  await runsPage.open();
  await expect(runsPage.rowCount).toHaveText('10,000 runs');

  // Virtualised: a screenful of rows plus overscan, not ten thousand.
  expect(await runsPage.rows.count()).toBeLessThan(80);

  // Default order is newest first; sorting by name ascending puts run-00000 on top.
  await expect(runsPage.rows.first()).toContainText('run-09999');
  await page.getByTestId('sort-name').click();
  await expect(runsPage.rows.first()).toContainText('run-00000');

  // Scrolling to the end renders the last rows and still keeps the DOM small.
  await runsPage.table.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(runsPage.rowNamed('run-09999')).toBeVisible();
  expect(await runsPage.rows.count()).toBeLessThan(80);

  // `/` focuses the filter; the count reflects the match.
  await page.keyboard.press('/');
  await expect(runsPage.filter).toBeFocused();
  await page.keyboard.type('run-0004');
  await expect(runsPage.rowCount).toHaveText('10 of 10,000 runs');

  // Arrows move the selection from the filter box; Enter opens the selected run.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(runsPage.rows.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Escape');
  await expect(runsPage.rowCount).toHaveText('10,000 runs');
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/runs\/0+2a$/);
});
