import type { ArtifactStore } from '../artifacts/artifact-store';
import type { EventHub } from '../events/event-hub';
import { FileSecretStore, withEnvOverride, withPrefix, type SecretStore } from '../promotion/secret-store';
import type { Store } from '../store/store';
import type { SyncServices } from '../api/sync-handlers';
import { RemoteSettings } from './remote-settings';
import { SyncJobs } from './sync-jobs';
import { PushService } from './push-service';
import { PullService } from './pull-service';

export interface SyncOptions {
  store: Store;
  hub: EventHub;
  artifacts: ArtifactStore;
  dataDir: string;
  /** The store registry secrets live in (a 0600 file by default); remotes keep theirs beside them as `remote:<name>`. */
  secrets?: SecretStore;
  log: (message: string) => void;
  env?: NodeJS.ProcessEnv;
}

/** Remotes, the job runner, push and pull over a store: the core and the CLI make them alike. */
export function createSync(opts: SyncOptions): SyncServices & { close(): Promise<void> } {
  const secrets = withEnvOverride(withPrefix(opts.secrets ?? new FileSecretStore(opts.dataDir), 'remote:'), opts.env, 'REMOTE');
  const remotes = new RemoteSettings(opts.store, secrets, Date.now);
  const jobs = new SyncJobs((e) => opts.hub.emit(e));
  const deps = { store: opts.store, hub: opts.hub, artifacts: opts.artifacts, remotes, jobs, log: opts.log, now: Date.now };
  const push = new PushService(deps);
  const pull = new PullService(deps);
  return {
    remotes,
    jobs,
    push,
    pull,
    async close() {
      await push.close();
      await pull.close();
      await jobs.close();
    },
  };
}
