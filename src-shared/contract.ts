// The one API contract between the UI and the core. Each method names its input schema
// (validated at every boundary: HTTP and IPC), its output type, and its HTTP binding. The
// server builds its native routes from this map and the renderer's HTTP transport builds
// URLs from it, so a renamed method or field breaks the build on both sides.
import { z } from 'zod';
import type {
  ArtifactEntry,
  ArtifactPreview,
  IngestReport,
  MetricSeries,
  DatasetSummary,
  DatasetVersion,
  LineageGraph,
  RunDatasetInput,
  RunModelOutput,
  RunStatus,
  RunSummary,
  SavedView,
  SeriesQueryResult,
  WatchRoot,
} from './domain';
import { RUN_STATUSES } from './domain';
import { LIMITS } from './limits';
import type { GateResult, GateRule, PromotionRecord, RegistryConfig } from './promotion';
import { keyProblem, metricColumnsProblem, metricPointProblem, type MetricColumnsInput, type MetricPointInput } from './metric-point-check';
import { MARKDOWN_IMAGES, REPORT_FORMATS, REPORT_SECTIONS } from './report';
import { EXPORT_SERIES_LEVELS, type ReportDone } from './report-export';
import { ALERT_KINDS, THRESHOLD_OPS, type Alert, type AlertRule } from './alerts';
import type { FollowedExperiment, RemoteConfig, RemoteExperiment, RemoteRun, SyncDone, SyncProgress } from './sync';

export { LIMITS };

export const keySchema = z.string().superRefine((key, ctx) => {
  const message = keyProblem(key);
  if (message) ctx.addIssue({ code: 'custom', message });
});

const modelIdSchema = z.string().regex(/^m-[0-9a-f]{1,64}$/, 'is not a model id');
const runIdSchema = z.string().min(1).max(64).regex(/^[\w-]+$/, 'is not a run id');

const paramsSchema = z
  .record(keySchema, z.union([z.string(), z.number(), z.boolean()]))
  .refine((p) => Object.values(p).every((v) => String(v).length <= LIMITS.paramValueLength), {
    message: `values must be at most ${LIMITS.paramValueLength} characters`,
  });
const tagsSchema = z
  .record(keySchema, z.string().max(LIMITS.tagValueLength))
  .refine((t) => Object.keys(t).length <= 1000, 'at most 1000 tags per request');

/** Logged points, checked by hand-written loops (see metric-point-check.ts for why). */
export const metricPointsSchema = z
  .array(z.unknown())
  .max(LIMITS.pointsPerRequest, `at most ${LIMITS.pointsPerRequest} points per request`)
  .superRefine((points, ctx) => {
    for (let i = 0; i < points.length; i++) {
      const problem = metricPointProblem(points[i]);
      if (problem) {
        ctx.addIssue({ code: 'custom', path: problem.field ? [i, problem.field] : [i], message: problem.message });
        return;
      }
    }
  })
  .transform((points) => points as MetricPointInput[]);

/** Logged points as columns (one array per field), checked by the same hand-written rules. */
export const metricColumnsSchema = z
  .unknown()
  .superRefine((columns, ctx) => {
    const problem = metricColumnsProblem(columns);
    if (problem) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
  })
  .transform((columns) => columns as MetricColumnsInput);

const statusSchema = z.enum(RUN_STATUSES);

const xAxisSchema = z.union([
  z.enum(['step', 'time', 'relative']),
  z.templateLiteral(['metric:', z.string().min(1).max(LIMITS.keyLength)]),
]);

/**
 * A dataset version named by a local path (the core digests it and reads its schema) or by a
 * digest the caller already has; `name` defaults to the path's file name.
 */
