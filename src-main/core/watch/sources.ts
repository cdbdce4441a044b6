import type { Store } from '../store/store';
import type { EventHub } from '../events/event-hub';
import type { IngestSource } from './source';
import { RunFolderSource } from './run-folder-source';
import { MlflowFileStoreSource } from './mlflow/file-store-source';
import { MlflowDbSource } from './mlflow/db-source';
import { WandbSource } from './wandb/wandb-source';

/** Every on-disk format Runlens reads, in the order a scan ingests them. */
export function defaultSources(store: Store, hub: EventHub): IngestSource[] {
  return [new RunFolderSource(store, hub), new MlflowFileStoreSource(store, hub), new MlflowDbSource(store, hub), new WandbSource(store, hub)];
}
