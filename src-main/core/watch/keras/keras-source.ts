import type { Dirent } from 'node:fs';
import { extname, join } from 'node:path';
import { kerasHeader, kerasRowReader, looksLikeKerasRow, type KerasHeader } from '../../ingest/keras/keras-csv';
import { errorText } from '../source';
import { tailCsv } from '../logger-files/csv-tail';
import { LoggerFileSource, type RunFields } from '../logger-files/logger-file-source';
import { readHead } from '../logger-files/file-reads';

/** CSVLogger takes any file name; `.csv` is usual and Keras's own example writes `training.log`. */
const EXTENSIONS = new Set(['.csv', '.log']);

/**
 * Keras CSVLogger files: any `.csv`/`.log` under a watched folder whose header is `epoch` then
 * metric names and whose first row is an integer epoch and numbers. One run per file, named by
 * its path below the watched folder, in the experiment named after that folder; step = epoch.
 * Keras marks no end, so runs stay RUNNING.
 */
export class KerasCsvSource extends LoggerFileSource<KerasHeader> {
  readonly kind = 'keras-csv';

  unitFor(changedPath: string): string | null {
    return EXTENSIONS.has(extname(changedPath)) ? changedPath : null;
  }

  protected candidatesIn(dir: string, entries: Dirent[]): string[] {
    return entries.filter((e) => e.isFile() && EXTENSIONS.has(extname(e.name))).map((e) => join(dir, e.name));
  }

  /** A Keras log's header, when it and its first row look like Keras's. */
  protected async read(file: string, problems: string[]): Promise<KerasHeader | null> {
    let head;
    try {
      head = await readHead(file);
    } catch (e) {
      problems.push(`${file}: ${errorText(e)}`);
      return null;
    }
    if (head === null) return null;
    const lines = head.text.split('\n');
    // Keras writes the header with the first row, so a header alone is a file being written.
    if (lines.length < 3) return null;
    const header = kerasHeader(lines[0]!);
    return header !== null && looksLikeKerasRow(header, lines[1]!.replace(/\r$/, '')) ? header : null;
  }

  protected describe(file: string): Promise<RunFields> {
    return this.unendedRun(file, {});
  }

  protected storePoints(runId: string, file: string, _found: KerasHeader, problems: string[]): Promise<number> {
    const now = Date.now();
    return tailCsv(
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
  }
}
