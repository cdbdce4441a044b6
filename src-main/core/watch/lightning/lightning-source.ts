import { stat } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { firstLine } from '../../ingest/csv/csv-line';
import { LIGHTNING_HPARAMS_FILE, LIGHTNING_METRICS_FILE, lightningColumns, lightningRowReader } from '../../ingest/lightning/lightning-csv';
import { errorText } from '../source';
import { tailCsv } from '../logger-files/csv-tail';
import { LoggerFileSource, type RunFields } from '../logger-files/logger-file-source';
import { readYamlParamsFile } from '../logger-files/yaml-params-file';
import { createdAt, readHead } from '../logger-files/file-reads';

const VERSION_DIR = /^version_\d+$/;

/** The metrics header, or null while there is none yet. */
interface LightningRun {
  header: string | null;
}

/**
 * Lightning CSVLogger folders (`<save_dir>/<name>/version_<n>/`): a folder whose metrics.csv has
 * Lightning's header (a `step` column), or a `version_<n>` folder holding hparams.yaml (written
 * at the start, before the first metrics are flushed). The run is named `<name>/version_<n>`;
 * its experiment is `<name>`, the logger's "experiment name" — the version folder's parent.
 * Lightning marks no end, so runs stay RUNNING.
 */
export class LightningCsvSource extends LoggerFileSource<LightningRun> {
  readonly kind = 'lightning-csv';

  unitFor(changedPath: string): string | null {
    const name = basename(changedPath);
    return name === LIGHTNING_METRICS_FILE || name === LIGHTNING_HPARAMS_FILE ? dirname(changedPath) : null;
  }

  protected candidatesIn(dir: string, entries: Dirent[]): string[] {
    return entries.some((e) => e.isFile() && (e.name === LIGHTNING_METRICS_FILE || e.name === LIGHTNING_HPARAMS_FILE)) ? [dir] : [];
  }

  protected async read(dir: string, problems: string[]): Promise<LightningRun | null> {
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

  protected async describe(dir: string, _found: LightningRun, problems: string[]): Promise<RunFields> {
    const params = await readYamlParamsFile(join(dir, LIGHTNING_HPARAMS_FILE), problems);
    const name = basename(dirname(dir));
    return {
      experiment: name || this.roots.experimentFor(dir),
      name: `${name}/${basename(dir)}`,
      status: 'RUNNING',
      startTime: await createdAt(dir),
      endTime: null,
      params,
      tags: {},
    };
  }

  protected storePoints(runId: string, dir: string, _found: LightningRun, problems: string[]): Promise<number> {
    const now = Date.now();
    return tailCsv(
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
  }
}
