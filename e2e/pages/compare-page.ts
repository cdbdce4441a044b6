import { expect, type Locator, type Page } from '@playwright/test';

export class ComparePage {
  readonly root: Locator;
  readonly message: Locator;
  readonly headerRuns: Locator;
  readonly paramsDiff: Locator;
  readonly paramRows: Locator;
  readonly onlyDiff: Locator;
  readonly summary: Locator;
  readonly charts: Locator;
  readonly paramsHidden: Locator;
  readonly runsPlots: Locator;
  readonly plotStat: Locator;
  readonly parallel: Locator;
  /** The canvas the lines are painted on; `data-lines` counts the lines drawn. */
  readonly parallelLines: Locator;
  readonly parallelAxes: Locator;
  readonly parallelParams: Locator;
  readonly parallelAdd: Locator;
  readonly parallelMetric: Locator;
  readonly parallelTooltip: Locator;
  readonly parallelHighlight: Locator;
  readonly scatter: Locator;
  readonly scatterDots: Locator;
  readonly scatterX: Locator;
  readonly scatterY: Locator;
  readonly scatterEmpty: Locator;
  readonly scatterTooltip: Locator;

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
    this.paramsHidden = this.paramsDiff.getByTestId('params-hidden');
    this.runsPlots = page.getByTestId('runs-plots');
    this.plotStat = this.runsPlots.getByTestId('plot-stat');
    this.parallel = this.runsPlots.getByTestId('parallel-coordinates');
    this.parallelLines = this.parallel.getByTestId('pc-lines');
    this.parallelAxes = this.parallel.getByTestId('pc-axis');
    this.parallelParams = this.runsPlots.getByTestId('pc-param');
    this.parallelAdd = this.runsPlots.getByTestId('pc-add');
    this.parallelMetric = this.runsPlots.getByTestId('pc-metric');
    this.parallelTooltip = this.parallel.getByTestId('pc-tooltip');
    this.parallelHighlight = this.parallel.getByTestId('pc-highlight');
    this.scatter = this.runsPlots.getByTestId('run-scatter');
    this.scatterDots = this.scatter.getByTestId('scatter-dot');
    this.scatterX = this.runsPlots.getByTestId('scatter-x');
    this.scatterY = this.runsPlots.getByTestId('scatter-y');
    this.scatterEmpty = this.runsPlots.getByTestId('scatter-empty');
    this.scatterTooltip = this.scatter.getByTestId('scatter-tooltip');
  }

  async open(runIds: string[]) {
    await this.page.goto(`${this.baseUrl}#/compare?runs=${runIds.join(',')}`);
  }

  paramRow(key: string): Locator {
    return this.paramsDiff.locator(`[data-testid="param-row"][data-param-key="${key}"]`);
  }

  /** The cells of one param row, one per run in column order. */
  paramCells(key: string): Locator {
    return this.paramRow(key).getByTestId('param-cell');
  }

  paramGroup(name: string): Locator {
    return this.paramsDiff.locator(`[data-testid="param-group"][data-group="${name}"]`);
  }

  /** One run's cell in a metadata row: status, duration, source, commit, started. */
  metaCell(meta: 'status' | 'duration' | 'source' | 'commit' | 'started', runId: string): Locator {
    return this.paramsDiff.locator(`[data-testid="meta-row"][data-meta="${meta}"] [data-testid="meta-cell"][data-run-id="${runId}"]`);
  }

  summaryRow(key: string, runId: string): Locator {
    return this.summary.locator(`[data-testid="summary-row"][data-metric-key="${key}"][data-run-id="${runId}"]`);
  }

  /** Cells of one metric's summary for one run: last, min, max, step of best, the delta, the best mark. */
  summaryCell(key: string, runId: string, figure: 'last' | 'min' | 'max' | 'best-step' | 'delta' | 'best'): Locator {
    return this.summaryRow(key, runId).getByTestId(figure === 'delta' ? 'metric-delta' : `summary-${figure}`);
  }

  /** The ↓/↑ toggle of a metric in the summary; `data-direction` is min, max or unknown. */
  direction(key: string): Locator {
    return this.summary.locator(`[data-testid="summary-row"][data-metric-key="${key}"] [data-testid="direction"]`);
  }

  async setDirection(key: string, direction: 'min' | 'max') {
    await this.direction(key).getByTestId(`direction-${direction}`).click();
  }

  async removeParallelParam(key: string) {
    await this.runsPlots.locator(`[data-testid="pc-param"][data-key="${key}"]`).getByTestId('pc-remove').click();
  }

  /**
   * Moves the mouse onto the parallel coordinates where an axis has a tick, just right of the
   * axis: every run with that value passes there. (The lines are painted on a canvas, so this is
   * a position, not an element.)
   */
  async hoverParallelTick(axisId: string, tickLabel: string) {
    await this.parallel.scrollIntoViewIfNeeded();
    const axis = this.parallel.locator(`[data-testid="pc-axis"][data-axis-id="${axisId}"]`);
    const line = (await axis.getByTestId('pc-axis-line').boundingBox())!;
    const tick = (await axis.locator(`[data-testid="pc-tick"][data-label="${tickLabel}"]`).boundingBox())!;
    await this.page.mouse.move(line.x + 3, tick.y + tick.height / 2);
  }

  scatterDot(runId: string): Locator {
    return this.scatter.locator(`[data-testid="scatter-dot"][data-run-id="${runId}"]`);
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

  /**
   * The pickers' boxes are driven by the view in the address, which React applies after the
   * hashchange: a click, then waiting for the box to follow, not `check()` (it reads the state
   * back at once and can see the old one).
   */
  private async tick(option: Locator) {
    if (!(await option.isChecked())) await option.click();
    await expect(option).toBeChecked();
  }

  /** Turns "only differences" off; the box follows the address like the pickers' (see tick). */
  async showAllParams() {
    if (await this.onlyDiff.isChecked()) await this.onlyDiff.click();
    await expect(this.onlyDiff).not.toBeChecked();
  }

  async groupBy(...params: string[]) {
    const picker = this.page.getByTestId('group-picker');
    await picker.getByRole('button').first().click();
    for (const param of params) await this.tick(picker.locator(`[data-testid="group-picker-option"][data-value="${param}"]`));
    await this.page.keyboard.press('Escape');
  }

  async pickKeys(...keys: string[]) {
    const picker = this.page.getByTestId('key-picker');
    await picker.getByRole('button').first().click();
    for (const key of keys) {
      await picker.getByTestId('key-picker-search').fill(key);
      await this.tick(picker.locator(`[data-testid="key-picker-option"][data-value="${key}"]`));
    }
    await this.page.keyboard.press('Escape');
  }

  async makeBaseline(runId: string) {
    await this.paramsDiff.locator(`[data-testid="baseline-button"][data-run-id="${runId}"]`).click();
  }
}
