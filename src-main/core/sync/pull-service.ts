import type { ParsedInput } from '../../../src-shared/contract';
import { ApiError } from '../../../src-shared/errors';
import type { FollowedExperiment, RemoteExperiment, RemoteRun } from '../../../src-shared/sync';
import type { SyncDeps } from './sync-deps';

const NOT_YET = () => new ApiError('INTERNAL_ERROR', 'pull is not built yet');

/** Browses remotes, imports their runs as read-only copies, and follows remote experiments. */
export class PullService {
  constructor(readonly deps: SyncDeps) {}

  async experiments(_remote: string): Promise<RemoteExperiment[]> {
    throw NOT_YET();
  }

  async runs(_remote: string, _experimentId: string, _pageToken?: string): Promise<{ runs: RemoteRun[]; nextPageToken: string | null }> {
    throw NOT_YET();
  }

  start(_input: ParsedInput<'pullRuns'>): string {
    throw NOT_YET();
  }

  follows(): FollowedExperiment[] {
    return [];
  }

  unfollow(_remote: string, _experimentId: string): boolean {
    throw NOT_YET();
  }

  /** Starts polling followed experiments. */
  startFollowing(): void {}

  async close(): Promise<void> {}
}
