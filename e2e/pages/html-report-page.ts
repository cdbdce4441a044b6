// An exported HTML report opened in the browser: its tables, charts and tooltip.
import type { Locator, Page } from '@playwright/test';

export class HtmlReportPage {
  readonly runsTable: Locator;
  readonly charts: Locator;
  readonly tooltip: Locator;

  constructor(readonly page: Page) {
    this.runsTable = page.locator('table.runs');
    this.charts = page.locator('svg.chart');
    this.tooltip = page.locator('#report-tooltip');
  }

  chart(key: string): Locator {
    return this.page.locator(`svg.chart[data-key="${key}"]`);
  }

  /** The run's drawn line in a chart (dots for lone points are not lines). */
  line(key: string, runId: string): Locator {
    return this.chart(key).locator(`path[data-run="${runId}"]`);
  }

  legendEntry(key: string, runId: string): Locator {
    return this.chart(key).locator(`.legend-item[data-run="${runId}"]`);
  }

  /** The exact numbers of a summary row: last, min, max, then Δ vs baseline when there is one. */
  async summaryValues(key: string, runId: string): Promise<number[]> {
    const cells = this.page.locator(`tbody.metric[data-key="${key}"] tr[data-run="${runId}"] td[data-value]`);
    return (await cells.evaluateAll((tds) => tds.map((td) => td.getAttribute('data-value')))).map(Number);
  }

  /** Moves the pointer to a fraction of the way across a chart's plot area, half-way down. */
  async hover(key: string, fraction: number): Promise<void> {
    const chart = this.chart(key);
    await chart.scrollIntoViewIfNeeded();
    const plot = (await chart.getAttribute('data-plot'))!.split(' ').map(Number) as [number, number, number, number];
    const width = Number(await chart.getAttribute('width'));
    const box = (await chart.boundingBox())!;
    const scale = box.width / width;
    await this.page.mouse.move(box.x + (plot[0] + fraction * plot[2]) * scale, box.y + (plot[1] + plot[3] / 2) * scale);
  }
}
