// Test helpers reading a PDF back with poppler (pdftotext, pdftoppm): its text, and how much ink
// each page holds. Tests only; .ci/run installs poppler and Chromium.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium } from '../report/chromium-finder';

/** The PDF's text in reading layout (pdftotext -layout), pages separated by form feeds. */
export function pdfText(pdfPath: string): string {
  return execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
}

/** Share of dark pixels (< 50% grey) on each page, rendered at a low resolution in grey. */
export function pageInk(pdfPath: string, workDir: string): number[] {
  execFileSync('pdftoppm', ['-r', '30', '-gray', pdfPath, join(workDir, 'page')]);
  const pages = readdirSync(workDir)
    .filter((f) => /^page-\d+\.pgm$/.test(f))
    .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]));
  return pages.map((f) => darkShare(readFileSync(join(workDir, f))));
}

/** Parses a binary PGM (P5, 8-bit, as pdftoppm writes it) and counts its dark pixels. */
export function darkShare(pgm: Buffer): number {
  // Header: "P5", width, height, maxval, each separated by whitespace, then one byte per pixel.
  const header = pgm.subarray(0, 64).toString('latin1').match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  if (!header) throw new Error('not a binary PGM');
  const [, w, h, max] = header.map(Number) as [number, number, number, number];
  const pixels = pgm.subarray(header[0].length, header[0].length + w * h);
  if (pixels.length !== w * h || max > 255) throw new Error('truncated or 16-bit PGM');
  let dark = 0;
  for (const p of pixels) if (p < max / 2) dark++;
  return dark / (w * h);
}

/**
 * The Chromium to print with when it and poppler are installed; otherwise a skip reason locally,
 * and an error in CI (RUNLENS_REQUIRE_SERVERS, set by .ci/run, which installs them).
 */
export function pdfToolsOrSkip(): { chromium: string; skip: null } | { chromium: null; skip: string } {
  const missing: string[] = [];
  let chromium: string | null = null;
  try {
    chromium = findChromium(process.env);
  } catch {
    missing.push('chromium');
  }
  for (const tool of ['pdftotext', 'pdftoppm']) if (spawnSync(tool, ['-v']).error) missing.push(tool);
  if (chromium !== null && missing.length === 0) return { chromium, skip: null };
  if (process.env.CI || process.env.RUNLENS_REQUIRE_SERVERS) throw new Error(`missing in CI: ${missing.join(', ')} (.ci/run installs them)`);
  return { chromium: null, skip: `skipped: ${missing.join(', ')} not installed (sudo apt-get install chromium poppler-utils)` };
}
