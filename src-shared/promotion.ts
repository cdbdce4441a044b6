// Model promotion to remote registries: the types the core, both transports and the renderer
// share. Secrets never appear here: a registry's credentials go in through `saveRegistry` and
// never come back out (the core answers `hasSecret` instead).

export type RegistryKind = 'mlflow' | 'oci';

export interface RegistryConfig {
  /** Unique, chosen by the user: `team-mlflow`, `ghcr`. */
  name: string;
  kind: RegistryKind;
  /** MLflow: the tracking server URL. OCI: the registry URL plus repository prefix (`https://ghcr.io/acme/models`). */
  url: string;
  /** Basic-auth user (OCI) or MLflow's `MLFLOW_TRACKING_USERNAME`; empty for anonymous or token-only. */
  username: string;
  /** A password or token is stored for this registry (kept by the core, never sent to the UI). */
  hasSecret: boolean;
}

/** One rule of a gate, in the runs table's filter syntax plus `baseline.` for the alias holder. */
export interface GateRule {
  /** `metrics.val_accuracy >= 0.9`, `metrics.val_loss < baseline.metrics.val_loss`, or `inputs.have_digest`. */
  expression: string;
  description?: string;
}

export interface GateRuleResult {
  expression: string;
  passed: boolean;
  /** What was compared, readable: `val_accuracy 0.912 ≥ 0.9`; or why it could not be judged. */
  detail: string;
}

export interface GateResult {
  passed: boolean;
  /** The run that holds the alias now, against which `baseline.` rules were judged. */
  baselineRunId: string | null;
  rules: GateRuleResult[];
}

export type PromotionOutcome = 'verified' | 'failed' | 'blocked' | 'cancelled' | 'running';

/** An append-only audit record of one promotion attempt. */
export interface PromotionRecord {
  id: string;
  runId: string;
  /** The model promoted: a logged model id, or the run artifact path of a model folder. */
  modelRef: string;
  /** sha256 over the model's files (sorted paths + file digests), as for dataset folders. */
  modelDigest: string;
  registry: string;
  registryKind: RegistryKind;
  remoteName: string;
  /** MLflow model version, or OCI manifest digest. */
  remoteVersion: string | null;
  alias: string | null;
  gate: GateResult;
  overrideReason: string | null;
  outcome: PromotionOutcome;
  error: string | null;
  user: string;
  startedAt: number;
  finishedAt: number | null;
}

/** Progress of a running promotion, pushed as `promotion.progress` events. */
export interface PromotionProgress {
  promotionId: string;
  phase: 'gate' | 'upload' | 'register' | 'verify' | 'done';
  file: string | null;
  /** Over the whole push (every file of the model). */
  bytesDone: number;
  bytesTotal: number;
  /** Of `file` alone, so a UI can draw a bar per file. */
  fileBytesDone?: number;
  fileBytesTotal?: number;
}
