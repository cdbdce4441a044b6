// PDF reports in the desktop app: Electron's own Chromium prints the HTML report, so the app needs
// no browser on the machine. The page gets a never-shown, sandboxed window with JavaScript off
// (the charts are inline SVG, so nothing is lost) and a session that refuses every request but
// the report file itself. A hidden window (show: false) rather than offscreen rendering: printing
// goes through Chromium's print compositor either way, and this is printToPDF's common setup.
import { BrowserWindow, session, type Session } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PdfPrinter } from '../core/report/report-pdf';
import { restrictPermissions } from './security';

/** In memory (no `persist:`), so printing leaves no cache or cookies behind. */
const PARTITION = 'runlens-report-pdf';

let printSession: Session | null = null;

function reportSession(): Session {
  if (printSession) return printSession;
  const s = session.fromPartition(PARTITION);
  // A report is self-contained: anything it asks from elsewhere is refused.
  s.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !details.url.startsWith('file://') }));
  // Permission requests and checks both refused (the report is not our app page: nothing is allowed).
  restrictPermissions(s);
  printSession = s;
  return s;
}

export const electronPdfPrinter: PdfPrinter = async (html, outPath) => {
  const dir = await mkdtemp(join(tmpdir(), 'runlens-pdf-'));
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      session: reportSession(),
    },
  });
  try {
    win.webContents.on('will-navigate', (e) => e.preventDefault());
    win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    const htmlPath = join(dir, 'report.html');
    await writeFile(htmlPath, html, { mode: 0o600 });
    await win.loadFile(htmlPath);
    // The report's print CSS decides page breaks; an @page size in it wins over A4.
    const pdf = await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4', preferCSSPageSize: true });
    await writeFile(outPath, pdf);
  } finally {
    win.destroy();
    await rm(dir, { recursive: true, force: true });
  }
};
