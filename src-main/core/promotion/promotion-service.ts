// The promotion flow: resolve and digest the model, judge the gate, record the attempt, then
// (in the background) push, read back and verify, and record how it ended. The HTTP/IPC
// handlers answer once the attempt is recorded; the CLI awaits `done`.
import { randomUUID } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import { ApiError } from '../../../src-shared/errors';
import type { CoreEvent } from '../../../src-shared/events';
import type { GateResult, PromotionOutcome, PromotionRecord } from '../../../src-shared/promotion';
import type { ArtifactStore } from '../artifacts/artifact-store';
import { requireRun } from '../api/run-writes';
import { RegistryError, type ModelFile, type RegistryAdapter, type RemoteFile } from '../registry/registry-adapter';
import type { StoredRegistry } from '../store/registry-repo';
import type { Store } from '../store/store';
import { promotionAnnotations } from './annotations';
import { evaluateGate, usesBaseline, type Baseline } from './gate';
import { resolveModel } from './model-files';
import { progressThrottle } from './progress-throttle';
import type { RegistrySettings } from './registry-settings';

export interface PromotionTarget {
  runId: string;
  model?: string;
  registry: string;
  remoteName: string;
  alias?: string;
}

export interface PromotionDeps {
  store: Store;
  artifacts: ArtifactStore;
  registries: RegistrySettings;
  emit(event: CoreEvent): void;
  now?: () => number;
  /** Who the audit names; the OS user by default. */
  user?: () => string;
}

export interface StartedPromotion {
  /** As recorded when the call returns: `running`, or already `blocked`. */
  record: PromotionRecord;
  /** The record once the attempt has ended. */
  done: Promise<PromotionRecord>;
}

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

function describeError(e: unknown): string {
  if (e instanceof RegistryError || e instanceof ApiError) return e.message;
  return e instanceof Error ? `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}` : String(e);
}

/** Every local file must come back with the same size and SHA-256; returns what differs. */
export function compareReadBack(local: readonly ModelFile[], remote: readonly RemoteFile[]): string[] {
  const byPath = new Map(remote.map((f) => [f.path, f]));
  const problems: string[] = [];
  for (const f of local) {
    const r = byPath.get(f.path);
    if (!r) problems.push(`${f.path} is missing from the registry`);
    else if (r.size !== f.size || r.sha256.toLowerCase() !== f.sha256) {
      problems.push(`${f.path}: local ${f.size} bytes sha256 ${f.sha256.slice(0, 12)}…, registry ${r.size} bytes sha256 ${r.sha256.slice(0, 12)}…`);
    }
    byPath.delete(f.path);
  }
  for (const extra of byPath.keys()) problems.push(`${extra} is in the registry but not in the model`);
  return problems;
}