const datasetRefFields = z.object({
  path: z.string().min(1).max(4096).optional(),
  digest: z.string().min(1).max(200).optional(),
  name: z.string().trim().min(1).max(LIMITS.nameLength).optional(),
  /** Where the data lives for others (an s3:// or https URI), when not the path. */
  source: z.string().max(4096).optional(),
  context: z.string().max(200).optional(),
  /**
   * With a digest: the data's columns, typed as the core's schema readers type them (`int64`,
   * `double`, `bool`, `timestamp`, `string`, …), for data the core cannot read itself (a
   * DataFrame in a notebook). A path's columns and rows are read from the data.
   */
  schema: z
    .array(z.object({ name: z.string().max(1000), type: z.string().trim().min(1).max(100) }))
    .max(10_000)
    .optional(),
  rows: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
});
type DatasetRefFields = z.infer<typeof datasetRefFields>;

/** What is wrong with a ref as a whole, if anything. */
function refProblem(d: DatasetRefFields): string | null {
  if (d.path === undefined && (d.digest === undefined || d.name === undefined)) return 'needs a path, or a digest and a name';
  if (d.path !== undefined && (d.schema !== undefined || d.rows !== undefined)) return 'schema and rows go with a digest; a path is read for them';
  return null;
}

export const datasetRefSchema = datasetRefFields.superRefine((d, ctx) => {
  const message = refProblem(d);
  if (message) ctx.addIssue({ code: 'custom', message });
});

/**
 * What a run produced: a dataset or artifact (a dataset ref), or a model — its file or folder
 * under the run's artifacts (`artifactPath`, uploaded first) — which becomes a logged model of
 * the run.
 */
const runOutputSchema = datasetRefFields
  .extend({
    kind: z.enum(['dataset', 'artifact', 'model']).default('dataset'),
    artifactPath: z.string().min(1).max(4096).optional(),
  })
  .superRefine((o, ctx) => {
    if (o.kind === 'model') {
      if (o.artifactPath === undefined) ctx.addIssue({ code: 'custom', path: ['artifactPath'], message: 'a model needs the path of its files under the run artifacts' });
    } else if (o.artifactPath !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['artifactPath'], message: 'is only for kind "model"' });
    } else {
      const message = refProblem(o);
      if (message) ctx.addIssue({ code: 'custom', message });
    }
  });

const registryNameSchema = z.string().trim().regex(/^[\w.-]{1,100}$/, 'may hold letters, digits, _ . - (at most 100)');
/** MLflow registered model names and OCI repository names: path-like, lower-case for OCI (checked by the adapter). */
const remoteModelSchema = z.string().trim().min(1).max(256).regex(/^[\w./-]+$/, 'may hold letters, digits, _ . / -');

const promotionTargetSchema = z.object({
  runId: runIdSchema,
  /** A logged model id (`m-…`) or a folder under the run's artifacts holding the model; the run's only model when omitted. */
  model: z.string().min(1).max(4096).optional(),
  registry: registryNameSchema,
  remoteName: remoteModelSchema,
  alias: z.string().trim().regex(/^[\w.-]{1,128}$/, 'may hold letters, digits, _ . -').optional(),
});

const remoteNameSchema = registryNameSchema;
/** MLflow ids: experiment ids are digits on SQL stores but any short string elsewhere. */
const remoteIdSchema = z.string().min(1).max(200).regex(/^[\w.-]+$/, 'is not an MLflow id');

const savedViewSchema = z.object({
  name: z.string().trim().min(1).max(200),
  filter: z.string().max(LIMITS.filterLength),
  sort: z.object({ column: z.string().min(1).max(LIMITS.keyLength + 10), descending: z.boolean() }).nullable(),
  columns: z.array(z.string().min(1).max(LIMITS.keyLength + 10)).max(500),
});

export interface HttpBinding {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** `:name` is one path segment; `:name*` takes the rest of the path (metric keys hold `/`). */
  path: string;
  /** Status of a successful answer. */
  status?: number;
}

interface MethodSpec<I extends z.ZodType, O> {
  http: HttpBinding;
  input: I;
  /** Phantom: carries the output type only. */
  output?: O;
}

function method<O>() {
  return <I extends z.ZodType>(spec: { http: HttpBinding; input: I }): MethodSpec<I, O> => spec;
}

