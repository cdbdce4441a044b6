import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { coreWithRuns } from '../test-support/report-fixture';
import { writeReport } from './write-report';

const tempDir = useTempDirs();
const env = { now: () => new Date('2026-01-01T00:00:00Z') };

describe("writeReport's Markdown", () => {
  it('writes the .md and its images in a folder named after it, every link resolving', async () => {
    const { core, ids } = await coreWithRuns(tempDir());
    const out = join(tempDir(), 'my report.md');
    const written = await writeReport(core.store, { runs: { ids: [ids.a!, ids.b!] }, metrics: ['loss'], format: 'md', out }, env);
    const dir = join(dirname(out), 'my report_files');
    expect(written.files).toEqual([out, ...['chart-loss.svg', 'lineage-a.svg', 'lineage-b.svg'].map((f) => join(dir, f))]);
    expect(readdirSync(dir).sort()).toEqual(['chart-loss.svg', 'lineage-a.svg', 'lineage-b.svg']);
    const md = readFileSync(out, 'utf8');
    const targets = [...md.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => decodeURIComponent(m[1]!));
    expect(targets).toHaveLength(3);
    for (const t of targets) expect(existsSync(join(dirname(out), t)), t).toBe(true);
    expect(md).toContain('Generated at 2026-01-01T00:00:00.000Z by Runlens');
    await core.close();
  });

  it('writes one file for inline images, or when no section has pictures', async () => {
    const { core, ids } = await coreWithRuns(tempDir());
    const folder = tempDir();
    const inline = await writeReport(core.store, { runs: { ids: [ids.a!] }, format: 'md', out: join(folder, 'r.md'), markdownImages: 'inline' }, env);
    expect(inline.files).toEqual([join(folder, 'r.md')]);
    expect(readFileSync(join(folder, 'r.md'), 'utf8')).toContain('](data:image/svg+xml;base64,');
    const tables = await writeReport(core.store, { runs: { ids: [ids.a!] }, format: 'md', out: join(folder, 't.md'), sections: ['runs', 'summary'] }, env);
    expect(tables.files).toEqual([join(folder, 't.md')]);
    expect(readdirSync(folder).sort()).toEqual(['r.md', 't.md']);
    await core.close();
  });
});
