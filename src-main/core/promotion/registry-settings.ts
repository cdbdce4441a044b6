// Registry settings: stored in SQLite without their secrets, which go to the SecretStore. The
// only way out of here for a secret is `adapterFor`, into the adapter that talks to the registry.
import { ApiError } from '../../../src-shared/errors';
import type { RegistryConfig, RegistryKind } from '../../../src-shared/promotion';
import type { RegistryAdapter, RegistryAdapterFactory } from '../registry/registry-adapter';
import type { StoredRegistry } from '../store/registry-repo';
import type { Store } from '../store/store';
import type { SecretStore } from './secret-store';

export type AdapterFactories = Partial<Record<RegistryKind, RegistryAdapterFactory>>;

export interface RegistryInput {
  name: string;
  kind: RegistryKind;
  url: string;
  username: string;
  /** Omitted: keep the stored secret; empty: forget it. */
  secret?: string;
}

/** http(s) only, and no credentials in the URL: they would be stored and shown in the clear. */
export function checkServerUrl(url: string, what: 'Registry' | 'Remote' = 'Registry'): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ApiError('INVALID_PARAMETER_VALUE', `${what} URL is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ApiError('INVALID_PARAMETER_VALUE', `${what} URL must be http:// or https://, not ${parsed.protocol}`);
  }
  if (parsed.username || parsed.password) {
    // The message does not repeat the URL: it holds a credential.
    throw new ApiError('INVALID_PARAMETER_VALUE', `${what} URL must not hold credentials; give the username and secret separately`);
  }
}

export class RegistrySettings {
  constructor(
    private readonly store: Store,
    private readonly secrets: SecretStore,
    private readonly factories: AdapterFactories,
    private readonly now: () => number,
  ) {}

  list(): RegistryConfig[] {
    return this.store.registries.list().map((r) => this.toConfig(r));
  }

  require(name: string): StoredRegistry {
    const r = this.store.registries.get(name);
    if (!r) throw new ApiError('RESOURCE_DOES_NOT_EXIST', `Registry '${name}' does not exist`);
    return r;
  }

  save(input: RegistryInput): RegistryConfig {
    checkServerUrl(input.url);
    const url = input.url.replace(/\/+$/, '');
    // The secret first: a registry row never exists claiming a secret that failed to be kept.
    if (input.secret !== undefined) this.secrets.set(input.name, input.secret === '' ? null : input.secret);
    return this.toConfig(this.store.registries.save({ name: input.name, kind: input.kind, url, username: input.username }, this.now()));
  }

  remove(name: string): boolean {
    const removed = this.store.registries.remove(name);
    this.secrets.set(name, null);
    return removed;
  }

  /** An adapter for the registry, holding its credentials. */
  adapterFor(r: StoredRegistry): RegistryAdapter {
    const factory = this.factories[r.kind];
    if (!factory) throw new ApiError('INVALID_PARAMETER_VALUE', `This build of Runlens cannot push to ${r.kind} registries yet`);
    return factory(this.toConfig(r), { username: r.username, secret: this.secrets.get(r.name) });
  }

  private toConfig(r: StoredRegistry): RegistryConfig {
    return { name: r.name, kind: r.kind, url: r.url, username: r.username, hasSecret: this.secrets.get(r.name) !== null };
  }
}
