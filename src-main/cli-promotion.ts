// `runlens promote` and `runlens registry …`: the promotion flow for CI pipelines. They open the
// data dir's store directly (no server, no folder watching) and run the same service the API
// does, awaiting the end of the attempt.
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { z } from 'zod';
import { contract, type ParsedInput } from '../src-shared/contract';
import { ApiError } from '../src-shared/errors';
import type { PromotionProgress } from '../src-shared/promotion';
import { ArtifactStore } from './core/artifacts/artifact-store';
import { defaultDataDir, ensureDataDir } from './core/data-dir';
import { createPromotion } from './core/promotion/create-promotion';
import type { AdapterFactories } from './core/promotion/registry-settings';
import { openStore } from './core/store/store';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** All of stdin, or null when it is a terminal (nothing piped in). */
  readStdin(): Promise<string | null>;
  env: NodeJS.ProcessEnv;
  /** Registers a handler for Ctrl-C / SIGTERM; returns its removal. */
  onInterrupt(handler: () => void): () => void;
  adapters?: AdapterFactories;
}

export const PROMOTE_USAGE = `runlens promote RUN --registry NAME --model NAME [--alias ALIAS] [--model-ref m-… | --path ARTIFACT_PATH] [--override-reason TEXT] [--data DIR]`;
export const REGISTRY_USAGE = `runlens registry add NAME --kind mlflow|oci --url URL [--username U] [--data DIR]   (secret from $RUNLENS_REGISTRY_SECRET or stdin)
  runlens registry list [--data DIR]
  runlens registry remove NAME [--data DIR]`;

/** Exit codes of `runlens promote`: a CI step can tell a gate's no from a broken push. */
export const EXIT = { verified: 0, failed: 1, blocked: 2 } as const;

function parseInput<M extends 'promoteModel' | 'saveRegistry' | 'deleteRegistry'>(method: M, input: unknown): ParsedInput<M> {
  const schema: z.ZodType = contract[method].input;
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ApiError('INVALID_PARAMETER_VALUE', `${issue.path.join('.') || 'input'}: ${issue.message}`);
  }
  return parsed.data as ParsedInput<M>;
}

function openData(dir: string | undefined, io: CliIo) {
  const dataDir = resolve(dir ?? defaultDataDir(io.env));
  ensureDataDir(dataDir);
  const store = openStore(join(dataDir, 'runlens.db'));
  return { dataDir, store };
}

function progressLine(p: PromotionProgress): string | null {
  const pct = p.bytesTotal > 0 ? `${Math.floor((p.bytesDone / p.bytesTotal) * 100)}%` : '';
  if (p.phase === 'upload') return `uploading ${p.file ?? ''} ${pct}`.trim();
  if (p.phase === 'verify') return 'reading back to verify';
  return null;
}

export async function promoteCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      registry: { type: 'string' },
      model: { type: 'string' },
      alias: { type: 'string' },
      'model-ref': { type: 'string' },
      path: { type: 'string' },
      'override-reason': { type: 'string' },
      data: { type: 'string' },
    },
  });
  if (positionals.length !== 1 || !values.registry || !values.model) throw new Error(`usage: ${PROMOTE_USAGE}`);
  if (values['model-ref'] && values.path) throw new Error('give --model-ref or --path, not both');
  const input = parseInput('promoteModel', {
    runId: positionals[0],
    registry: values.registry,
    remoteName: values.model,
    alias: values.alias,
    model: values['model-ref'] ?? values.path,
    overrideReason: values['override-reason'],
  });
  const { dataDir, store } = openData(values.data, io);
  let lastLine = '';
  const { promotions } = createPromotion({
    store,
    artifacts: new ArtifactStore(join(dataDir, 'artifacts')),
    dataDir,
    env: io.env,
    adapters: io.adapters,
    emit: (e) => {
      if (e.type !== 'promotion.progress') return;
      const line = progressLine(e.data);
      if (line && line !== lastLine) io.err((lastLine = line));
    },
  });
  try {
    const started = await promotions.start(input);
    const off = io.onInterrupt(() => {
      io.err('cancelling…');
      promotions.cancel(started.record.id);
    });
    const record = await started.done.finally(off);
    io.out(JSON.stringify(record, null, 2));
    if (record.outcome === 'blocked') io.err(`blocked by the gate: ${record.gate.rules.filter((r) => !r.passed).map((r) => `${r.expression} (${r.detail})`).join('; ')}`);
    else if (record.error) io.err(`${record.outcome}: ${record.error}`);
    return record.outcome === 'verified' ? EXIT.verified : record.outcome === 'blocked' ? EXIT.blocked : EXIT.failed;
  } finally {
    await promotions.close();
    store.close();
  }
}

export async function registryCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { kind: { type: 'string' }, url: { type: 'string' }, username: { type: 'string' }, data: { type: 'string' } },
  });
  const usage = () => new Error(`usage: ${REGISTRY_USAGE}`);
  if (sub !== 'add' && sub !== 'list' && sub !== 'remove') throw usage();
  if ((sub === 'list') !== (positionals.length === 0) || positionals.length > 1) throw usage();
  const saveInput = sub === 'add' ? parseInput('saveRegistry', { name: positionals[0], kind: values.kind, url: values.url, username: values.username }) : null;
  const removeInput = sub === 'remove' ? parseInput('deleteRegistry', { name: positionals[0] }) : null;
  // Never from the command line: arguments are visible to every user in `ps`.
  const secret = sub === 'add' ? (io.env.RUNLENS_REGISTRY_SECRET || (await io.readStdin())?.replace(/\r?\n$/, '')) : undefined;
  const { dataDir, store } = openData(values.data, io);
  try {
    const { registries } = createPromotion({ store, artifacts: new ArtifactStore(join(dataDir, 'artifacts')), dataDir, env: io.env, adapters: io.adapters, emit: () => {} });
    if (saveInput) io.out(JSON.stringify(registries.save({ ...saveInput, ...(secret ? { secret } : {}) }), null, 2));
    else if (removeInput) {
      if (!registries.remove(removeInput.name)) throw new ApiError('RESOURCE_DOES_NOT_EXIST', `Registry '${removeInput.name}' does not exist`);
      io.out(`removed ${removeInput.name}`);
    } else io.out(JSON.stringify(registries.list(), null, 2));
    return 0;
  } finally {
    store.close();
  }
}
