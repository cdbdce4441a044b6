import type { Locator, Page } from '@playwright/test';

/** The lineage page (`#/lineage?focus=…&q=…`): nodes and edges carry their kind and ids as data attributes. */
export class LineagePage {
  readonly root: Locator;
  /** Carries `data-drawn` once a layout has been painted, `data-nodes` / `data-edges` the graph's size. */
  readonly canvas: Locator;
  readonly nodes: Locator;
  readonly edges: Locator;
  readonly edgeLabels: Locator;
  readonly search: Locator;
  readonly matchCount: Locator;
  readonly focusSummary: Locator;
  readonly panel: Locator;
  readonly empty: Locator;

  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {
    this.root = page.getByTestId('lineage-page');
    this.canvas = page.getByTestId('lineage-canvas');
    this.nodes = page.getByTestId('lineage-node');
    this.edges = page.getByTestId('lineage-edge');
    this.edgeLabels = page.getByTestId('lineage-edge-label');
    this.search = page.getByTestId('lineage-search');
    this.matchCount = page.getByTestId('lineage-match-count');
    this.focusSummary = page.getByTestId('lineage-focus-summary');
    this.panel = page.getByTestId('lineage-panel');
    this.empty = page.getByTestId('lineage-empty');
  }

  async open(query = '') {
    await this.page.goto(`${this.baseUrl}#/lineage${query ? `?${query}` : ''}`);
    await this.root.waitFor();
  }

  async waitDrawn() {
    await this.canvas.and(this.page.locator('[data-drawn]')).waitFor();
  }

  node(id: string): Locator {
    return this.page.locator(`[data-testid="lineage-node"][data-node-id="${id}"]`);
  }

  nodesOfKind(kind: string): Locator {
    return this.page.locator(`[data-testid="lineage-node"][data-kind="${kind}"]`);
  }

  /** "from>to" of every edge drawn, sorted. */
  async edgePairs(tone?: string): Promise<string[]> {
    const selector = tone ? `[data-testid="lineage-edge"][data-tone="${tone}"]` : '[data-testid="lineage-edge"]';
    const pairs = await this.page.locator(selector).evaluateAll((paths) => paths.map((p) => `${p.getAttribute('data-kind')} ${p.getAttribute('data-from')}>${p.getAttribute('data-to')}`));
    return pairs.sort();
  }

  /** Ids of the nodes drawn with this tone (`lit`, `dim`, `focus`, `match`), sorted. */
  async nodeIds(tone?: string): Promise<string[]> {
    const selector = tone ? `[data-testid="lineage-node"][data-tone="${tone}"]` : '[data-testid="lineage-node"]';
    const ids = await this.page.locator(selector).evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-node-id') ?? ''));
    return ids.sort();
  }
}
