import { parseArgs } from 'node:util';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { version } from '../package.json';
import { ApiError } from '../src-shared/errors';
import { createCore } from './core/core';
import { defaultDataDir } from './core/data-dir';
import { PROMOTE_USAGE, REGISTRY_USAGE, promoteCommand, registryCommand, type CliIo } from './cli-promotion';
import { REPORT_USAGE, reportCommand } from './cli-report';

const HELP = `runlens ${version} — local-first experiment tracker

Usage:
  runlens serve [--port 5850] [--data DIR] [--watch PATH ...] [--no-auth]
      Start the core and its HTTP server on 127.0.0.1; open the printed URL in a browser.
  runlens ingest PATH [--data DIR]
      Ingest what PATH holds once and report what was found: run folders, MLflow stores
      (mlruns/ folders, mlflow.db files) anywhere below a folder, or an MLflow database file.
  ${PROMOTE_USAGE}
      Promote a run's model to a registry: gate, push, read back and verify; prints the audit
      record as JSON. Exit code 0 when verified, 2 when the gate blocked it, 1 on failure.
  ${REGISTRY_USAGE}
      Configure registries (as the UI's settings do), e.g. in a CI pipeline.
  ${REPORT_USAGE}
      Export a comparison of runs: html (one self-contained file), pdf (printed by a Chromium
      found on the machine or $RUNLENS_CHROMIUM), md (with its SVGs in <name>_files/, or
      --images inline), csv (a folder: params.csv, metrics.csv) or json. Unknown runs or metric
      keys exit non-zero.

Options:
  --data DIR    data directory (default: $RUNLENS_DATA or ${defaultDataDir()})
  --port N      port to listen on (0 picks a free one)
  --watch PATH  watch this folder (or MLflow database file) live (repeatable; remembered)
  --no-auth     do not require the API token (only for trusted single-user machines)
`;

// The CLI is built to out/main/cli.js; the UI and resources sit beside the build output.
const here = dirname(fileURLToPath(import.meta.url));
const paths = { uiDir: resolve(here, '../renderer'), resourcesDir: resolve(here, '../../resources') };

async function serve(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: '5850' },
      data: { type: 'string' },
      watch: { type: 'string', multiple: true },
      'no-auth': { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not '${values.port}'`);
  const core = await createCore({
    ...paths,
    version,
    dataDir: resolve(values.data ?? defaultDataDir()),
    watch: values.watch ?? [],
    port,
    auth: !values['no-auth'],
    log: (m) => console.warn(`[runlens] ${m}`),
  }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'EADDRINUSE') throw new Error(`Port ${port} is already in use (is Runlens already running?). Pick another with --port.`);
    throw e;
  });
  console.log(`Runlens is serving at ${core.server!.url}`);
  console.log(`Token: ${core.token ?? 'none (--no-auth)'}`);
  for (const root of core.watch.roots()) console.log(`Watching ${root.path}${root.spool ? ' (the Python client\'s spool for runs logged while no server answers)' : ''}`);
  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    void core.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function ingest(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { data: { type: 'string' } } });
  if (positionals.length !== 1) throw new Error('usage: runlens ingest PATH [--data DIR]');
  const core = await createCore({ ...paths, version, dataDir: resolve(values.data ?? defaultDataDir()) });
  try {
    const report = await core.watch.ingestOnce(positionals[0]!);
    for (const p of report.problems) console.warn(`problem: ${p}`);
    console.log(`Ingested ${report.runs} run(s), ${report.points} new point(s), ${report.problems.length} problem(s).`);
  } finally {
    await core.close();
  }
}

const io: CliIo = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  env: process.env,
  async readStdin() {
    // A terminal gives no secret (nothing was piped in); pipes, sockets (a parent's spawn) and files do.
    if (process.stdin.isTTY) return null;
    const parts: Buffer[] = [];
    for await (const chunk of process.stdin) parts.push(chunk as Buffer);
    return Buffer.concat(parts).toString('utf8');
  },
  onInterrupt(handler) {
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
    return () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    };
  },
};

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      return serve(rest);
    case 'ingest':
      return ingest(rest);
    case 'promote':
      process.exitCode = await promoteCommand(rest, io);
      return;
    case 'registry':
      process.exitCode = await registryCommand(rest, io);
      return;
    case 'report':
      process.exitCode = await reportCommand(rest, io);
      return;
    case '--version':
    case '-v':
      console.log(version);
      return;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(HELP);
      return;
    default:
      throw new Error(`unknown command '${command}'\n\n${HELP}`);
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(`runlens: ${e instanceof ApiError || e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
