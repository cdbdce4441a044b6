import { stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Store } from '../../store/store';
import type { EventHub } from '../../events/event-hub';
import { kerasHeader, kerasRowReader, looksLikeKerasRow } from '../../ingest/keras/keras-csv';
import { errorText, type IngestSource, type UnitResult } from '../source';
import { walkTree } from '../walk-tree';
import { tailCsv } from '../logger-files/csv-tail';
import { ImportedRunWriter } from '../logger-files/imported-run';
import { WatchedRoots } from '../logger-files/watched-roots';
import { createdAt, readHead } from '../logger-files/file-reads';

const KIND = 'keras-csv';
/** CSVLogger takes any file name; `.csv` is usual and Keras's own example writes `training.log`. */
const EXTENSIONS = new Set(['.csv', '.log']);
const NOTHING: UnitResult = { runIds: [], points: 0, problems: [] };

/**
 * Keras CSVLogger files: any `.csv`/`.log` under a watched folder whose header is `epoch` then
 * metric names and whose first row is an integer epoch and numbers. One run per file, named by
 * its path below the watched folder, in the experiment named after that folder; step = epoch.
 * Keras marks no end, so runs stay RUNNING.
 */
export class KerasCsvSource implements IngestSource {
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
    return EXTENSIONS.has(extname(changedPath)) ? changedPath : null;
  }

  ignoresDir(): boolean {
    return false;
  }

  async findUnits(root: string, problems: string[]): Promise<string[]> {
    if (!(await stat(root)).isDirectory()) return [];
    this.roots.remember(root);
    const candidates: string[] = [];
    await walkTree(root, problems, (dir, entries) => {
      for (const e of entries) if (e.isFile() && EXTENSIONS.has(extname(e.name))) candidates.push(join(dir, e.name));
      return true;
    });
    const found: string[] = [];
    for (const file of candidates) if (await this.recognise(file, problems)) found.push(file);
    return found;
  }

  /** A Keras log: its header, and its first row when there is one, look like Keras's. */
  private async recognise(file: string, problems: string[]): Promise<boolean> {
    let head;
    try {
      head = await readHead(file);
    } catch (e) {
      problems.push(`${file}: ${errorText(e)}`);
      return false;
    }
    if (head === null) return false;
    const lines = head.text.split('\n');
    // Keras writes the header with the first row, so a header alone is a file being written.
    if (lines.length < 3) return false;
    const header = kerasHeader(lines[0]!);
    return header !== null && looksLikeKerasRow(header, lines[1]!.replace(/\r$/, ''));
  }

  async ingest(file: string): Promise<UnitResult> {
    const problems: string[] = [];
    if (!(await this.recognise(file, problems))) return { ...NOTHING, problems };
    const runId = this.runs.write(
      {
        kind: KIND,
        path: file,
        experiment: this.roots.experimentFor(file),
        name: this.roots.nameFor(file),
        status: 'RUNNING',
        startTime: await createdAt(file),
        endTime: null,
        params: {},
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
        file,
        format: (line) => {
          const header = kerasHeader(line);
          return header && { sep: header.sep, read: kerasRowReader(header, now) };
        },
        onHeaderChange: 'reread',
      },
      problems,
    );
    return { runIds: [runId], points, problems };
  }
}
