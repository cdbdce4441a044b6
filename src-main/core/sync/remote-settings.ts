// Remote settings: stored in SQLite without their secrets, which go to the SecretStore. The
// only way out of here for a secret is `client`, into the REST client that talks to the remote.
import { ApiError } from '../../../src-shared/errors';
import type { RemoteConfig } from '../../../src-shared/sync';
import { checkServerUrl } from '../promotion/registry-settings';
import type { SecretStore } from '../promotion/secret-store';
import { MlflowRest } from '../registry/mlflow/mlflow-rest';
import type { StoredRemote } from '../store/remote-repo';
import type { Store } from '../store/store';

export interface RemoteInput {
  name: string;
  url: string;
  username: string;
  /** Omitted: keep the stored secret; empty: forget it. */
  secret?: string;
}

export class RemoteSettings {
  constructor(
    private readonly store: Store,
    private readonly secrets: SecretStore,
    private readonly now: () => number,
  ) {}

  list(): RemoteConfig[] {
    return this.store.remotes.list().map((r) => this.toConfig(r));
  }

  require(name: string): StoredRemote {
    const r = this.store.remotes.get(name);
    if (!r) throw new ApiError('RESOURCE_DOES_NOT_EXIST', `Remote '${name}' does not exist`);
    return r;
  }

  save(input: RemoteInput): RemoteConfig {
    checkServerUrl(input.url, 'Remote');
    const url = input.url.replace(/\/+$/, '');
    // The secret first: a remote row never exists claiming a secret that failed to be kept.
    if (input.secret !== undefined) this.secrets.set(input.name, input.secret === '' ? null : input.secret);
    return this.toConfig(this.store.remotes.save({ name: input.name, url, username: input.username }, this.now()));
  }

  remove(name: string): boolean {
    const removed = this.store.remotes.remove(name);
    this.secrets.set(name, null);
    return removed;
  }

  /** A REST client for the remote, holding its credentials. */
  client(name: string): MlflowRest {
    const r = this.require(name);
    return new MlflowRest(r.url, { username: r.username, secret: this.secrets.get(r.name) });
  }

  private toConfig(r: StoredRemote): RemoteConfig {
    return { name: r.name, url: r.url, username: r.username, hasSecret: this.secrets.get(r.name) !== null };
  }
}