export const contract = {
  listRuns: method<{ runs: RunSummary[] }>()({
    http: { method: 'GET', path: '/api/v1/runs' },
    input: z.object({
      /** MLflow's search syntax (`metrics.loss < 0.3 and params.lr = '0.001'`); all runs when omitted. */
      filter: z.string().max(LIMITS.filterLength).optional(),
    }),
  }),
  getRun: method<{ run: RunSummary }>()({
    http: { method: 'GET', path: '/api/v1/runs/:id' },
    input: z.object({ id: runIdSchema }),
  }),
  createRun: method<{ run: RunSummary }>()({
    http: { method: 'POST', path: '/api/v1/runs', status: 201 },
    input: z.object({
      experiment: z.string().trim().min(1).max(LIMITS.nameLength).optional(),
      name: z.string().max(LIMITS.nameLength).optional(),
      params: paramsSchema.optional(),
      tags: tagsSchema.optional(),
    }),
  }),
  logRun: method<{ accepted: number; skipped: number }>()({
    http: { method: 'POST', path: '/api/v1/runs/:id/log' },
    input: z.object({
      id: runIdSchema,
      metrics: metricPointsSchema.optional(),
      /**
       * The same points as columns, cheaper to parse and build: `{keys, key, value, step?,
       * timestamp?}`, `key[i]` an index into the distinct `keys`. At most one of the two forms.
       */
      columns: metricColumnsSchema.optional(),
      /**
       * The sequence number of the first point (the rest follow by one): points at or below
       * the run's stored mark are skipped, so a client can resend without duplicates.
       */
      firstSeq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
      params: paramsSchema.optional(),
      tags: tagsSchema.optional(),
    }).refine((r) => r.metrics === undefined || r.columns === undefined, { message: 'send either metrics or columns, not both', path: ['columns'] }),
  }),
  finishRun: method<{ run: RunSummary }>()({
    http: { method: 'POST', path: '/api/v1/runs/:id/finish' },
    input: z.object({ id: runIdSchema, status: statusSchema.exclude(['RUNNING']).optional() }),
  }),
  getMetricSeries: method<MetricSeries>()({
    http: { method: 'GET', path: '/api/v1/runs/:id/metrics/:key*' },
    input: z.object({
      id: runIdSchema,
      key: keySchema,
      points: z.coerce.number().int().min(2).max(LIMITS.seriesPoints).optional(),
      minStep: z.coerce.number().optional(),
      maxStep: z.coerce.number().optional(),
    }),
  }),
  /** Many runs × keys at once, each reduced over one shared x-range and bucket grid. */
  querySeries: method<SeriesQueryResult>()({
    http: { method: 'POST', path: '/api/v1/series/query' },
    input: z
      .object({
        runIds: z.array(runIdSchema).min(1),
        keys: z.array(keySchema).min(1),
        buckets: z.number().int().min(2).max(LIMITS.seriesBuckets).default(1000),
        x: xAxisSchema.default('step'),
        /** Only x in [min, max]; the union of the series' extents when omitted. */
        range: z
          .object({ min: z.number(), max: z.number() })
          .refine((r) => r.min <= r.max, 'min must not exceed max')
          .optional(),
      })
      .refine((q) => q.runIds.length * q.keys.length <= LIMITS.seriesPerQuery, {
        message: `at most ${LIMITS.seriesPerQuery} runs × keys per query`,
      }),
  }),
  getRunIO: method<{ inputs: RunDatasetInput[]; outputs: RunDatasetInput[]; models: RunModelOutput[] }>()({
    http: { method: 'GET', path: '/api/v1/runs/:id/io' },
    input: z.object({ id: runIdSchema }),
  }),
  listArtifacts: method<{ root: string | null; entries: ArtifactEntry[] }>()({
    http: { method: 'GET', path: '/api/v1/runs/:id/artifacts' },
    input: z.object({
      id: runIdSchema,
      /** A folder below the artifact root; the root when omitted. */
      path: z.string().max(4096).optional(),
      /** List a model the run produced instead of the run's own artifacts. */
      modelId: modelIdSchema.optional(),
    }),
  }),
  previewArtifact: method<ArtifactPreview>()({
    http: { method: 'GET', path: '/api/v1/runs/:id/artifact-preview' },
    input: z.object({ id: runIdSchema, path: z.string().min(1).max(4096), modelId: modelIdSchema.optional() }),
  }),
  addRunInputs: method<{ inputs: DatasetVersion[] }>()({
    http: { method: 'POST', path: '/api/v1/runs/:id/inputs' },
    input: z.object({ id: runIdSchema, inputs: z.array(datasetRefSchema).min(1).max(100) }),
  }),
  /** Datasets, artifacts and models a run produced (models also come from MLflow's logged models). */
  addRunOutputs: method<{ outputs: DatasetVersion[]; models: RunModelOutput[] }>()({
    http: { method: 'POST', path: '/api/v1/runs/:id/outputs' },
    input: z.object({ id: runIdSchema, outputs: z.array(runOutputSchema).min(1).max(100) }),
  }),
  listDatasets: method<{ datasets: DatasetSummary[] }>()({
    http: { method: 'GET', path: '/api/v1/datasets' },
    input: z.object({}),
  }),
  /** Every version of a dataset name, oldest first. */
  getDataset: method<{ name: string; versions: DatasetVersion[] }>()({
    http: { method: 'GET', path: '/api/v1/datasets/:name*' },
    input: z.object({ name: z.string().min(1).max(LIMITS.nameLength) }),
  }),
  /**
   * The lineage graph: everything, or what is upstream / downstream of one node (`focus`, a
   * node id such as `model:m-…` or `dataset:12`) — both directions by default.
   */
  getLineage: method<LineageGraph>()({
    http: { method: 'GET', path: '/api/v1/lineage' },
    input: z.object({
      focus: z.string().min(1).max(300).optional(),
      direction: z.enum(['upstream', 'downstream', 'both']).default('both'),
    }),
  }),
  listRegistries: method<{ registries: RegistryConfig[] }>()({
    http: { method: 'GET', path: '/api/v1/registries' },
    input: z.object({}),
  }),
  /** Creates or replaces a registry; `secret` (password or token) is stored, never returned. Omitted: keep the stored one. */
  saveRegistry: method<{ registry: RegistryConfig }>()({
    http: { method: 'PUT', path: '/api/v1/registries' },
    input: z.object({
      name: registryNameSchema,
      kind: z.enum(['mlflow', 'oci']),
      url: z.string().url().max(2000),
      username: z.string().max(500).default(''),
      secret: z.string().max(20_000).optional(),
    }),
  }),
  deleteRegistry: method<{ removed: boolean }>()({
    http: { method: 'DELETE', path: '/api/v1/registries' },
    input: z.object({ name: registryNameSchema }),
  }),
  /** Gate rules of a registered model name on a registry. */
  getGate: method<{ rules: GateRule[] }>()({
    http: { method: 'GET', path: '/api/v1/gates' },
    input: z.object({ registry: registryNameSchema, model: remoteModelSchema }),
  }),
  setGate: method<{ rules: GateRule[] }>()({
    http: { method: 'PUT', path: '/api/v1/gates' },
    input: z.object({
      registry: registryNameSchema,
      model: remoteModelSchema,
      rules: z.array(z.object({ expression: z.string().min(1).max(LIMITS.filterLength), description: z.string().max(500).optional() })).max(50),
    }),
  }),
  /** Judges a run against the gate of `model` on `registry` (and the run holding `alias` there) without pushing. */
  checkGate: method<GateResult>()({
    http: { method: 'POST', path: '/api/v1/promotions/check' },
    input: promotionTargetSchema,
  }),
  /**
   * Promotes a run's model: gate, upload, register, set the alias, read back and verify.
   * Answers when the attempt is recorded (outcome `running`); progress and the end come as
   * events. A failed gate blocks unless `overrideReason` is given.
   */
  promoteModel: method<{ record: PromotionRecord }>()({
    http: { method: 'POST', path: '/api/v1/promotions', status: 202 },
    input: promotionTargetSchema.extend({ overrideReason: z.string().trim().min(3).max(2000).optional() }),
  }),
  cancelPromotion: method<{ cancelled: boolean }>()({
    http: { method: 'POST', path: '/api/v1/promotions/:id/cancel' },
    input: z.object({ id: z.string().min(1).max(64) }),
  }),
  /** Audit records, newest first; all, or those of one run. */
  listPromotions: method<{ promotions: PromotionRecord[] }>()({
    http: { method: 'GET', path: '/api/v1/promotions' },
    input: z.object({ runId: runIdSchema.optional() }),
  }),
  /**
   * Starts a comparison report in the background and answers with its id at once; progress and
   * the files made come as `report.progress` and `report.done` events. Files are fetched from
   * reportFilePath (serve mode) or revealed by the desktop shell.
   */
  exportReport: method<{ exportId: string }>()({
    http: { method: 'POST', path: '/api/v1/reports', status: 202 },
    input: z
      .object({
        runIds: z.array(runIdSchema).min(1, 'needs at least one run').max(LIMITS.seriesPerQuery),
        baseline: runIdSchema.optional(),
        /** Default: the keys every run logged. */
        metrics: z.array(keySchema).max(1000).optional(),
        /** Metrics charted on a log10 y axis (the compare view's log scale). */
        logKeys: z.array(keySchema).max(1000).optional(),
        /** Which way a metric improves where the user set it (the compare view's ↓/↑); others go by their name. */
        directions: z.record(keySchema, z.enum(['min', 'max'])).optional(),
        format: z.enum(REPORT_FORMATS),
        /** HTML/PDF/Markdown sections; default all. */
        sections: z.array(z.enum(REPORT_SECTIONS)).min(1, 'needs at least one section').optional(),
        /** Points per chart series; `full` keeps every step (JSON only). */
        series: z.union([z.literal(EXPORT_SERIES_LEVELS), z.literal('full')]).optional(),
        markdownImages: z.enum(MARKDOWN_IMAGES).default('inline'),
      })
      .refine((r) => r.series !== 'full' || r.format === 'json', { message: "every point ('full') goes with the json format", path: ['series'] })
      .refine((r) => r.baseline === undefined || r.runIds.includes(r.baseline), { message: 'must be one of runIds', path: ['baseline'] })
      // Without `metrics` the report's keys are known only once the runs are read: the export then fails naming the key.
      .refine((r) => r.metrics === undefined || (r.logKeys ?? []).every((k) => r.metrics!.includes(k)), { message: 'must be among metrics', path: ['logKeys'] })
      .refine((r) => r.metrics === undefined || Object.keys(r.directions ?? {}).every((k) => r.metrics!.includes(k)), { message: 'must be among metrics', path: ['directions'] }),
  }),
  /** How an export stands: `done` is null while it runs (for a UI that missed report.done while reconnecting). */
  getReportExport: method<{ exportId: string; done: ReportDone | null }>()({
    http: { method: 'GET', path: '/api/v1/reports/:id' },
    input: z.object({ id: z.string().min(1).max(64) }),
  }),
  listRemotes: method<{ remotes: RemoteConfig[] }>()({
    http: { method: 'GET', path: '/api/v1/remotes' },
    input: z.object({}),
  }),
  /** Creates or replaces a remote; `secret` (token or password) is stored, never returned. Omitted: keep the stored one; empty: forget it. */
  saveRemote: method<{ remote: RemoteConfig }>()({
    http: { method: 'PUT', path: '/api/v1/remotes' },
    input: z.object({
      name: remoteNameSchema,
      url: z.string().url().max(2000),
      username: z.string().max(500).default(''),
      secret: z.string().max(20_000).optional(),
    }),
  }),
  /** Forgets a remote and its secret; runs pushed there keep their remote copies, runs pulled from it stay. */
  deleteRemote: method<{ removed: boolean }>()({
    http: { method: 'DELETE', path: '/api/v1/remotes' },
    input: z.object({ name: remoteNameSchema }),
  }),
  /** Reaches the remote with its credentials: `ok` false with what went wrong (unreachable, refused credentials, not MLflow). */
  testRemote: method<{ ok: boolean; message: string; experiments: number | null }>()({
    http: { method: 'POST', path: '/api/v1/remotes/test' },
    input: z.object({ name: remoteNameSchema }),
  }),
  listRemoteExperiments: method<{ experiments: RemoteExperiment[] }>()({
    http: { method: 'GET', path: '/api/v1/remotes/:name/experiments' },
    input: z.object({ name: remoteNameSchema }),
  }),
  /** One page of an experiment's runs on the remote, newest first. */
  listRemoteRuns: method<{ runs: RemoteRun[]; nextPageToken: string | null }>()({
    http: { method: 'GET', path: '/api/v1/remotes/:name/runs' },
    input: z.object({
      name: remoteNameSchema,
      experimentId: remoteIdSchema,
      pageToken: z.string().max(4096).optional(),
    }),
  }),
  /**
   * Pushes runs to a remote in the background: the runs named, the runs of a local experiment,
   * or those matching a filter (one of the three). Answers with the job id at once; progress and
   * the end come as `sync.progress` and `sync.done`. A RUNNING run keeps pushing new points
   * (live push) until it ends, unless `live` is false.
   */
  pushRuns: method<{ jobId: string }>()({
    http: { method: 'POST', path: '/api/v1/sync/push', status: 202 },
    input: z
      .object({
        remote: remoteNameSchema,
        runIds: z.array(runIdSchema).min(1).max(100_000).optional(),
        experiment: z.string().trim().min(1).max(LIMITS.nameLength).optional(),
        filter: z.string().max(LIMITS.filterLength).optional(),
        live: z.boolean().default(true),
      })
      .refine((p) => [p.runIds, p.experiment, p.filter].filter((x) => x !== undefined).length === 1, {
        message: 'name the runs one way: runIds, experiment or filter',
      }),
  }),
  /**
   * Imports remote runs into the local store as read-only copies: the runs named, or a whole
   * experiment (`follow`: and keep importing its new and updated runs). Answers with the job id;
   * progress and the end come as `sync.progress` and `sync.done`.
   */
  pullRuns: method<{ jobId: string }>()({
    http: { method: 'POST', path: '/api/v1/sync/pull', status: 202 },
    input: z
      .object({
        remote: remoteNameSchema,
        runIds: z.array(remoteIdSchema).min(1).max(10_000).optional(),
        experimentId: remoteIdSchema.optional(),
        follow: z.boolean().default(false),
      })
      .refine((p) => (p.runIds === undefined) !== (p.experimentId === undefined), { message: 'name runIds or an experimentId' })
      .refine((p) => !p.follow || p.experimentId !== undefined, { message: 'only a whole experiment can be followed', path: ['follow'] }),
  }),
  /** How a push or pull stands: `done` is null while it runs. */
  getSyncJob: method<{ progress: SyncProgress; done: SyncDone | null }>()({
    http: { method: 'GET', path: '/api/v1/sync/jobs/:id' },
    input: z.object({ id: z.string().min(1).max(64) }),
  }),
  cancelSync: method<{ cancelled: boolean }>()({
    http: { method: 'POST', path: '/api/v1/sync/jobs/:id/cancel' },
    input: z.object({ id: z.string().min(1).max(64) }),
  }),
  listFollows: method<{ follows: FollowedExperiment[] }>()({
    http: { method: 'GET', path: '/api/v1/sync/follows' },
    input: z.object({}),
  }),
  /** Stops following a remote experiment; the runs already pulled stay. */
  unfollow: method<{ removed: boolean }>()({
    http: { method: 'DELETE', path: '/api/v1/sync/follows' },
    input: z.object({ remote: remoteNameSchema, experimentId: remoteIdSchema }),
  }),
  /** Stops the live push of a run (its points stay where they are; a later push catches up). */
  stopLivePush: method<{ stopped: boolean }>()({
    http: { method: 'POST', path: '/api/v1/runs/:id/live-push/stop' },
    input: z.object({ id: runIdSchema }),
  }),
  /** The built-in rules first, then the user rules of `experiment` (all user rules when omitted). */
  listAlertRules: method<{ rules: AlertRule[] }>()({
    http: { method: 'GET', path: '/api/v1/alerts/rules' },
    input: z.object({ experiment: z.string().min(1).max(LIMITS.nameLength).optional() }),
  }),
  /**
   * Creates a user rule (no `id`) or replaces one; a built-in rule (`builtin:<kind>`) can only be
   * enabled/disabled or given other `minutes` / `metric`.
   */
  saveAlertRule: method<{ rule: AlertRule }>()({
    http: { method: 'PUT', path: '/api/v1/alerts/rules' },
    input: z.object({
      id: z.string().min(1).max(64).optional(),
      kind: z.enum(ALERT_KINDS),
      experiment: z.string().trim().min(1).max(LIMITS.nameLength).nullable(),
      enabled: z.boolean().default(true),
      metric: z.string().min(1).max(LIMITS.keyLength).nullable().default(null),
      op: z.enum(THRESHOLD_OPS).nullable().default(null),
      value: z.number().finite().nullable().default(null),
      minutes: z.number().min(1).max(7 * 24 * 60).nullable().default(null),
    }),
  }),
  deleteAlertRule: method<{ removed: boolean }>()({
    http: { method: 'DELETE', path: '/api/v1/alerts/rules' },
    input: z.object({ id: z.string().min(1).max(64) }),
  }),
  /** Alerts raised, newest first: all, or one run's. */
  listAlerts: method<{ alerts: Alert[]; unread: number }>()({
    http: { method: 'GET', path: '/api/v1/alerts' },
    input: z.object({
      runId: runIdSchema.optional(),
      limit: z.coerce.number().int().min(1).max(1000).default(200),
    }),
  }),
  /** Marks the alerts named (all when omitted) read. */
  markAlertsRead: method<{ updated: number }>()({
    http: { method: 'POST', path: '/api/v1/alerts/read' },
    input: z.object({ ids: z.array(z.number().int().min(1)).max(1000).optional() }),
  }),
  listWatchRoots: method<{ roots: WatchRoot[] }>()({
    http: { method: 'GET', path: '/api/v1/watch' },
    input: z.object({}),
  }),
  addWatchRoot: method<{ root: WatchRoot; report: IngestReport }>()({
    http: { method: 'POST', path: '/api/v1/watch', status: 201 },
    input: z.object({ path: z.string().min(1).max(4096) }),
  }),
  removeWatchRoot: method<{ removed: boolean }>()({
    http: { method: 'DELETE', path: '/api/v1/watch' },
    input: z.object({ path: z.string().min(1).max(4096) }),
  }),
  listViews: method<{ views: SavedView[] }>()({
    http: { method: 'GET', path: '/api/v1/views' },
    input: z.object({}),
  }),
  /** Creates the view, or replaces the one with the same name. */
  saveView: method<{ view: SavedView }>()({
    http: { method: 'PUT', path: '/api/v1/views' },
    input: savedViewSchema,
  }),
  deleteView: method<{ removed: boolean }>()({
    http: { method: 'DELETE', path: '/api/v1/views' },
    input: z.object({ name: z.string().min(1).max(200) }),
  }),
  loadSampleRuns: method<IngestReport>()({
    http: { method: 'POST', path: '/api/v1/samples' },
    input: z.object({}),
  }),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Output<M extends MethodName> = NonNullable<Contract[M]['output']>;

/** What both transports implement: one async function per contract method. */
export type Api = { [M in MethodName]: (input: Input<M>) => Promise<Output<M>> };
/** What the core implements: the same methods, given already-validated input. */
export type Handlers = { [M in MethodName]: (input: ParsedInput<M>) => Output<M> | Promise<Output<M>> };

export type { RunStatus };
