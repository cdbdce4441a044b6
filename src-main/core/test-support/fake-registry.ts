// An in-memory model registry behind the real adapter interface, for tests of the promotion
// flow: files are streamed and hashed as a real push would, a version is made only once every
// file is in, and a retry finds the earlier version by model digest (created: false).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { RegistryConfig } from '../../../src-shared/promotion';
import type { PushRequest, RegistryAdapter, RegistryAdapterFactory, RegistryCredentials, RemoteFile } from '../registry/registry-adapter';

export interface FakeVersion {
  version: string;
  modelDigest: string;
  runId: string;
  annotations: Record<string, string>;
  files: RemoteFile[];
}

export class FakeRegistry {
  /** Versions by remote name, oldest first. */
  readonly models = new Map<string, FakeVersion[]>();
  /** `<remote name>@<alias>` → version. */
  readonly aliases = new Map<string, string>();
  /** What each adapter was made with, to check secrets reach the adapter (and only it). */
  readonly credentialsSeen: RegistryCredentials[] = [];
  pushes = 0;
  /** Called after each chunk is read: a test may pause here (cancel mid-push) or throw. */
  onChunk: ((file: string, bytesDone: number) => Promise<void> | void) | null = null;
  /** Changes what readBack reports, to fake a registry that stored other bytes. */
  tamper: ((files: RemoteFile[]) => RemoteFile[]) | null = null;

  readonly factory: RegistryAdapterFactory = (_config: RegistryConfig, credentials: RegistryCredentials) => {
    this.credentialsSeen.push(credentials);
    return this.adapter();
  };

  versionsOf(remoteName: string): FakeVersion[] {
    return this.models.get(remoteName) ?? [];
  }

  /** Makes a version held by `alias` as if another promotion had pushed it. */
  seed(remoteName: string, alias: string, runId: string | null): void {
    const versions = this.models.get(remoteName) ?? [];
    const version = String(versions.length + 1);
    versions.push({ version, modelDigest: `sha256:seed${version}`, runId: runId ?? '', annotations: {}, files: [] });
    this.models.set(remoteName, versions);
    this.aliases.set(`${remoteName}@${alias}`, version);
  }

  private adapter(): RegistryAdapter {
    return {
      kind: 'oci',
      aliasHolder: async (remoteName, alias) => {
        const version = this.aliases.get(`${remoteName}@${alias}`);
        if (!version) return null;
        const v = this.versionsOf(remoteName).find((x) => x.version === version)!;
        return { remoteVersion: version, runId: v.runId || null };
      },
      push: (req) => this.push(req),
      readBack: async (remoteName, remoteVersion) => {
        const v = this.versionsOf(remoteName).find((x) => x.version === remoteVersion);
        if (!v) throw new Error(`no version ${remoteVersion} of ${remoteName}`);
        const files = v.files.map((f) => ({ ...f }));
        return this.tamper ? this.tamper(files) : files;
      },
    };
  }

  private async push(req: PushRequest): Promise<{ remoteVersion: string; created: boolean }> {
    this.pushes++;
    const versions = this.models.get(req.remoteName) ?? [];
    const earlier = versions.find((v) => v.modelDigest === req.modelDigest);
    if (earlier) {
      if (req.alias) this.aliases.set(`${req.remoteName}@${req.alias}`, earlier.version);
      return { remoteVersion: earlier.version, created: false };
    }
    const files: RemoteFile[] = [];
    for (const f of req.files) {
      const hash = createHash('sha256');
      let done = 0;
      for await (const chunk of createReadStream(f.absPath, { highWaterMark: 16 * 1024 })) {
        req.signal.throwIfAborted();
        hash.update(chunk as Buffer);
        done += (chunk as Buffer).length;
        req.onProgress(f.path, done, f.size);
        await this.onChunk?.(f.path, done);
      }
      req.signal.throwIfAborted();
      files.push({ path: f.path, size: done, sha256: hash.digest('hex') });
    }
    const version = String(versions.length + 1);
    versions.push({ version, modelDigest: req.modelDigest, runId: req.runId, annotations: req.annotations, files });
    this.models.set(req.remoteName, versions);
    if (req.alias) this.aliases.set(`${req.remoteName}@${req.alias}`, version);
    return { remoteVersion: version, created: true };
  }
}
