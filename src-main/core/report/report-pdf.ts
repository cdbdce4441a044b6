// PDF reports: the HTML report printed by a Chromium. The desktop app passes a printer built on
// Electron's printToPDF; the CLI and `runlens serve` run a headless Chromium found on the machine.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Prints a self-contained HTML document to a PDF file at `outPath`. */
export type PdfPrinter = (html: string, outPath: string) => Promise<void>;

const DEFAULT_TIMEOUT_MS = 60_000;
/** Chromium logs a lot (dbus, GPU) even when it succeeds: only the end is worth keeping for an error. */
const STDERR_TAIL = 4_000;

function chromiumArgs(profileDir: string, pdfPath: string, htmlPath: string): string[] {
  return [
    // In Chromium ≥ 132 this is the new headless mode; older ones run their old headless, which prints too.
    '--headless',
    // Only this process tree ever loads the page, a local file we just wrote; the sandbox needs
    // user namespaces that containers and CI runners often lack.
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-extensions',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
    `--user-data-dir=${profileDir}`,
    // Without these Chromium stamps the date, title and file:// path on every page. The first is
    // today's name for it; Chromium before ~111 knew only the second (each ignores the other).
    '--no-pdf-header-footer',
    '--print-to-pdf-no-header',
    `--print-to-pdf=${pdfPath}`,
    pathToFileURL(htmlPath).href,
  ];
}

/** Runs Chromium to completion; resolves with its exit code (null when killed) and its stderr's end. */
function runChromium(executable: string, args: string[], timeoutMs: number): Promise<{ code: number | null; stderr: string; timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    // Own process group (not on Windows, which has none) so a timeout kills the renderer and
    // GPU helpers too, not just the browser process.
    const group = process.platform !== 'win32';
    const child = spawn(executable, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: group });
    let stderr = '';
    let timedOut = false;
    // Drained as it comes, so a chatty Chromium never blocks on a full pipe.
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_TAIL);
    });
    const kill = () => {
      try {
        if (group && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, timeoutMs);
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`could not start ${executable} to print the PDF: ${e.message}`));
    });
    // 'exit', not 'close': helpers that inherited stderr may hold it open after the browser ends.
    child.once('exit', (code) => {
      clearTimeout(timer);
      // Helpers outliving the browser would keep the temp profile busy.
      if (group) kill();
      child.stderr.destroy();
      resolve({ code, stderr, timedOut });
    });
  });
}

/**
 * A printer running `executable` (a Chromium, Chrome or Edge) headless on a private copy of the
 * HTML, with a throwaway profile; killed after `timeoutMs`. The temp folder is removed however it
 * ends, and `outPath` is written only when a PDF was made.
 */
export function chromiumPdfPrinter(executable: string, opts: { timeoutMs?: number } = {}): PdfPrinter {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return async (html, outPath) => {
    const dir = mkdtempSync(join(tmpdir(), 'runlens-pdf-'));
    try {
      const htmlPath = join(dir, 'report.html');
      const pdfPath = join(dir, 'report.pdf');
      writeFileSync(htmlPath, html, { mode: 0o600 });
      const run = await runChromium(executable, chromiumArgs(join(dir, 'profile'), pdfPath, htmlPath), timeoutMs);
      const made = existsSync(pdfPath) && statSync(pdfPath).size > 0;
      if (run.timedOut) throw new Error(`${executable} did not finish printing the PDF within ${timeoutMs / 1000} s and was stopped.${tail(run.stderr)}`);
      if (run.code !== 0 || !made) {
        const how = run.code !== 0 ? `exited with code ${run.code ?? 'null (killed)'}` : 'exited without writing a PDF';
        throw new Error(`${executable} ${how} while printing the PDF.${tail(run.stderr)}`);
      }
      copyFileSync(pdfPath, outPath);
    } finally {
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    }
  };
}

function tail(stderr: string): string {
  const text = stderr.trim();
  return text === '' ? '' : `\nChromium said:\n${text}`;
}
