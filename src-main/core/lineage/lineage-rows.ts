// The rows the lineage graph is made of, each kind read with one set-based query. Only active
// runs and models take part: a deleted run's inputs and outputs leave the graph with it.
import type { Db } from '../store/open-db';
import type { DatasetVersion, RunStatus } from '../../../src-shared/domain';

export interface DatasetRow {
  id: number;
  name: string;
  digest: string;
  kind: DatasetVersion['kind'];
  row_count: number | null;
  created_at: number;
}

/** A run's input (dataset → run) or output (run → dataset) link. */
export interface LinkRow {
  run_id: string;
  dataset_id: number;
  context: string | null;
}

export interface RunRow {
  id: string;
  name: string;
  experiment: string;
  status: RunStatus;
}

export interface ModelRow {
  id: string;
  name: string;
  status: string;
  model_type: string;
  source_run_id: string | null;
}

export interface ModelLinkRow {
  run_id: string;
  model_id: string;
}

/** How data flows between datasets and runs: all the staleness of runs depends on. */
export interface DataFlowRows {
  datasets: DatasetRow[];
  inputs: LinkRow[];
  outputs: LinkRow[];
}

export interface LineageRows extends DataFlowRows {
  runs: RunRow[];
  models: ModelRow[];
  modelLinks: ModelLinkRow[];
}

const ACTIVE_RUN = `JOIN runs r ON r.id = l.run_id AND r.lifecycle_stage = 'active'`;
const ACTIVE_MODEL = `m.lifecycle_stage = 'active'`;

export function readDataFlow(db: Db): DataFlowRows {
  return {
    datasets: db.prepare<[], DatasetRow>('SELECT id, name, digest, kind, row_count, created_at FROM datasets ORDER BY id').all(),
    inputs: db.prepare<[], LinkRow>(`SELECT l.run_id, l.dataset_id, l.context FROM run_inputs l ${ACTIVE_RUN}`).all(),
    outputs: db.prepare<[], LinkRow>(`SELECT l.run_id, l.dataset_id, l.context FROM run_dataset_outputs l ${ACTIVE_RUN}`).all(),
  };
}

export function readLineage(db: Db): LineageRows {
  // A model a run names in run_outputs is a node only when its logged model is known.
  const modelLinks = db
    .prepare<[], ModelLinkRow>(
      `SELECT l.run_id, l.model_id FROM run_outputs l ${ACTIVE_RUN} JOIN logged_models m ON m.id = l.model_id AND ${ACTIVE_MODEL}
       UNION SELECT m.source_run_id, m.id FROM logged_models m JOIN runs r ON r.id = m.source_run_id AND r.lifecycle_stage = 'active'
       WHERE ${ACTIVE_MODEL}`,
    )
    .all();
  return {
    ...readDataFlow(db),
    runs: db
      .prepare<[], RunRow>(
        `SELECT r.id, r.name, e.name AS experiment, r.status FROM runs r JOIN experiments e ON e.id = r.experiment_id
         WHERE r.lifecycle_stage = 'active' AND (
           EXISTS (SELECT 1 FROM run_inputs i WHERE i.run_id = r.id)
           OR EXISTS (SELECT 1 FROM run_dataset_outputs o WHERE o.run_id = r.id)
           OR EXISTS (SELECT 1 FROM run_outputs o JOIN logged_models m ON m.id = o.model_id AND ${ACTIVE_MODEL} WHERE o.run_id = r.id)
           OR EXISTS (SELECT 1 FROM logged_models m WHERE m.source_run_id = r.id AND ${ACTIVE_MODEL}))
         ORDER BY r.start_time, r.id`,
      )
      .all(),
    models: db
      .prepare<[], ModelRow>(`SELECT id, name, status, model_type, source_run_id FROM logged_models m WHERE ${ACTIVE_MODEL} ORDER BY creation_time, id`)
      .all(),
    modelLinks,
  };
}
