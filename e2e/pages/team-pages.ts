import type { Locator, Page } from '@playwright/test';

/** The Team page: remotes, a remote's browser, followed experiments. */
export class TeamPage {
  readonly root: Locator;
  readonly empty: Locator;
  readonly add: Locator;
  readonly form: Locator;
  readonly experiments: Locator;
  readonly remoteRuns: Locator;
  readonly pullJob: Locator;
  readonly follows: Locator;

  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {
    this.root = page.getByTestId('team-page');
    this.empty = page.getByTestId('remotes-empty');
    this.add = page.getByTestId('remote-add');
    this.form = page.getByTestId('remote-form');
    this.experiments = page.getByTestId('remote-experiment');
    this.remoteRuns = page.getByTestId('remote-run');
    this.pullJob = page.getByTestId('pull-job');
    this.follows = page.getByTestId('follow-row');
  }

  async goto(remote?: string, experiment?: string) {
    const query = new URLSearchParams({ ...(remote ? { remote } : {}), ...(experiment ? { experiment } : {}) }).toString();
    await this.page.goto(`${this.baseUrl}#/team${query ? `?${query}` : ''}`);
  }

  row(name: string): Locator {
    return this.page.locator(`[data-testid="remote-row"][data-name="${name}"]`);
  }

  experiment(name: string): Locator {
    return this.experiments.filter({ hasText: name });
  }

  remoteRun(name: string): Locator {
    return this.remoteRuns.filter({ hasText: name });
  }

  async fill(fields: { name?: string; url?: string; username?: string; secret?: string }) {
    if (fields.name !== undefined) await this.form.getByTestId('remote-name').fill(fields.name);
    if (fields.url !== undefined) await this.form.getByTestId('remote-url').fill(fields.url);
    if (fields.username !== undefined) await this.form.getByTestId('remote-username').fill(fields.username);
    if (fields.secret !== undefined) await this.form.getByTestId('remote-secret').fill(fields.secret);
  }
}

/** The Push… dialog of the runs table. */
export class PushDialog {
  readonly root: Locator;
  readonly remote: Locator;
  readonly submit: Locator;
  readonly progress: Locator;
  /** Close once the push ended. */
  readonly close: Locator;
  readonly cancel: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('push-dialog');
    this.remote = this.root.getByTestId('push-remote');
    this.submit = this.root.getByTestId('push-submit');
    this.progress = this.root.getByTestId('sync-progress');
    this.close = this.root.getByTestId('push-done-close');
    this.cancel = this.root.getByTestId('push-cancel');
  }

  scope(name: 'selected' | 'shown' | 'experiment'): Locator {
    return this.root.getByTestId(`push-scope-${name}`).locator('input');
  }
}
