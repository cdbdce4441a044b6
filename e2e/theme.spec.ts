import { expect, test } from './fixtures/test';

test('the theme follows the system until chosen, and the choice survives a reload', async ({ page, runsPage }) => {
  const html = page.locator('html');
  await page.emulateMedia({ colorScheme: 'dark' });
  await runsPage.open();
  await expect(html).toHaveAttribute('data-theme', 'dark');

  await page.getByTestId('theme-toggle').click();
  await expect(html).toHaveAttribute('data-theme', 'light');

  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'light');
});
