import type { Locator, Page } from '@playwright/test';

export class ComparePage {
  readonly root: Locator;
  readonly message: Locator;
  readonly headerRuns: Locator;
  readonly paramsDiff: Locator;
  readonly paramRows: Locator;
  readonly onlyDiff: Locator;
  readonly summary: Locator;
  readonly charts: Locator;

  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {
    this.root = page.getByTestId('compare-page');
    this.message = page.getByTestId('compare-message');
    this.headerRuns = page.getByTestId('compare-run');
    this.paramsDiff = page.getByTestId('params-diff');
    this.paramRows = this.paramsDiff.getByTestId('param-row');
    this.onlyDiff = page.getByTestId('only-diff');
    this.summary = page.getByTestId('compare-summary');
    this.charts = page.getByTestId('compare-chart');
  }

  async open(runIds: string[]) {
    await this.page.goto(`${this.baseUrl}#/compare?runs=${runIds.join(',')}`);
  }

  paramRow(key: string): Locator {
    return this.paramsDiff.locator(`[data-testid="param-row"][data-param-key="${key}"]`);
  }

  /** Cells of one metric's summary for one run: last, min, max and the delta. */
  summaryCell(key: string, runId: string, figure: 'last' | 'min' | 'max' | 'delta'): Locator {
    const row = this.summary.locator(`[data-testid="summary-row"][data-metric-key="${key}"][data-run-id="${runId}"]`);
    return row.getByTestId(figure === 'delta' ? 'metric-delta' : `summary-${figure}`);
  }

  chart(key: string): Locator {
    return this.page.locator(`[data-testid="compare-chart"][data-metric-key="${key}"]`);
  }

  chartLines(key: string): Locator {
    return this.chart(key).locator('path.recharts-line-curve');
  }

  async makeBaseline(runId: string) {
    await this.paramsDiff.locator(`[data-testid="baseline-button"][data-run-id="${runId}"]`).click();
  }
}
