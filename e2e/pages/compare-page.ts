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

  /** The runs (or groups) a chart draws a line for, as its legend lists them. */
  chartLines(key: string): Locator {
    return this.legendItems(key).and(this.page.locator('[data-state="drawn"]'));
  }

  legendItems(key: string): Locator {
    return this.chart(key).getByTestId('chart-legend-item');
  }

  legendItem(key: string, entryId: string): Locator {
    return this.chart(key).locator(`[data-testid="chart-legend-item"][data-entry-id="${entryId}"]`);
  }

  get chartsToolbar(): Locator {
    return this.page.getByTestId('charts-toolbar');
  }

  get crosshairRows(): Locator {
    return this.page.getByTestId('crosshair-row');
  }

  crosshairValue(entryId: string): Locator {
    return this.page.locator(`[data-testid="crosshair-row"][data-entry-id="${entryId}"]`);
  }

  /** A chart's drawn scales and whether the data on screen is the latest answer. */
  async chartState(key: string) {
    const chart = this.chart(key);
    const attr = async (name: string) => Number(await chart.getAttribute(name));
    return {
      xMin: await attr('data-x-min'),
      xMax: await attr('data-x-max'),
      yMin: await attr('data-y-min'),
      yMax: await attr('data-y-max'),
      points: await attr('data-points'),
      exact: (await chart.getAttribute('data-exact')) === 'true',
    };
  }

  /** Waits until the chart has drawn its current data. */
  async waitForChart(key: string) {
    await this.chart(key).and(this.page.locator('[data-drawn="true"]')).waitFor();
  }

  /** The page pixel of x value `x` and y fraction `yFraction` (0 top, 1 bottom) in a chart's plot area. */
  async plotPoint(key: string, x: number, yFraction = 0.5) {
    await this.chart(key).scrollIntoViewIfNeeded();
    const { xMin, xMax } = await this.chartState(key);
    const box = (await this.chart(key).locator('.u-over').boundingBox())!;
    // Kept a pixel inside the plot: its right edge belongs to the next element.
    const px = Math.min(box.width - 1, Math.max(1, ((x - xMin) / (xMax - xMin)) * box.width));
    return { x: box.x + px, y: box.y + box.height * yFraction };
  }

  async hoverAt(key: string, x: number) {
    const p = await this.plotPoint(key, x);
    await this.page.mouse.move(p.x, p.y);
  }

  /** Drag-selects x from `from` to `to` on a chart: every chart zooms to it. */
  async zoom(key: string, from: number, to: number) {
    const a = await this.plotPoint(key, from);
    const b = await this.plotPoint(key, to);
    await this.page.mouse.move(a.x, a.y);
    await this.page.mouse.down();
    await this.page.mouse.move((a.x + b.x) / 2, a.y, { steps: 3 });
    await this.page.mouse.move(b.x, b.y, { steps: 3 });
    await this.page.mouse.up();
  }

  async toggleLog(key: string) {
    await this.chart(key).getByTestId('chart-log-toggle').click();
  }

  async setSmoothing(value: number) {
    await this.page.getByTestId('smoothing-slider').fill(String(value));
  }

  async setXAxis(value: string) {
    await this.page.getByTestId('x-axis-select').selectOption(value);
  }

  async groupBy(...params: string[]) {
    const picker = this.page.getByTestId('group-picker');
    await picker.getByRole('button').first().click();
    for (const param of params) await picker.locator(`[data-testid="group-picker-option"][data-value="${param}"]`).check();
    await this.page.keyboard.press('Escape');
  }

  async pickKeys(...keys: string[]) {
    const picker = this.page.getByTestId('key-picker');
    await picker.getByRole('button').first().click();
    for (const key of keys) {
      await picker.getByTestId('key-picker-search').fill(key);
      await picker.locator(`[data-testid="key-picker-option"][data-value="${key}"]`).check();
    }
    await this.page.keyboard.press('Escape');
  }

  async makeBaseline(runId: string) {
    await this.paramsDiff.locator(`[data-testid="baseline-button"][data-run-id="${runId}"]`).click();
  }
}
