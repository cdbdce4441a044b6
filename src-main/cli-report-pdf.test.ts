import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from './cli-promotion';
import { reportCommand } from './cli-report';
import { NO_CHROMIUM_MESSAGE } from './core/report/chromium-finder';
import { pageInk, pdfText, pdfToolsOrSkip } from './core/test-support/pdf-readback';
import { coreWithRuns } from './core/test-support/report-fixture';
import { useTempDirs } from './core/test-support/temp-dir';

const tempDir = useTempDirs();
const tools = pdfToolsOrSkip();

function fakeIo(env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: () => {}, env, readStdin: async () => null, onInterrupt: () => () => {} };
  return { io, out };
}

describe('runlens report --format pdf', () => {
  it('fails at once, saying how to get a browser, when RUNLENS_CHROMIUM names none', async () => {
    const dataDir = join(tempDir(), 'data');
    const out = join(tempDir(), 'r.pdf');
    const io = fakeIo({ RUNLENS_CHROMIUM: '/nowhere/chrome', PATH: process.env.PATH });
    await expect(reportCommand(['--runs', 'x', '--format', 'pdf', '--out', out, '--data', dataDir], io.io)).rejects.toThrow(
      `RUNLENS_CHROMIUM=/nowhere/chrome is not an executable file. ${NO_CHROMIUM_MESSAGE}`,
    );
    // Nothing was opened or written before the browser was looked for.
    expect(existsSync(dataDir)).toBe(false);
    expect(existsSync(out)).toBe(false);
  });

  it.skipIf(tools.skip !== null)('prints the report: run names and summary numbers in the text, every page inked', async () => {
    const dataDir = tempDir();
    const { core, ids } = await coreWithRuns(dataDir);
    await core.close();
    const out = join(tempDir(), 'report.pdf');
    const io = fakeIo({ ...process.env, RUNLENS_CHROMIUM: tools.chromium! });
    const code = await reportCommand(['--runs', `${ids.a},${ids.b},${ids.c}`, '--baseline', ids.a!, '--format', 'pdf', '--out', out, '--data', dataDir], io.io);
    expect(code).toBe(0);
    expect(io.out.join('\n')).toContain(out);

    const text = pdfText(out);
    for (const id of [ids.a!, ids.b!, ids.c!]) expect(text).toContain(id);
    // Summary rows as the HTML shows them (formatNumber): run name (★ marks the best), last, min
    // and max each "@ step", the step of the best, the change against the baseline. Logged
    // losses: a 0.9 0.2 0.3, b 0.8 0.5 0.4, c 0.7 0.1 0.6 at steps 0, 1, 2.
    expect(text).toMatch(/\ba\s*★?\s+0\.3 @ 2\s+0\.2 @ 1\s+0\.9 @ 0\s+1\s+baseline/);
    expect(text).toMatch(/\bb\s*★?\s+0\.4 @ 2\s+0\.4 @ 2\s+0\.8 @ 0\s+2\s+\+0\.1\b/);
    expect(text).toMatch(/\bc\s*★?\s+0\.6 @ 2\s+0\.1 @ 1\s+0\.7 @ 0\s+1\s+\+0\.3\b/);
    expect(text).toMatch(/Generated at \d{4}-\d\d-\d\dT[\d:.]+Z/);
    // Secret-looking tags never reach a report.
    expect(text).not.toContain('hf-xyz');
    expect(text).not.toContain('k-123');

    const pages = join(tempDir(), 'pages');
    mkdirSync(pages);
    const ink = pageInk(out, pages);
    expect(ink.length).toBe(readdirSync(pages).length);
    expect(ink.length).toBeGreaterThan(0);
    for (const share of ink) expect(share).toBeGreaterThan(0);
  });
});