/** The process carrying a promotion, as recorded with it. */
const OWNER = `${hostname()}:${process.pid}`;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class PromotionService {
  private readonly now: () => number;
  private readonly user: () => string;
  /** Running attempts by id, and the (registry, remote name) each holds. */
  private readonly running = new Map<string, { controller: AbortController; slot: string; done: Promise<PromotionRecord> }>();
  private readonly slots = new Set<string>();

  constructor(private readonly deps: PromotionDeps) {
    this.now = deps.now ?? Date.now;
    this.user = deps.user ?? osUser;
  }

  async checkGate(target: PromotionTarget): Promise<GateResult> {
    const registry = this.deps.registries.require(target.registry);
    requireRun(this.deps.store, target.runId);
    return this.judge(target, registry, this.deps.registries.adapterFor(registry));
  }

  /**
   * Records the attempt and starts it. Throws (nothing recorded) when the request itself is
   * wrong: unknown run, registry or model, or a promotion of the same remote name running.
   */
  async start(target: PromotionTarget & { overrideReason?: string }): Promise<StartedPromotion> {
    const { store } = this.deps;
    const registry = this.deps.registries.require(target.registry);
    requireRun(store, target.runId);
    const adapter = this.deps.registries.adapterFor(registry);
    const slot = JSON.stringify([registry.name, target.remoteName]);
    if (this.slots.has(slot)) {
      throw new ApiError('RESOURCE_CONFLICT', `A promotion to ${target.remoteName} on ${registry.name} is already running; wait for it or cancel it`);
    }
    this.slots.add(slot);
    let handedOver = false;
    try {
      const model = await resolveModel(store, this.deps.artifacts, target.runId, target.model);
      const gate = await this.judge(target, registry, adapter);
      const blocked = !gate.passed && !target.overrideReason;
      const startedAt = this.now();
      const record = store.promotions.insert({
        id: randomUUID().replaceAll('-', ''),
        runId: target.runId,
        modelRef: model.modelRef,
        modelDigest: model.modelDigest,
        registry: registry.name,
        registryKind: registry.kind,
        remoteName: target.remoteName,
        remoteVersion: null,
        alias: target.alias ?? null,
        gate,
        overrideReason: target.overrideReason ?? null,
        outcome: blocked ? 'blocked' : 'running',
        error: blocked ? 'The gate failed and no override reason was given' : null,
        user: this.user(),
        startedAt,
        finishedAt: blocked ? startedAt : null,
      }, OWNER);
      this.deps.emit({ type: 'promotion.updated', data: { record } });
      if (blocked) return { record, done: Promise.resolve(record) };
      const controller = new AbortController();
      const done = this.run(record, model.files, adapter, controller.signal).finally(() => {
        this.running.delete(record.id);
        this.slots.delete(slot);
      });
      // The API answers before the end: nobody may await `done`, and a rejection (the store
      // closed under it) must not take the process down. Awaiters still see it.
      done.catch(() => {});
      this.running.set(record.id, { controller, slot, done });
      handedOver = true;
      return { record, done };
    } finally {
      if (!handedOver) this.slots.delete(slot);
    }
  }

  /**
   * Finishes as `failed` the attempts left `running` by a process of this machine that is gone
   * (killed or crashed mid-push). Attempts of live processes — `runlens promote` beside the app —
   * and of other machines sharing the data dir are left to them. Returns the finished records.
   */
  recoverInterrupted(): PromotionRecord[] {
    const host = `${hostname()}:`;
    const finished: PromotionRecord[] = [];
    for (const { record, owner } of this.deps.store.promotions.running()) {
      if (!owner?.startsWith(host) || this.running.has(record.id)) continue;
      const pid = Number(owner.slice(host.length));
      if (pid === process.pid || processAlive(pid)) continue;
      const error = 'Interrupted: the Runlens process promoting it stopped before the end; promote again (the push resumes where the registry has it)';
      finished.push(this.deps.store.promotions.finish(record.id, { outcome: 'failed', remoteVersion: null, error, at: this.now() }));
    }
    for (const record of finished) this.deps.emit({ type: 'promotion.updated', data: { record } });
    return finished;
  }

  /** Aborts a running attempt; it ends `cancelled`. False when it is not running (here). */
  cancel(id: string): boolean {
    const r = this.running.get(id);
    if (!r) return false;
    r.controller.abort();
    return true;
  }

  list(runId?: string): PromotionRecord[] {
    return this.deps.store.promotions.list(runId);
  }

  /** Cancels what is running and waits for each attempt to record its end. */
  async close(): Promise<void> {
    const pending = [...this.running.values()];
    for (const r of pending) r.controller.abort();
    await Promise.allSettled(pending.map((r) => r.done));
  }

  private async judge(target: PromotionTarget, registry: StoredRegistry, adapter: RegistryAdapter): Promise<GateResult> {
    const { store } = this.deps;
    const run = requireRun(store, target.runId);
    const rules = store.registries.gate(registry.name, target.remoteName);
    const baseline = rules.some((r) => usesBaseline(r.expression)) ? await this.baseline(target, registry, adapter) : { kind: 'none' as const, reason: 'no baseline rules' };
    return evaluateGate(rules, run, store.datasets.inputsOf(run.id), baseline);
  }

  private async baseline(target: PromotionTarget, registry: StoredRegistry, adapter: RegistryAdapter): Promise<Baseline> {
    const alias = target.alias;
    if (!alias) return { kind: 'none', reason: 'no alias given, so no baseline to compare against' };
    let holder;
    try {
      holder = await adapter.aliasHolder(target.remoteName, alias, AbortSignal.timeout(30_000));
    } catch (e) {
      return { kind: 'unknown', reason: `could not ask ${registry.name} who holds ${alias}: ${describeError(e)}` };
    }
    if (!holder) return { kind: 'none', reason: `no baseline: nothing holds ${alias} on ${target.remoteName} yet` };
    const run = holder.runId ? this.deps.store.runs.summary(holder.runId) : null;
    if (!run) {
      const which = holder.runId ? `run ${holder.runId}, which is not in this Runlens` : 'no Runlens run';
      return { kind: 'unknown', reason: `${alias} is held by version ${holder.remoteVersion}, recorded from ${which}: cannot compare` };
    }
    return { kind: 'run', run, inputs: this.deps.store.datasets.inputsOf(run.id), alias };
  }

  private async run(record: PromotionRecord, files: ModelFile[], adapter: RegistryAdapter, signal: AbortSignal): Promise<PromotionRecord> {
    const { store, emit } = this.deps;
    const sizes = new Map(files.map((f) => [f.path, f.size]));
    const total = files.reduce((a, f) => a + f.size, 0);
    const phase = (p: 'verify' | 'done', bytesDone: number) => emit({ type: 'promotion.progress', data: { promotionId: record.id, phase: p, file: null, bytesDone, bytesTotal: total } });
    let remoteVersion: string | null = null;
    let outcome: Exclude<PromotionOutcome, 'running'>;
    let error: string | null = null;
    try {
      const run = requireRun(store, record.runId);
      // A progress report the throttle held back must not go out after the push has ended.
      let pushing = true;
      const pushed = await adapter.push({
        remoteName: record.remoteName,
        alias: record.alias,
        files,
        runId: record.runId,
        modelDigest: record.modelDigest,
        annotations: promotionAnnotations(run, store.datasets.inputsOf(run.id), record.modelDigest),
        onProgress: progressThrottle(record.id, sizes, (p) => pushing && emit({ type: 'promotion.progress', data: p }), this.now),
        signal,
      }).finally(() => (pushing = false));
      remoteVersion = pushed.remoteVersion;
      signal.throwIfAborted();
      phase('verify', total);
      const problems = compareReadBack(files, await adapter.readBack(record.remoteName, pushed.remoteVersion, signal));
      signal.throwIfAborted();
      if (problems.length === 0) outcome = 'verified';
      else {
        outcome = 'failed';
        error = `What ${record.registry} holds differs from the model: ${problems.join('; ')}`;
      }
    } catch (e) {
      outcome = signal.aborted ? 'cancelled' : 'failed';
      error = signal.aborted ? 'Cancelled' : describeError(e);
    }
    const finished = store.promotions.finish(record.id, { outcome, remoteVersion, error, at: this.now() });
    phase('done', outcome === 'verified' ? total : 0);
    emit({ type: 'promotion.updated', data: { record: finished } });
    return finished;
  }
}
