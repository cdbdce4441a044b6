import type { Locator, Page } from '@playwright/test';

export class RunPage {
  readonly root: Locator;
  readonly name: Locator;
  readonly source: Locator;
  readonly deletedBadge: Locator;
  readonly artifacts: Locator;
  readonly preview: Locator;
  readonly inputs: Locator;
  readonly outputs: Locator;
  readonly models: Locator;
  readonly newerData: Locator;
  readonly lineageLink: Locator;
  readonly compareWithButton: Locator;
  readonly compareWith: Locator;

  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {
    this.root = page.getByTestId('run-page');
    this.name = page.getByTestId('run-name');
    this.source = page.getByTestId('run-source');
    this.deletedBadge = page.getByTestId('run-deleted');
    this.artifacts = page.getByTestId('artifacts-panel');
    this.preview = this.artifacts.getByTestId('artifact-preview');
    this.inputs = page.getByTestId('inputs-panel');
    this.outputs = page.getByTestId('outputs-panel');
    this.models = page.getByTestId('models-panel');
    this.newerData = page.getByTestId('run-newer-data');
    this.lineageLink = page.getByTestId('run-lineage-link');
    this.compareWithButton = page.getByTestId('compare-with-button');
    this.compareWith = page.getByTestId('compare-with');
  }

  /** Picks runs in the "Compare with…" picker (searching each by name) and opens the comparison. */
  async compareWithRuns(names: string[]) {
    await this.compareWithButton.click();
    for (const name of names) {
      await this.compareWith.getByTestId('compare-with-search').fill(name);
      await this.compareWith.getByTestId('compare-with-run').filter({ hasText: name }).getByRole('checkbox').check();
    }
    await this.compareWith.getByTestId('compare-with-go').click();
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

  /** A file or folder row in the run's artifact tree, by its path from the artifact root. */
  artifact(path: string): Locator {
    return this.artifacts.locator(`[data-testid="artifact-row"][data-path="${path}"]`);
  }

  datasetInput(name: string): Locator {
    return this.inputs.locator(`[data-testid="dataset-input"][data-name="${name}"]`);
  }

  datasetOutput(name: string): Locator {
    return this.outputs.locator(`[data-testid="dataset-output"][data-name="${name}"]`);
  }
}
