import { expect, test } from './fixtures/test';

test('the connection indicator shows when the event feed is lost', async ({ server, runsPage }) => {
  await runsPage.open();
  await expect(runsPage.connection).toHaveAttribute('data-state', 'live');
  await server.stop();
  await expect(runsPage.connection).toHaveAttribute('data-state', 'reconnecting');
});
