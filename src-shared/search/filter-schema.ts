// What may be searched, per entity: runs (MLflow's runs/search and the runs table) and
// experiments. Mirrors MLflow's SearchUtils: the identifiers, their aliases and comparators.

export type EntityType = 'metric' | 'param' | 'tag' | 'attribute' | 'dataset';
export type ValueKind = 'number' | 'string';

export const ENTITY_ALIASES: Record<string, EntityType> = {
  metric: 'metric',
  metrics: 'metric',
  param: 'param',
  params: 'param',
  parameter: 'param',
  parameters: 'param',
  tag: 'tag',
  tags: 'tag',
  attribute: 'attribute',
  attributes: 'attribute',
  attr: 'attribute',
  run: 'attribute',
  dataset: 'dataset',
  datasets: 'dataset',
};

export interface SearchSchema {
  entities: ReadonlySet<EntityType>;
  /** Attribute name (after aliasing) → value kind. */
  attributes: Readonly<Record<string, ValueKind>>;
  /** Alternative spellings of attributes. */
  attributeAliases: Readonly<Record<string, string>>;
  /** Attributes that accept `IN (…)` / `NOT IN (…)`. */
  listAttributes: ReadonlySet<string>;
  /** Attributes that may appear in order_by (beyond the searchable ones). */
  orderOnlyAttributes: ReadonlySet<string>;
}

export const NUMERIC_COMPARATORS = new Set(['=', '!=', '>', '>=', '<', '<=']);
export const STRING_COMPARATORS = new Set(['=', '!=', 'LIKE', 'ILIKE']);

export const RUN_SEARCH: SearchSchema = {
  entities: new Set(['metric', 'param', 'tag', 'attribute', 'dataset']),
  attributes: {
    run_id: 'string',
    run_name: 'string',
    user_id: 'string',
    status: 'string',
    artifact_uri: 'string',
    start_time: 'number',
    end_time: 'number',
    /** Runlens's own: 'true' when data upstream of the run has a newer version. */
    newer_data: 'string',
  },
  attributeAliases: { created: 'start_time', Created: 'start_time', 'run name': 'run_name', 'Run name': 'run_name', 'Run Name': 'run_name' },
  listAttributes: new Set(['run_id', 'run_name', 'status', 'user_id']),
  orderOnlyAttributes: new Set(),
};

export const EXPERIMENT_SEARCH: SearchSchema = {
  entities: new Set(['tag', 'attribute']),
  attributes: { name: 'string', creation_time: 'number', last_update_time: 'number' },
  attributeAliases: {},
  listAttributes: new Set(['name']),
  orderOnlyAttributes: new Set(['experiment_id']),
};

export const DATASET_KEYS = new Set(['name', 'digest', 'context']);
