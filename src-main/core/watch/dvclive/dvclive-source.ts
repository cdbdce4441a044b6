import { stat } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import {
  DVCLIVE_METRICS_DIR,
  DVCLIVE_PARAMS_FILE,
  DVCLIVE_SUMMARY_FILE,
  DVCLIVE_TSV,
  TSV_SEP,
  dvcliveKey,
  dvcliveRowReader,
  dvcliveTsvColumns,
  parseDvcliveSummary,
  summaryPoints,
  type DvcliveSummary,
} from '../../ingest/dvclive/dvclive-format';
import { errorText } from '../source';
import { walkTree } from '../walk-tree';
import { tailCsv } from '../logger-files/csv-tail';
import { LoggerFileSource, type RunFields } from '../logger-files/logger-file-source';
import { appendBeyondStoredSteps } from '../logger-files/step-watermark';
import { readYamlParamsFile } from '../logger-files/yaml-params-file';
import { modifiedAt, readTextIfExists } from '../logger-files/file-reads';
import { dvcliveDirOf } from './dvclive-layout';

interface History {
  key: string;
  file: string;
}

interface DvcliveFolder {
  histories: History[];
  summary: DvcliveSummary | null;
}

/**
 * DVCLive folders (see ingest/dvclive/dvclive-format.ts): one run per folder holding metric
 * histories under plots/metrics/, or a metrics.json with DVCLive's `step`. Histories are tailed;
 * a history that shrinks (a new `Live()` without resume cleared the folder) is read again,
 * keeping only points beyond the steps already stored. Summary values without a history (logged
 * with plot=False) become points at the summary's step. DVCLive leaves no end marker in its
 * folder (end() writes what next_step() writes), so runs stay RUNNING.
 */
export class DvcliveSource extends LoggerFileSource<DvcliveFolder> {
  readonly kind = 'dvclive';

  unitFor(changedPath: string): string | null {
    return dvcliveDirOf(changedPath);
  }

  protected candidatesIn(dir: string, entries: Dirent[]): string[] {
    const has = (name: string, dirent: (e: Dirent) => boolean) => entries.some((e) => e.name === name && dirent(e));
    return has(DVCLIVE_METRICS_DIR[0], (e) => e.isDirectory()) || has(DVCLIVE_SUMMARY_FILE, (e) => e.isFile()) ? [dir] : [];
  }

  protected async read(dir: string, problems: string[]): Promise<DvcliveFolder | null> {
    const histories = await listHistories(join(dir, ...DVCLIVE_METRICS_DIR), problems);
    let summary: DvcliveSummary | null = null;
    const summaryFile = join(dir, DVCLIVE_SUMMARY_FILE);
    try {
      const text = await readTextIfExists(summaryFile);
      if (text !== null) summary = parseDvcliveSummary(text);
    } catch (e) {
      // Rewritten whole at every step: caught mid-write it reads on the next change.
      if (histories.length > 0) problems.push(`${summaryFile}: ${errorText(e)}`);
    }
    if (histories.length === 0 && summary?.step == null) return null;
    return { histories, summary };
  }

  protected async describe(dir: string, _found: DvcliveFolder, problems: string[]): Promise<RunFields> {
    return this.unendedRun(dir, await readYamlParamsFile(join(dir, DVCLIVE_PARAMS_FILE), problems));
  }

  protected async storePoints(runId: string, dir: string, found: DvcliveFolder, problems: string[]): Promise<number> {
    let points = 0;
    const now = Date.now();
    for (const { key, file } of found.histories) {
      points += await tailCsv(
        this.store,
        this.hub,
        {
          runId,
          file,
          format: (header) => {
            const columns = dvcliveTsvColumns(header);
            return columns && { sep: TSV_SEP, read: dvcliveRowReader(key, columns, now) };
          },
          onHeaderChange: 'reread',
        },
        problems,
      );
    }
    if (found.summary) points += await this.summaryOnly(runId, dir, found.summary, new Set(found.histories.map((h) => h.key)));
    return points;
  }

  /** Summary values of metrics without a history, as points at the summary's step. */
  private async summaryOnly(runId: string, dir: string, summary: DvcliveSummary, histories: Set<string>): Promise<number> {
    const at = (await modifiedAt(join(dir, DVCLIVE_SUMMARY_FILE))) ?? Date.now();
    const candidates = summaryPoints(summary, at).filter((p) => !histories.has(p.key));
    return appendBeyondStoredSteps(this.store, this.hub, runId, candidates, at);
  }
}

/** Every history file below plots/metrics, with its metric key. */
async function listHistories(metricsDir: string, problems: string[]): Promise<History[]> {
  const exists = await stat(metricsDir).catch(() => null);
  if (!exists?.isDirectory()) return [];
  const out: History[] = [];
  await walkTree(metricsDir, problems, (d, entries) => {
    for (const e of entries) {
      if (e.isFile() && e.name.endsWith(DVCLIVE_TSV)) {
        const file = join(d, e.name);
        out.push({ key: dvcliveKey(relative(metricsDir, file).split(sep)), file });
      }
    }
    return true;
  });
  return out.sort((a, b) => a.key.localeCompare(b.key));
}
