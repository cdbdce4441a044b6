// Reports diff well in git: two exports of the same comparison, made at different times into
// different folders, differ in the generated-at line and nowhere else — main file and every
// image beside it.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MarkdownImages, ReportFormat } from '../../../src-shared/report';
import type { Store } from '../store/store';
import { useTempDirs } from '../test-support/temp-dir';
import { coreWithRuns } from '../test-support/report-fixture';
import { writeReport, type WriteReportOptions } from './write-report';

const tempDir = useTempDirs();
const FIRST = new Date('2026-01-01T00:00:00Z');
const SECOND = new Date('2026-03-04T05:06:07.089Z');

afterEach(() => {
  vi.useRealTimers();
});

/**
 * Every file an export wrote, by its path relative to the export's folder. The clock reads `now`
 * too, so a renderer that looks at the time itself, not at env.now, shows up as a difference.
 */
async function exportAt(store: Store, now: Date, opts: WriteReportOptions): Promise<Map<string, string>> {
  const dir = tempDir();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(now);
  const written = await writeReport(store, { ...opts, out: join(dir, opts.out) }, { now: () => now, runUrl: (id) => `http://127.0.0.1:5850/#/runs/${id}` });
  return new Map(written.files.map((f) => [relative(dir, f), readFileSync(f, 'utf8')]));
}

/** The pairs of lines that differ between `a` and `b`, which must have as many lines. */
function differingLines(a: string, b: string): Array<[string, string]> {
  const la = a.split('\n');
  const lb = b.split('\n');
  expect(lb.length).toBe(la.length);
  return la.flatMap((line, i) => (line === lb[i] ? [] : [[line, lb[i]!] as [string, string]]));
}

const CASES: Array<{ format: ReportFormat; out: string; images?: MarkdownImages; dated: boolean }> = [
  { format: 'json', out: 'report.json', dated: true },
  { format: 'csv', out: 'report', dated: false },
  { format: 'html', out: 'report.html', dated: true },
  { format: 'md', out: 'report.md', images: 'files', dated: true },
  { format: 'md', out: 'report.md', images: 'inline', dated: true },
];

describe('report determinism', () => {
  for (const c of CASES) {
    it(`${c.format}${c.images ? ` (${c.images} images)` : ''}: two exports differ only in the generated-at line`, async () => {
      const { core, ids } = await coreWithRuns(tempDir());
      const opts: WriteReportOptions = { runs: { ids: [ids.a!, ids.b!, ids.c!] }, baseline: ids.c!, metrics: ['loss', 'acc'], format: c.format, out: c.out, markdownImages: c.images };
      const one = await exportAt(core.store, FIRST, opts);
      const two = await exportAt(core.store, SECOND, opts);
      expect([...two.keys()]).toEqual([...one.keys()]);
      if (c.images === 'files') expect([...one.keys()].filter((k) => k.endsWith('.svg')).length).toBeGreaterThanOrEqual(4);

      const [main, ...beside] = [...one.keys()];
      for (const file of c.dated ? beside : [main!, ...beside]) expect(two.get(file), file).toBe(one.get(file));
      if (c.dated) {
        const diff = differingLines(one.get(main!)!, two.get(main!)!);
        expect(diff).toHaveLength(1);
        expect(diff[0]![0]).toContain(FIRST.toISOString());
        expect(diff[0]![1]).toContain(SECOND.toISOString());
        // The time appears on that line only.
        expect(one.get(main!)!.split(FIRST.toISOString())).toHaveLength(2);
      }
      await core.close();
    });
  }
});
