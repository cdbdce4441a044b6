// Team sync through the contract: remotes (secrets in, never out), push, pull, follows; jobs'
// progress and ends go out as events.
import type { Handlers } from '../../../src-shared/contract';
import type { RemoteSettings } from '../sync/remote-settings';
import type { SyncJobs } from '../sync/sync-jobs';
import type { PushService } from '../sync/push-service';
import type { PullService } from '../sync/pull-service';

type SyncMethods =
  | 'listRemotes'
  | 'saveRemote'
  | 'deleteRemote'
  | 'testRemote'
  | 'listRemoteExperiments'
  | 'listRemoteRuns'
  | 'pushRuns'
  | 'pullRuns'
  | 'getSyncJob'
  | 'cancelSync'
  | 'listFollows'
  | 'unfollow'
  | 'stopLivePush';

export interface SyncServices {
  remotes: RemoteSettings;
  jobs: SyncJobs;
  push: PushService;
  pull: PullService;
}

export function createSyncHandlers({ remotes, jobs, push, pull }: SyncServices): Pick<Handlers, SyncMethods> {
  return {
    listRemotes: () => ({ remotes: remotes.list() }),
    saveRemote: (input) => ({ remote: remotes.save(input) }),
    deleteRemote: ({ name }) => ({ removed: remotes.remove(name) }),
    testRemote: ({ name }) => push.test(name),
    listRemoteExperiments: async ({ name }) => ({ experiments: await pull.experiments(name) }),
    listRemoteRuns: ({ name, experimentId, pageToken }) => pull.runs(name, experimentId, pageToken),
    pushRuns: (input) => ({ jobId: push.start(input) }),
    pullRuns: (input) => ({ jobId: pull.start(input) }),
    getSyncJob: ({ id }) => jobs.get(id),
    cancelSync: ({ id }) => ({ cancelled: jobs.cancel(id) }),
    listFollows: () => ({ follows: pull.follows() }),
    unfollow: ({ remote, experimentId }) => ({ removed: pull.unfollow(remote, experimentId) }),
    stopLivePush: ({ id }) => ({ stopped: push.stopLive(id) }),
  };
}
