import type { ArtifactStore } from '../artifacts/artifact-store';
import type { EventHub } from '../events/event-hub';
import type { Store } from '../store/store';
import type { RemoteSettings } from './remote-settings';
import type { SyncJobs } from './sync-jobs';

/** What pushing and pulling work with. */
export interface SyncDeps {
  store: Store;
  hub: EventHub;
  artifacts: ArtifactStore;
  remotes: RemoteSettings;
  jobs: SyncJobs;
  log: (message: string) => void;
  now: () => number;
}
