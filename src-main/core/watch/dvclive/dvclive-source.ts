import { stat } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Store } from '../../store/store';
import type { EventHub } from '../../events/event-hub';
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
import { parseYamlParams } from '../../ingest/params/flatten-params';
import { errorText, type IngestSource, type UnitResult } from '../source';
import { walkTree } from '../walk-tree';
import { tailCsv } from '../logger-files/csv-tail';
import { ImportedRunWriter } from '../logger-files/imported-run';
import { WatchedRoots } from '../logger-files/watched-roots';
import { StepWatermark } from '../logger-files/step-watermark';
import { createdAt, modifiedAt, readTextIfExists } from '../logger-files/file-reads';
import { dvcliveDirOf } from './dvclive-layout';

const KIND = 'dvclive';
const NOTHING: UnitResult = { runIds: [], points: 0, problems: [] };

/**
 * DVCLive folders (see ingest/dvclive/dvclive-format.ts): one run per folder holding metric
 * histories under plots/metrics/, or a metrics.json with DVCLive's `step`. Histories are tailed;
 * a history that shrinks (a new `Live()` without resume cleared the folder) is read again,
 * keeping only points beyond the steps already stored. Summary values without a history (logged
 * with plot=False) become points at the summary's step. DVCLive leaves no end marker in its
 * folder (end() writes what next_step() writes), so runs stay RUNNING.
 */
export class DvcliveSource implements IngestSource {
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
    return dvcliveDirOf(changedPath);
  }

  ignoresDir(): boolean {
    return false;
  }

  async findUnits(root: string, problems: string[]): Promise<string[]> {
    if (!(await stat(root)).isDirectory()) return [];
    this.roots.remember(root);
    const candidates: string[] = [];
    await walkTree(root, problems, (dir, entries) => {
      const has = (name: string, dirent: (e: Dirent) => boolean) => entries.some((e) => e.name === name && dirent(e));
      // Candidates only: whether they are DVCLive's is read below, so the walk goes on.
      if (has(DVCLIVE_METRICS_DIR[0], (e) => e.isDirectory()) || has(DVCLIVE_SUMMARY_FILE, (e) => e.isFile())) candidates.push(dir);
      return true;
    });
    const found: string[] = [];
    for (const dir of candidates) if ((await this.read(dir, problems)) !== null) found.push(dir);
    return found;
  }

  /** What the folder holds, or null when it is not DVCLive's. */
  private async read(dir: string, problems: string[]): Promise<{ histories: { key: string; file: string }[]; summary: DvcliveSummary | null } | null> {
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

  async ingest(dir: string): Promise<UnitResult> {
    const problems: string[] = [];
    const found = await this.read(dir, problems);
    if (found === null) return { ...NOTHING, problems };
    const paramsFile = join(dir, DVCLIVE_PARAMS_FILE);
    let params: Record<string, string> = {};
    try {
      const text = await readTextIfExists(paramsFile);
      if (text !== null) {
        const read = parseYamlParams(text, paramsFile);
        params = read.params;
        problems.push(...read.problems);
      }
    } catch (e) {
      problems.push(`${paramsFile}: ${errorText(e)}`);
    }
    const runId = this.runs.write(
      {
        kind: KIND,
        path: dir,
        experiment: this.roots.experimentFor(dir),
        name: this.roots.nameFor(dir),
        status: 'RUNNING',
        startTime: await createdAt(dir),
        endTime: null,
        params,
        tags: {},
      },
      problems,
    );
    if (runId === null) return { ...NOTHING, problems };
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
    return { runIds: [runId], points, problems };
  }

  /** Summary values of metrics without a history, as points at the summary's step. */
  private async summaryOnly(runId: string, dir: string, summary: DvcliveSummary, histories: Set<string>): Promise<number> {
    const at = (await modifiedAt(join(dir, DVCLIVE_SUMMARY_FILE))) ?? Date.now();
    const candidates = summaryPoints(summary, at).filter((p) => !histories.has(p.key));
    if (candidates.length === 0) return 0;
    const kept = this.store.tx(() => {
      const fresh = new StepWatermark(this.store, runId).filter(candidates);
      this.store.metrics.append(runId, fresh);
      if (fresh.length > 0) this.store.runs.heartbeat(runId, at);
      return fresh;
    });
    if (kept.length > 0) this.hub.pointsAppended(runId, [...new Set(kept.map((p) => p.key))]);
    return kept.length;
  }
}

/** Every history file below plots/metrics, with its metric key. */
async function listHistories(metricsDir: string, problems: string[]): Promise<{ key: string; file: string }[]> {
  const exists = await stat(metricsDir).catch(() => null);
  if (!exists?.isDirectory()) return [];
  const out: { key: string; file: string }[] = [];
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

