import { expect, type Download, type Locator, type Page } from '@playwright/test';
import type { ReportFormat } from '../../src-shared/report';

/** The compare page's Export… button and the dialog it opens. */
export class ExportDialog {
  readonly button: Locator;
  readonly root: Locator;
  readonly submit: Locator;
  readonly progress: Locator;
  readonly done: Locator;
  readonly files: Locator;
  readonly failed: Locator;
  readonly again: Locator;
  readonly close: Locator;
  readonly metrics: Locator;
  readonly points: Locator;

  constructor(readonly page: Page) {
    this.button = page.getByTestId('export-button');
    this.root = page.getByTestId('export-dialog');
    this.submit = this.root.getByTestId('export-submit');
    this.progress = this.root.getByTestId('export-progress');
    this.done = this.root.getByTestId('export-done');
    this.files = this.root.getByTestId('export-file');
    this.failed = this.root.getByTestId('export-failed');
    this.again = this.root.getByTestId('export-again');
    this.close = this.root.getByTestId('export-close');
    this.metrics = this.root.getByTestId('export-metrics');
    this.points = this.root.getByTestId('export-points');
  }

  async open() {
    await this.button.click();
    await expect(this.root).toBeVisible();
    await expect(this.root).toHaveAttribute('data-step', 'choose');
  }

  async chooseFormat(format: ReportFormat) {
    await this.root.getByTestId(`export-format-${format}`).click();
  }

  section(name: string): Locator {
    return this.root.getByTestId(`export-section-${name}`);
  }

  metric(key: string): Locator {
    return this.metrics.getByRole('checkbox', { name: key, exact: true });
  }

  /** Exports and returns the download the dialog starts when the report is done. */
  async exportAndDownload(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.submit.click();
    return download;
  }
}
