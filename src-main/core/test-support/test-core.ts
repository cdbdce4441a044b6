import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCore, type Core, type CoreOptions } from '../core';

/** A core over a temp data dir with a tiny fake UI build, as `runlens serve` would start it. */
export async function startTestCore(dataDir: string, extra: Partial<CoreOptions> = {}): Promise<Core> {
  const uiDir = join(dataDir, 'ui');
  mkdirSync(uiDir, { recursive: true });
  writeFileSync(join(uiDir, 'index.html'), '<html><head><title>t</title></head><body></body></html>');
  return createCore({ dataDir, uiDir, resourcesDir: join(dataDir, 'resources'), version: 'test', log: () => {}, ...extra });
}
