// The registry kinds this build can push to: one adapter module per kind.
import { createOciAdapter } from '../registry/oci/oci-adapter';
import type { AdapterFactories } from './registry-settings';

export const REGISTRY_ADAPTERS: AdapterFactories = { oci: createOciAdapter };
