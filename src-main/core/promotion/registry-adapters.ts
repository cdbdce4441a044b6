// The registry kinds this build can push to: one adapter module per kind.
import { createMlflowAdapter } from '../registry/mlflow/mlflow-adapter';
import { createOciAdapter } from '../registry/oci/oci-adapter';
import type { AdapterFactories } from './registry-settings';

export const REGISTRY_ADAPTERS: AdapterFactories = { mlflow: createMlflowAdapter, oci: createOciAdapter };
