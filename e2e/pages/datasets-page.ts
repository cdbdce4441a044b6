import type { Locator, Page } from '@playwright/test';

/** The datasets list (`#/datasets`) and a dataset's page (`#/datasets/<name>`). */
export class DatasetsPage {
  readonly list: Locator;
  readonly listRows: Locator;
  readonly root: Locator;
  readonly versionCount: Locator;
  readonly versionRows: Locator;
  readonly chart: Locator;
  readonly diff: Locator;
  readonly diffBase: Locator;
  readonly diffNext: Locator;
  readonly diffRowsDelta: Locator;
  readonly columnsAdded: Locator;
  readonly columnsRemoved: Locator;
  readonly columnsRetyped: Locator;
  readonly lineageLink: Locator;

  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {
    this.list = page.getByTestId('datasets-table');
    this.listRows = page.getByTestId('dataset-row');
    this.root = page.getByTestId('dataset-page');
    this.versionCount = page.getByTestId('dataset-version-count');
    this.versionRows = page.getByTestId('version-row');
    this.chart = page.getByTestId('dataset-chart');
    this.diff = page.getByTestId('version-diff');
    this.diffBase = page.getByTestId('diff-base');
    this.diffNext = page.getByTestId('diff-next');
    this.diffRowsDelta = page.getByTestId('diff-rows-delta');
    this.columnsAdded = page.getByTestId('column-added');
    this.columnsRemoved = page.getByTestId('column-removed');
    this.columnsRetyped = page.getByTestId('column-retyped');
    this.lineageLink = page.getByTestId('dataset-lineage-link');
  }

  async openList() {
    await this.page.goto(`${this.baseUrl}#/datasets`);
    await this.page.getByTestId('datasets-page').waitFor();
  }

  async open(name: string) {
    await this.page.goto(`${this.baseUrl}#/datasets/${name.split('/').map(encodeURIComponent).join('/')}`);
    await this.root.waitFor();
  }

  listRow(name: string): Locator {
    return this.list.locator(`[data-testid="dataset-row"][data-name="${name}"]`);
  }

  /** A version's row, numbered from the oldest (1). */
  versionRow(n: number): Locator {
    return this.page.locator(`[data-testid="version-row"][data-version="${n}"]`);
  }
}
