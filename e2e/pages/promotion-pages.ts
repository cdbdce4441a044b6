import type { Locator, Page } from '@playwright/test';

/** The "Promote model…" dialog, wherever it was opened from. */
export class PromoteDialog {
  readonly root: Locator;
  readonly registry: Locator;
  readonly remoteName: Locator;
  readonly alias: Locator;
  readonly check: Locator;
  readonly verdict: Locator;
  readonly rules: Locator;
  readonly baseline: Locator;
  readonly overrideReason: Locator;
  readonly promote: Locator;
  readonly editRules: Locator;
  readonly rulesEditor: Locator;
  readonly saveRules: Locator;
  readonly progress: Locator;
  readonly files: Locator;
  readonly cancel: Locator;
  readonly result: Locator;
  readonly noRegistries: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('promote-dialog');
    this.registry = this.root.getByTestId('promote-registry');
    this.remoteName = this.root.getByTestId('promote-remote-name');
    this.alias = this.root.getByTestId('promote-alias');
    this.check = this.root.getByTestId('promote-check');
    this.verdict = this.root.getByTestId('gate-verdict');
    this.rules = this.root.getByTestId('gate-rule');
    this.baseline = this.root.getByTestId('gate-baseline');
    this.overrideReason = this.root.getByTestId('promote-override-reason');
    this.promote = this.root.getByTestId('promote-submit');
    this.editRules = this.root.getByTestId('promote-edit-rules');
    this.rulesEditor = this.root.getByTestId('promote-rules-editor');
    this.saveRules = this.root.getByTestId('promote-rules-save');
    this.progress = this.root.getByTestId('promote-progress');
    this.files = this.root.getByTestId('promote-file');
    this.cancel = this.root.getByTestId('promote-cancel');
    this.result = this.root.getByTestId('promote-result');
    this.noRegistries = this.root.getByTestId('promote-no-registries');
  }
}

export class RegistriesPage {
  readonly root: Locator;
  readonly empty: Locator;
  readonly add: Locator;
  readonly form: Locator;
  readonly rows: Locator;

  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {
    this.root = page.getByTestId('registries-page');
    this.empty = page.getByTestId('registries-empty');
    this.add = page.getByTestId('registry-add');
    this.form = page.getByTestId('registry-form');
    this.rows = page.getByTestId('registry-row');
  }

  async open() {
    await this.page.goto(`${this.baseUrl}#/settings/registries`);
    await this.root.waitFor();
  }

  row(name: string): Locator {
    return this.page.locator(`[data-testid="registry-row"][data-name="${name}"]`);
  }

  /** Fills the open form; `secret` empty leaves the field untouched. */
  async fill(fields: { name?: string; kind?: 'mlflow' | 'oci'; url?: string; username?: string; secret?: string }) {
    if (fields.name !== undefined) await this.form.getByTestId('registry-name').fill(fields.name);
    if (fields.kind) await this.form.getByTestId('registry-kind').selectOption(fields.kind);
    if (fields.url !== undefined) await this.form.getByTestId('registry-url').fill(fields.url);
    if (fields.username !== undefined) await this.form.getByTestId('registry-username').fill(fields.username);
    if (fields.secret) await this.form.getByTestId('registry-secret').fill(fields.secret);
  }
}

export class ModelsPage {
  readonly root: Locator;
  readonly empty: Locator;
  readonly rows: Locator;

  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {
    this.root = page.getByTestId('models-page');
    this.empty = page.getByTestId('models-empty');
    this.rows = this.root.getByTestId('promotion-row');
  }

  async open() {
    await this.page.goto(`${this.baseUrl}#/models`);
    await this.root.waitFor();
  }

  filter(outcome: string): Locator {
    return this.page.getByTestId(`models-filter-${outcome}`);
  }
}
