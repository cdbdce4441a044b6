import type { ParsedInput } from '../../../src-shared/contract';
import { ApiError } from '../../../src-shared/errors';
import type { SyncDeps } from './sync-deps';

const NOT_YET = () => new ApiError('INTERNAL_ERROR', 'push is not built yet');

/** Pushes local runs to remotes (whole, then incrementally), and keeps RUNNING runs pushed live. */
export class PushService {
  constructor(readonly deps: SyncDeps) {}

  /** Reaches a saved remote with its credentials. */
  async test(_remote: string): Promise<{ ok: boolean; message: string; experiments: number | null }> {
    throw NOT_YET();
  }

  start(_input: ParsedInput<'pushRuns'>): string {
    throw NOT_YET();
  }

  stopLive(_runId: string): boolean {
    throw NOT_YET();
  }

  /** Picks up live pushes of runs still RUNNING after a restart. */
  resume(): void {}

  async close(): Promise<void> {}
}
