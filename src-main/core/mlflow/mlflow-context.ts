import type { Store } from '../store/store';
import type { EventHub } from '../events/event-hub';
import type { ArtifactStore } from '../artifacts/artifact-store';

/** What every MLflow route handler works with. */
export interface MlflowContext {
  store: Store;
  hub: EventHub;
  artifacts: ArtifactStore;
  now: () => number;
}
