import type { Locator, Page } from '@playwright/test';

/** The top bar's bell and its panel, the Alerts page with its rules, and the toasts. */
export class AlertsPage {
  readonly bell: Locator;
  readonly unread: Locator;
  readonly panel: Locator;
  readonly markAll: Locator;
  readonly rows: Locator;
  readonly toasts: Locator;
  readonly root: Locator;
  readonly builtins: Locator;
  readonly userRules: Locator;
  readonly add: Locator;
  readonly form: Locator;
  readonly ruleError: Locator;

  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {
    this.bell = page.getByTestId('alerts-panel-button');
    this.unread = page.getByTestId('alerts-unread');
    this.panel = page.getByTestId('alerts-panel');
    this.markAll = page.getByTestId('alerts-mark-all');
    this.rows = page.getByTestId('alert-row');
    this.toasts = page.getByTestId('toast');
    this.root = page.getByTestId('alerts-page');
    this.builtins = page.getByTestId('builtin-rule');
    this.userRules = page.getByTestId('user-rule');
    this.add = page.getByTestId('rule-add');
    this.form = page.getByTestId('rule-form');
    this.ruleError = page.getByTestId('rule-error');
  }

  async goto(experiment?: string) {
    await this.page.goto(`${this.baseUrl}#/alerts${experiment ? `?experiment=${encodeURIComponent(experiment)}` : ''}`);
  }

  builtin(kind: string): Locator {
    return this.page.locator(`[data-testid="builtin-rule"][data-kind="${kind}"]`);
  }

  /** Fills the open rule form; fields left out keep what they hold. */
  async fillRule(fields: { kind?: string; metric?: string; op?: string; value?: string; minutes?: string }) {
    if (fields.kind !== undefined) await this.form.getByTestId('rule-kind').selectOption(fields.kind);
    if (fields.metric !== undefined) await this.form.getByTestId('rule-metric').fill(fields.metric);
    if (fields.op !== undefined) await this.form.getByTestId('rule-op').selectOption(fields.op);
    if (fields.value !== undefined) await this.form.getByTestId('rule-value').fill(fields.value);
    if (fields.minutes !== undefined) await this.form.getByTestId('rule-minutes').fill(fields.minutes);
  }
}
