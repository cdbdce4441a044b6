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
  /** Compares every run the query and filter show. */
  readonly compareAllButton: Locator;
  readonly checkAll: Locator;
  readonly columnsButton: Locator;
  readonly columnChooser: Locator;
  readonly columnSearch: Locator;
  readonly viewsButton: Locator;
  readonly viewsMenu: Locator;
  /** The applied view's name on the views button. */
  readonly appliedView: Locator;
  /** Shows only the runs whose data has a newer version. */
  readonly newerDataToggle: Locator;

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
    this.compareAllButton = page.getByTestId('compare-all-button');
    this.columnsButton = page.getByTestId('column-chooser-button');
    this.columnChooser = page.getByTestId('column-chooser');
    this.columnSearch = page.getByTestId('column-search');
    this.viewsButton = page.getByTestId('views-menu-button');
    this.viewsMenu = page.getByTestId('views-menu');
    this.appliedView = page.getByTestId('applied-view');
    this.newerDataToggle = page.getByTestId('newer-data-toggle');
  }

  /** A column's box in the column chooser (which must be open), by column id. */
  columnOption(columnId: string): Locator {
    return this.columnChooser.locator(`[data-testid="column-option"][data-column-id="${columnId}"]`);
  }

  /** Ticks or unticks a column in the chooser, searching for its key first. */
  async toggleColumn(columnId: string, search: string) {
    if (!(await this.columnChooser.isVisible())) await this.columnsButton.click();
    await this.columnSearch.fill(search);
    await this.columnOption(columnId).click();
  }

  /** The header cell of a column, by column id. */
  columnHeader(columnId: string): Locator {
    return this.page.getByRole('columnheader').filter({ has: this.page.getByTestId(`sort-${columnId}`) });
  }

  async sortBy(columnId: string) {
    await this.page.getByTestId(`sort-${columnId}`).click();
  }

  /** Run ids of the rows drawn, top to bottom. */
  rowIds(): Promise<string[]> {
    return this.rows.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-run-id') ?? ''));
  }

  /** A saved view's entry in the views menu (which must be open). */
  view(name: string): Locator {
    return this.viewsMenu.locator(`[data-testid="view-item"][data-view-name="${name}"]`);
  }

  async openViews() {
    if (!(await this.viewsMenu.isVisible())) await this.viewsButton.click();
  }

  /** Saves the table's query, sort and columns as a view. */
  async saveView(name: string) {
    await this.openViews();
    await this.viewsMenu.getByTestId('view-name').fill(name);
    await this.viewsMenu.getByTestId('view-save').click();
    await this.view(name).waitFor();
  }

  async applyView(name: string) {
    await this.openViews();
    await this.view(name).getByTestId('view-apply').click();
  }

  async deleteView(name: string) {
    await this.openViews();
    await this.view(name).getByTestId('view-delete').click();
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
