// What the promotion flow needs from a remote model registry. One module per registry kind
// implements it (MLflow Model Registry, OCI distribution); a third registry (Hugging Face Hub,
// W&B) is one more module and one line in the factory map.
import type { RegistryConfig, RegistryKind } from '../../../src-shared/promotion';

/** One file of the model being promoted, digested locally before the push. */
export interface ModelFile {
  /** Relative to the model folder, `/`-separated. */
  path: string;
  absPath: string;
  size: number;
  /** Hex SHA-256 of the bytes. */
  sha256: string;
}

export interface PushRequest {
  /** MLflow registered model name, or OCI repository below the registry URL's prefix. */
  remoteName: string;
  /** Set (or moved) to the new version: an MLflow alias, an OCI tag. */
  alias: string | null;
  files: ModelFile[];
  runId: string;
  /** sha256 over the model's sorted paths and file digests: what makes a retry find its earlier push. */
  modelDigest: string;
  /** Recorded with the version (MLflow tags, OCI manifest annotations): run id, metrics, dataset digests. */
  annotations: Record<string, string>;
  onProgress(file: string, bytesDone: number, bytesTotal: number): void;
  signal: AbortSignal;
}

export interface PushResult {
  /** MLflow model version number, or the OCI manifest digest (`sha256:…`). */
  remoteVersion: string;
  /** False when a retry found the version/manifest an earlier attempt had already made. */
  created: boolean;
}

export interface RemoteFile {
  path: string;
  size: number;
  /** Hex SHA-256 of the bytes the registry serves back. */
  sha256: string;
}

export interface RegistryAdapter {
  readonly kind: RegistryKind;
  /** Who holds `alias` on `remoteName` now: the Runlens run id recorded with it (null if none recorded). */
  aliasHolder(remoteName: string, alias: string, signal: AbortSignal): Promise<{ remoteVersion: string; runId: string | null } | null>;
  /**
   * Uploads the files and registers them. Retried after a failure or a kill, it must not make a
   * second version or leave a half-written manifest: it finds the earlier push by `modelDigest`.
   * Files are streamed, never read whole into memory.
   */
  push(req: PushRequest): Promise<PushResult>;
  /** Reads back what the registry holds for a version, hashing each file as it streams in. */
  readBack(remoteName: string, remoteVersion: string, signal: AbortSignal): Promise<RemoteFile[]>;
}

export interface RegistryCredentials {
  username: string;
  /** Password or token; null for anonymous access. */
  secret: string | null;
}

export type RegistryAdapterFactory = (config: RegistryConfig, credentials: RegistryCredentials) => RegistryAdapter;

/** A registry said no, or could not be reached: the message is for the user as is (never holds a secret). */
export class RegistryError extends Error {
  constructor(
    message: string,
    /** HTTP status when the registry answered; null when it could not be reached. */
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'RegistryError';
  }
}
