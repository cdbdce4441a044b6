import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { pageInk, pdfText, pdfToolsOrSkip } from '../test-support/pdf-readback';
import { coreWithRuns } from '../test-support/report-fixture';
import { useTempDirs } from '../test-support/temp-dir';
import { NO_CHROMIUM_MESSAGE } from './chromium-finder';
import { chromiumPdfPrinter } from './report-pdf';
import { writeReport } from './write-report';

const tempDir = useTempDirs();
const tools = pdfToolsOrSkip();

const PAGE = `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>t</title><style>section { break-before: page; } h1 { font: 40px sans-serif; }</style></head>
<body><h1>run alpha 0.1234</h1><section><h1>second page β</h1>
<svg xmlns="http://www.w3.org/2000/svg" width="300" height="120"><rect width="300" height="120" fill="#000"/></svg></section></body></html>`;

/** A stand-in "Chromium": a shell script doing what `body` says, with its arguments in "$@". */
function fakeChromium(dir: string, body: string): string {
  const path = join(dir, 'fake-chromium');
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

/** A process that exists and is not a zombie (an orphan may wait a moment to be reaped). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/**
 * Points os.tmpdir() at a fresh folder for the rest of this test, so the printer's temp folders
 * are seen apart from those of other tests printing at the same time; answers what is left in it.
 */
function privateTmp(): () => string[] {
  const dir = tempDir();
  const old = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  onTestFinished(() => {
    if (old === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = old;
  });
  expect(tmpdir()).toBe(dir);
  return () => readdirSync(dir);
}

describe.skipIf(tools.skip !== null)('chromiumPdfPrinter with a real Chromium', () => {
  it('prints every page with its text, and no header or footer', async () => {
    const dir = tempDir();
    const out = join(dir, 'r.pdf');
    const leftovers = privateTmp();
    await chromiumPdfPrinter(tools.chromium!)(PAGE, out);
    const text = pdfText(out);
    expect(text).toContain('run alpha 0.1234');
    expect(text).toContain('second page β');
    // Chromium's default header and footer hold the date and the temp file's URL.
    expect(text).not.toContain('file://');
    expect(text.split('\f').filter((p) => p.trim() !== '')).toHaveLength(2);
    const pages = join(dir, 'pages');
    mkdirSync(pages);
    const ink = pageInk(out, pages);
    expect(ink).toHaveLength(2);
    for (const share of ink) expect(share).toBeGreaterThan(0);
    expect(leftovers()).toEqual([]);
  });
});

describe('chromiumPdfPrinter failures', () => {
  it('names the browser and keeps the end of what it said when it fails, writing nothing', async () => {
    const dir = tempDir();
    const out = join(dir, 'r.pdf');
    // 200 kB of warnings: more than a pipe holds, so an undrained stderr would hang here.
    const chrome = fakeChromium(dir, `i=0; while [ $i -lt 2000 ]; do printf 'warning %099d\\n' $i >&2; i=$((i+1)); done; echo 'cannot open display' >&2; exit 3`);
    const print = chromiumPdfPrinter(chrome)(PAGE, out);
    await expect(print).rejects.toThrow(`${chrome} exited with code 3 while printing the PDF.`);
    await expect(print).rejects.toThrow(/Chromium said:\n[\s\S]*cannot open display$/);
    expect(existsSync(out)).toBe(false);
  });

  it('fails when the browser ends well but made no PDF', async () => {
    const dir = tempDir();
    const out = join(dir, 'r.pdf');
    await expect(chromiumPdfPrinter(fakeChromium(dir, 'exit 0'))(PAGE, out)).rejects.toThrow('exited without writing a PDF');
    expect(existsSync(out)).toBe(false);
  });

  it('stops a browser that never finishes, with its helpers, and removes its temp folder', async () => {
    const dir = tempDir();
    const leftovers = privateTmp();
    // The script's own child stands in for Chromium's renderer: it must die with the browser.
    const pidFile = join(dir, 'helper.pid');
    const chrome = fakeChromium(dir, `sleep 300 & echo $! > '${pidFile}'; wait`);
    await expect(chromiumPdfPrinter(chrome, { timeoutMs: 1_000 })(PAGE, join(dir, 'r.pdf'))).rejects.toThrow('did not finish printing the PDF within 1 s and was stopped');
    const helper = Number(readFileSync(pidFile, 'utf8'));
    await vi.waitFor(() => expect(alive(helper)).toBe(false));
    expect(leftovers()).toEqual([]);
  });

  it('says so when the browser cannot be started', async () => {
    const dir = tempDir();
    await expect(chromiumPdfPrinter(join(dir, 'no-such-chrome'))(PAGE, join(dir, 'r.pdf'))).rejects.toThrow(`could not start ${join(dir, 'no-such-chrome')} to print the PDF`);
  });
});

describe('writeReport --format pdf', () => {
  it('prints the very HTML the html format writes, with the printer it is given, and reports progress', async () => {
    const { core, ids } = await coreWithRuns(tempDir());
    try {
      const dir = tempDir();
      const opts = { runs: { ids: [ids.a!, ids.b!] }, baseline: ids.a };
      const now = () => new Date('2026-01-01T00:00:00Z');
      await writeReport(core.store, { ...opts, format: 'html', out: join(dir, 'r.html') }, { now });
      const printed: Array<{ html: string; out: string }> = [];
      const progress: string[] = [];
      const written = await writeReport(core.store, { ...opts, format: 'pdf', out: join(dir, 'r.pdf') }, {
        now,
        printPdf: async (html, out) => void printed.push({ html, out }),
        onProgress: (p) => progress.push(`${p.phase} ${p.done}/${p.total}`),
      });
      expect(printed).toEqual([{ html: readFileSync(join(dir, 'r.html'), 'utf8'), out: join(dir, 'r.pdf') }]);
      expect(written).toEqual({ files: [join(dir, 'r.pdf')], runs: 2, metrics: 2 });
      expect(progress).toEqual(['reading series of acc 0/2', 'reading series of loss 1/2', 'printing PDF 0/1', 'printing PDF 1/1']);
    } finally {
      await core.close();
    }
  });

  it('without a printer, looks for Chromium as RUNLENS_CHROMIUM says and fails clearly', async () => {
    const { core, ids } = await coreWithRuns(tempDir());
    const old = process.env.RUNLENS_CHROMIUM;
    process.env.RUNLENS_CHROMIUM = '/nowhere/chrome';
    try {
      const out = join(tempDir(), 'r.pdf');
      await expect(writeReport(core.store, { runs: { ids: [ids.a!] }, format: 'pdf', out }, { now: () => new Date() })).rejects.toThrow(NO_CHROMIUM_MESSAGE);
      expect(existsSync(out)).toBe(false);
    } finally {
      if (old === undefined) delete process.env.RUNLENS_CHROMIUM;
      else process.env.RUNLENS_CHROMIUM = old;
      await core.close();
    }
  });
});
