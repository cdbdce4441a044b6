import type { Locator, Page } from '@playwright/test';

export class RunPage {
  readonly root: Locator;
  readonly name: Locator;

  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {
    this.root = page.getByTestId('run-page');
    this.name = page.getByTestId('run-name');
  }

  async open(runId: string) {
    await this.page.goto(`${this.baseUrl}#/runs/${encodeURIComponent(runId)}`);
    await this.root.waitFor();
  }

  chart(key: string): Locator {
    return this.page.locator(`[data-testid="run-chart"][data-metric-key="${key}"]`);
  }

  /** The drawn series: recharts' path for the line. */
  chartLine(key: string): Locator {
    return this.chart(key).locator('path.recharts-line-curve');
  }

  pointsCount(key: string): Locator {
    return this.chart(key).getByTestId('points-count');
  }

  lastStep(key: string): Locator {
    return this.chart(key).getByTestId('last-step');
  }
}
