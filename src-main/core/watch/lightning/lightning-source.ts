import { stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Store } from '../../store/store';
import type { EventHub } from '../../events/event-hub';
import { firstLine } from '../../ingest/csv/csv-line';
import { LIGHTNING_HPARAMS_FILE, LIGHTNING_METRICS_FILE, lightningColumns, lightningRowReader } from '../../ingest/lightning/lightning-csv';
import { parseYamlParams } from '../../ingest/params/flatten-params';
import { errorText, type IngestSource, type UnitResult } from '../source';
import { walkTree } from '../walk-tree';
import { tailCsv } from '../logger-files/csv-tail';
import { ImportedRunWriter } from '../logger-files/imported-run';
import { WatchedRoots } from '../logger-files/watched-roots';
import { createdAt, readHead, readTextIfExists } from '../logger-files/file-reads';

const KIND = 'lightning-csv';
const VERSION_DIR = /^version_\d+$/;
const NOTHING: UnitResult = { runIds: [], points: 0, problems: [] };

/**
 * Lightning CSVLogger folders (`<save_dir>/<name>/version_<n>/`): a folder whose metrics.csv has
 * Lightning's header (a `step` column), or a `version_<n>` folder holding hparams.yaml (written
 * at the start, before the first metrics are flushed). The run is named `<name>/version_<n>`;
 * its experiment is `<name>`, the logger's "experiment name" — the version folder's parent.
 * Lightning marks no end, so runs stay RUNNING.
 */
export class LightningCsvSource implements IngestSource {
  readonly kind = KIND;
  private readonly roots: WatchedRoots;
  private readonly runs: ImportedRunWriter;

  constructor(
    private readonly store: Store,
    private readonly hub: EventHub,
  ) {
    this.roots = new WatchedRoots(store);
    this.runs = new ImportedRunWriter(store, hub);
  }

  unitFor(changedPath: string): string | null {
    const name = basename(changedPath);
    return name === LIGHTNING_METRICS_FILE || name === LIGHTNING_HPARAMS_FILE ? dirname(changedPath) : null;
  }

  ignoresDir(): boolean {
    return false;
  }

  async findUnits(root: string, problems: string[]): Promise<string[]> {
    if (!(await stat(root)).isDirectory()) return [];
    this.roots.remember(root);
    const candidates: string[] = [];
    await walkTree(root, problems, (dir, entries) => {
      if (entries.some((e) => e.isFile() && (e.name === LIGHTNING_METRICS_FILE || e.name === LIGHTNING_HPARAMS_FILE))) candidates.push(dir);
      return true;
    });
    const found: string[] = [];
    for (const dir of candidates) if ((await this.recognise(dir, problems)) !== null) found.push(dir);
    return found;
  }

  /** The metrics header (null while there is none yet), or null overall when `dir` is not a Lightning run. */
  private async recognise(dir: string, problems: string[]): Promise<{ header: string | null } | null> {
    let head;
    try {
      head = await readHead(join(dir, LIGHTNING_METRICS_FILE));
    } catch (e) {
      problems.push(`${join(dir, LIGHTNING_METRICS_FILE)}: ${errorText(e)}`);
      return null;
    }
    const header = head === null ? null : firstLine(head.text);
    if (header !== null) return lightningColumns(header) ? { header } : null;
    const hparams = await stat(join(dir, LIGHTNING_HPARAMS_FILE)).catch(() => null);
    return hparams?.isFile() && VERSION_DIR.test(basename(dir)) ? { header: null } : null;
  }

  async ingest(dir: string): Promise<UnitResult> {
    const problems: string[] = [];
    if ((await this.recognise(dir, problems)) === null) return { ...NOTHING, problems };
    let hparamsText: string | null = null;
    try {
      hparamsText = await readTextIfExists(join(dir, LIGHTNING_HPARAMS_FILE));
    } catch (e) {
      problems.push(`${join(dir, LIGHTNING_HPARAMS_FILE)}: ${errorText(e)}`);
    }
    const hparams = hparamsText === null ? { params: {}, problems: [] } : parseYamlParams(hparamsText, join(dir, LIGHTNING_HPARAMS_FILE));
    problems.push(...hparams.problems);
    const name = basename(dirname(dir));
    const runId = this.runs.write(
      {
        kind: KIND,
        path: dir,
        experiment: name || this.roots.experimentFor(dir),
        name: `${name}/${basename(dir)}`,
        status: 'RUNNING',
        startTime: await createdAt(dir),
        endTime: null,
        params: hparams.params,
        tags: {},
      },
      problems,
    );
    if (runId === null) return { ...NOTHING, problems };
    const now = Date.now();
    const points = await tailCsv(
      this.store,
      this.hub,
      {
        runId,
        file: join(dir, LIGHTNING_METRICS_FILE),
        format: (header) => {
          const columns = lightningColumns(header);
          return columns && { sep: ',', read: lightningRowReader(columns, now) };
        },
        onHeaderChange: 'realign',
      },
      problems,
    );
    return { runIds: [runId], points, problems };
  }
}
