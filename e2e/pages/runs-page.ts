import type { Locator, Page } from '@playwright/test';

export class RunsPage {
  readonly table: Locator;
  readonly rows: Locator;
  readonly rowCount: Locator;
  readonly filter: Locator;
  readonly emptyState: Locator;
  readonly loadSamplesButton: Locator;
  readonly connection: Locator;
  readonly query: Locator;
  readonly queryError: Locator;
  /** The token the parser stopped at, marked in a copy of the query. */
  readonly queryErrorToken: Locator;
  readonly compareButton: Locator;
  readonly checkAll: Locator;

  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {
    this.table = page.getByTestId('runs-table');
    this.rows = page.getByTestId('run-row');
    this.rowCount = page.getByTestId('row-count');
    this.filter = page.getByTestId('runs-filter');
    this.emptyState = page.getByTestId('empty-state');
    this.loadSamplesButton = page.getByTestId('load-samples');
    this.connection = page.getByTestId('connection-indicator');
    this.query = page.getByTestId('runs-query');
    this.queryError = page.getByTestId('runs-query-error');
    this.queryErrorToken = page.getByTestId('runs-query-error-token');
    this.compareButton = page.getByTestId('compare-button');
    this.checkAll = page.getByTestId('run-check-all');
  }

  /** Runs a query in MLflow's filter syntax (applied on Enter). */
  async runQuery(query: string) {
    await this.query.fill(query);
    await this.query.press('Enter');
  }

  /** Ticks a run's box for comparison; `shift` extends a range from the last ticked run. */
  async check(runId: string, opts: { shift?: boolean } = {}) {
    await this.row(runId).getByTestId('run-check').click({ modifiers: opts.shift ? ['Shift'] : [] });
  }

  /** Opens the runs page and waits until the event feed is live, so no event is missed. */
  async open() {
    await this.page.goto(`${this.baseUrl}#/runs`);
    await this.connection.and(this.page.locator('[data-state="live"]')).waitFor();
  }

  row(runId: string): Locator {
    return this.page.locator(`[data-testid="run-row"][data-run-id="${runId}"]`);
  }

  /** A cell by column id: `status`, `name`, `duration`, `param:<key>`, `metric:<key>`, … */
  cell(runId: string, column: string): Locator {
    return this.row(runId).locator(`[data-column="${column}"]`);
  }

  rowNamed(name: string): Locator {
    return this.rows.filter({ hasText: name });
  }

  /** The files with problems listed under the watched folders (opens the drawer if needed). */
  async watchProblems() {
    const panel = this.page.getByTestId('watch-panel');
    if (!(await panel.isVisible())) await this.page.getByTestId('watch-panel-toggle').click();
    return panel.getByTestId('watch-root-problem');
  }

  /** Adds a watched folder from the empty state or the watched-folders drawer. */
  async watchFolder(path: string) {
    const panel = this.page.getByTestId('watch-panel');
    if (!(await panel.isVisible())) await this.page.getByTestId('watch-panel-toggle').click();
    await panel.getByTestId('watch-path-input').fill(path);
    await panel.getByTestId('watch-add').click();
  }

  async openRun(runId: string) {
    await this.row(runId).click();
  }
}
