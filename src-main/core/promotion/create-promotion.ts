import type { CoreEvent } from '../../../src-shared/events';
import type { ArtifactStore } from '../artifacts/artifact-store';
import type { Store } from '../store/store';
import { PromotionService } from './promotion-service';
import { REGISTRY_ADAPTERS } from './registry-adapters';
import { RegistrySettings, type AdapterFactories } from './registry-settings';
import { FileSecretStore, withEnvOverride, type SecretStore } from './secret-store';

export interface PromotionOptions {
  store: Store;
  artifacts: ArtifactStore;
  dataDir: string;
  emit(event: CoreEvent): void;
  /** Where secrets are kept; a 0600 file in the data dir by default. Env variables override either. */
  secrets?: SecretStore;
  adapters?: AdapterFactories;
  env?: NodeJS.ProcessEnv;
}

/** Registry settings and the promotion flow over a store: the core and `runlens promote` make them alike. */
export function createPromotion(opts: PromotionOptions): { registries: RegistrySettings; promotions: PromotionService } {
  const secrets = withEnvOverride(opts.secrets ?? new FileSecretStore(opts.dataDir), opts.env);
  const registries = new RegistrySettings(opts.store, secrets, opts.adapters ?? REGISTRY_ADAPTERS, Date.now);
  const promotions = new PromotionService({ store: opts.store, artifacts: opts.artifacts, registries, emit: opts.emit });
  promotions.recoverInterrupted();
  return { registries, promotions };
}
