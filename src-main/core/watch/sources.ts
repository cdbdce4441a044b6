import type { Store } from '../store/store';
import type { EventHub } from '../events/event-hub';
import type { IngestSource } from './source';
import type { ArtifactStore } from '../artifacts/artifact-store';
import { RunFolderSource } from './run-folder-source';
import { MlflowFileStoreSource } from './mlflow/file-store-source';
import { MlflowDbSource } from './mlflow/db-source';
import { DvcliveSource } from './dvclive/dvclive-source';
import { LightningCsvSource } from './lightning/lightning-source';
import { KerasCsvSource } from './keras/keras-source';
import { HfTrainerSource } from './hf-trainer/hf-trainer-source';
import { TensorBoardSource } from './tensorboard/tensorboard-source';
import { WandbSource } from './wandb/wandb-source';
import { DvcProjectSource } from './dvc/dvc-project-source';

/** Every on-disk format Runlens reads, in the order a scan ingests them. */
export function defaultSources(store: Store, hub: EventHub, artifacts: ArtifactStore): IngestSource[] {
  return [new RunFolderSource(store, hub, artifacts), new MlflowFileStoreSource(store, hub), new MlflowDbSource(store, hub), new DvcliveSource(store, hub), new LightningCsvSource(store, hub), new KerasCsvSource(store, hub), new HfTrainerSource(store, hub), new TensorBoardSource(store, hub), new WandbSource(store, hub), new DvcProjectSource(store, hub)];
}
