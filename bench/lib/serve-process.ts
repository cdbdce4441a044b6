import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';

/** Starts the built `runlens serve` as its own process, as a user would. */
export async function startServe(dataDir: string, extraArgs: string[] = []): Promise<{ url: URL; token: string | null; child: ChildProcess; stop(): Promise<void> }> {
  const cli = join(import.meta.dirname, '..', '..', 'out', 'main', 'cli.js');
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--data', dataDir, ...extraArgs], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  let url: URL | null = null;
  let token: string | null = null;
  for await (const line of lines) {
    const served = /^Runlens is serving at (\S+)/.exec(line);
    if (served) url = new URL(served[1]!);
    const tok = /^Token: (.+)$/.exec(line);
    if (tok) {
      token = tok[1]!.startsWith('none') ? null : tok[1]!;
      break;
    }
  }
  if (!url) throw new Error('runlens serve did not start (is it built? npm run build)');
  return {
    url,
    token,
    child,
    stop: () => new Promise((done) => (child.once('exit', () => done()), child.kill('SIGTERM'))),
  };
}
