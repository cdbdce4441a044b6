import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { ChromiumNotFoundError, findChromium, isExecutableFile, NO_CHROMIUM_MESSAGE } from './chromium-finder';

const tempDir = useTempDirs();

/** A probe that knows exactly these files, and records what was asked. */
function probe(...present: string[]) {
  const asked: string[] = [];
  const exists = (p: string) => {
    asked.push(p);
    return present.includes(p);
  };
  return { exists, asked };
}

describe('findChromium', () => {
  it('takes RUNLENS_CHROMIUM first, and fails naming it when it is not there rather than falling back', () => {
    const { exists } = probe('/opt/chrome/chrome', '/usr/bin/chromium');
    expect(findChromium({ RUNLENS_CHROMIUM: '/opt/chrome/chrome', PATH: '/usr/bin' }, exists, 'linux')).toBe('/opt/chrome/chrome');
    const fail = () => findChromium({ RUNLENS_CHROMIUM: '/nope/chrome', PATH: '/usr/bin' }, exists, 'linux');
    expect(fail).toThrow(ChromiumNotFoundError);
    expect(fail).toThrow(`RUNLENS_CHROMIUM=/nope/chrome is not an executable file. ${NO_CHROMIUM_MESSAGE}`);
  });

  it('searches PATH in order, each folder for every known name before the next folder', () => {
    const { exists, asked } = probe('/usr/bin/google-chrome', '/snap/bin/chromium');
    expect(findChromium({ PATH: '/usr/local/bin::/usr/bin:/snap/bin' }, exists, 'linux')).toBe('/usr/bin/google-chrome');
    expect(asked).toEqual([
      '/usr/local/bin/chromium',
      '/usr/local/bin/chromium-browser',
      '/usr/local/bin/google-chrome',
      '/usr/local/bin/google-chrome-stable',
      '/usr/local/bin/microsoft-edge',
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome',
    ]);
    expect(findChromium({ PATH: '/usr/local/bin:/usr/bin:/snap/bin', RUNLENS_CHROMIUM: '' }, probe('/snap/bin/chromium').exists, 'linux')).toBe('/snap/bin/chromium');
  });

  it('says how to get one when there is none (empty PATH)', () => {
    expect(() => findChromium({}, probe('/usr/bin/chromium').exists, 'linux')).toThrow(NO_CHROMIUM_MESSAGE);
    expect(() => findChromium({ PATH: '' }, probe().exists, 'linux')).toThrow(ChromiumNotFoundError);
    expect(NO_CHROMIUM_MESSAGE).toContain('apt install chromium');
    expect(NO_CHROMIUM_MESSAGE).toContain('RUNLENS_CHROMIUM=');
  });

  it('looks in the macOS application folders after PATH', () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    const userChromium = '/Users/ann/Applications/Chromium.app/Contents/MacOS/Chromium';
    expect(findChromium({ PATH: '/usr/bin', HOME: '/Users/ann' }, probe(chrome, userChromium).exists, 'darwin')).toBe(chrome);
    expect(findChromium({ PATH: '/usr/bin', HOME: '/Users/ann' }, probe(userChromium).exists, 'darwin')).toBe(userChromium);
    expect(() => findChromium({ PATH: '/usr/bin' }, probe(chrome).exists, 'linux')).toThrow(ChromiumNotFoundError);
  });

  it('looks for chrome.exe and msedge.exe on Windows, on PATH and under Program Files', () => {
    const programFiles = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    const env = { PATH: 'C:\\Windows;C:\\Tools', PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' };
    expect(findChromium(env, probe(programFiles, edge).exists, 'win32')).toBe(programFiles);
    expect(findChromium(env, probe(edge).exists, 'win32')).toBe(edge);
    expect(findChromium(env, probe('C:\\Tools\\chrome.exe', edge).exists, 'win32')).toBe('C:\\Tools\\chrome.exe');
  });
});

describe('isExecutableFile', () => {
  it('accepts an executable file only', () => {
    const dir = tempDir();
    const file = join(dir, 'chrome');
    writeFileSync(file, '#!/bin/sh\n');
    expect(isExecutableFile(file)).toBe(false);
    chmodSync(file, 0o755);
    expect(isExecutableFile(file)).toBe(true);
    expect(isExecutableFile(dir)).toBe(false);
    expect(isExecutableFile(join(dir, 'missing'))).toBe(false);
  });
});
