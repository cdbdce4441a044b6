// The MLflow Model Registry adapter. The model's files go through the server's artifact proxy into
// the artifact folder of a staging run kept per model digest (MLflow 3 accepts a version source only
// inside a run's folder), so a retry rewrites the same bytes to the same place; the model version
// is created only after every file is in, and carries the model digest as a tag, which is how a
// retry finds it instead of making a second version. `mlflow.pyfunc.load_model("models:/<name>@
// <alias>")` resolves the version's source (`mlflow-artifacts:/<exp>/<run>/artifacts/model`) and
// downloads that folder, whose root holds the MLmodel file.
import { z } from 'zod';
import type { RegistryConfig } from '../../../../src-shared/promotion';
import {
  RegistryError,
  type PushRequest,
  type PushResult,
  type RegistryAdapter,
  type RegistryAdapterFactory,
  type RegistryCredentials,
  type RemoteFile,
} from '../registry-adapter';
import { fileBody, hashBody } from '../registry-http';
import { MlflowApiError, MlflowRest } from './mlflow-rest';

const DIGEST_TAG = 'runlens.model_digest';
const RUN_TAG = 'runlens.run_id';
const STAGING_EXPERIMENT = 'runlens-promotions';
const SOURCE_SCHEME = 'mlflow-artifacts:/';

const Tag = z.object({ key: z.string(), value: z.string().optional() });
const ModelVersion = z.object({
  version: z.string(),
  source: z.string().optional(),
  status: z.string().optional(),
  tags: z.array(Tag).optional(),
});
type ModelVersion = z.infer<typeof ModelVersion>;
const RegisteredModelResponse = z.object({
  registered_model: z.object({ aliases: z.array(z.object({ alias: z.string(), version: z.string() })).optional() }),
});
const Run = z.object({ info: z.object({ run_id: z.string(), artifact_uri: z.string() }) });
const RunResponse = z.object({ run: Run });
const RunsResponse = z.object({ runs: z.array(Run).optional() });
const ExperimentResponse = z.object({ experiment: z.object({ experiment_id: z.string() }) });
const VersionResponse = z.object({ model_version: ModelVersion });
const SearchResponse = z.object({ model_versions: z.array(ModelVersion).optional(), next_page_token: z.string().optional() });

export class MlflowRegistryAdapter implements RegistryAdapter {
  readonly kind = 'mlflow' as const;
  private readonly rest: MlflowRest;

  constructor(config: RegistryConfig, credentials: RegistryCredentials) {
    this.rest = new MlflowRest(config.url, credentials);
  }

  async aliasHolder(remoteName: string, alias: string, signal: AbortSignal): Promise<{ remoteVersion: string; runId: string | null } | null> {
    // The registered model lists its aliases; asking for a missing alias by name answers an
    // error whose code MLflow does not keep apart from a bad request.
    let model: z.infer<typeof RegisteredModelResponse>;
    try {
      model = await this.rest.get('registered-models/get', { name: remoteName }, RegisteredModelResponse, signal);
    } catch (err) {
      if (err instanceof MlflowApiError && err.errorCode === 'RESOURCE_DOES_NOT_EXIST') return null;
      throw err;
    }
    const held = model.registered_model.aliases?.find((a) => a.alias === alias);
    if (!held) return null;
    const { model_version: v } = await this.rest.get('model-versions/get', { name: remoteName, version: held.version }, VersionResponse, signal);
    return { remoteVersion: v.version, runId: tagValue(v, RUN_TAG) };
  }

  async push(req: PushRequest): Promise<PushResult> {
    const { remoteName, signal } = req;
    await this.ensureRegisteredModel(remoteName, signal);
    let version = await this.findVersion(remoteName, req.modelDigest, signal);
    const created = version === null;
    if (version === null) {
      const run = await this.stagingRun(req, signal);
      const folder = `${proxyPath(run.info.artifact_uri)}/model`;
      for (const file of req.files) {
        req.onProgress(file.path, 0, file.size);
        await this.rest.putArtifact(`${folder}/${file.path}`, fileBody(file, req.onProgress), file.size, signal);
      }
      const tags = { ...req.annotations, [RUN_TAG]: req.runId, [DIGEST_TAG]: req.modelDigest };
      const body = {
        name: remoteName,
        source: `${SOURCE_SCHEME}${folder}`,
        run_id: run.info.run_id,
        tags: Object.entries(tags).map(([key, value]) => ({ key, value })),
        description: `Promoted by Runlens from run ${req.runId}`,
      };
      version = (await this.rest.post('model-versions/create', body, VersionResponse, signal)).model_version;
    }
    if (req.alias) {
      await this.rest.post('registered-models/alias', { name: remoteName, alias: req.alias, version: version.version }, z.unknown(), signal);
    }
    return { remoteVersion: version.version, created };
  }

  async readBack(remoteName: string, remoteVersion: string, signal: AbortSignal): Promise<RemoteFile[]> {
    const { model_version: v } = await this.rest.get('model-versions/get', { name: remoteName, version: remoteVersion }, VersionResponse, signal);
    const source = v.source ?? '';
    if (!source.startsWith('mlflow-artifacts:')) {
      throw new RegistryError(`cannot read back ${remoteName} version ${remoteVersion}: its source ${source} is not served by the artifact proxy`);
    }
    const root = proxyPath(source);
    const out: RemoteFile[] = [];
    const walk = async (rel: string): Promise<void> => {
      for (const entry of await this.rest.listArtifacts(rel ? `${root}/${rel}` : root, signal)) {
        // The proxy lists names relative to the folder asked for.
        const name = entry.path.split('/').pop() ?? entry.path;
        const child = rel ? `${rel}/${name}` : name;
        if (entry.is_dir) await walk(child);
        else out.push({ path: child, ...(await hashBody(await this.rest.getArtifact(`${root}/${child}`, signal))) });
      }
    };
    await walk('');
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  private async ensureRegisteredModel(name: string, signal: AbortSignal): Promise<void> {
    try {
      await this.rest.post('registered-models/create', { name }, z.unknown(), signal);
    } catch (err) {
      if (!(err instanceof MlflowApiError && err.errorCode === 'RESOURCE_ALREADY_EXISTS')) throw err;
    }
  }

  /** The version an earlier push of the same model made; filtered here, as tag filters vary by server version. */
  private async findVersion(name: string, modelDigest: string, signal: AbortSignal): Promise<ModelVersion | null> {
    let pageToken: string | undefined;
    do {
      const query: Record<string, string> = { filter: `name='${name.replace(/'/g, "\\'")}'`, max_results: '200' };
      if (pageToken) query.page_token = pageToken;
      const page = await this.rest.get('model-versions/search', query, SearchResponse, signal);
      const hit = (page.model_versions ?? []).find((v) => tagValue(v, DIGEST_TAG) === modelDigest);
      if (hit) return hit;
      pageToken = page.next_page_token || undefined;
    } while (pageToken);
    return null;
  }

  /**
   * MLflow 3 accepts an artifact-proxy source only inside the artifact folder of a run named by
   * `run_id` (server/handlers.py, _validate_source_run). The Runlens run does not exist on that
   * server, so the files go into a run of the `runlens-promotions` experiment, one per model
   * digest (found again by its tag on a retry, so a retry rewrites the same folder).
   */
  private async stagingRun(req: PushRequest, signal: AbortSignal): Promise<z.infer<typeof Run>> {
    const experimentId = await this.stagingExperiment(signal);
    const found = await this.rest.post(
      'runs/search',
      { experiment_ids: [experimentId], filter: `tags.\`${DIGEST_TAG}\` = '${req.modelDigest}'`, max_results: 1 },
      RunsResponse,
      signal,
    );
    const run = found.runs?.[0];
    if (run) return run;
    const tags = { [DIGEST_TAG]: req.modelDigest, [RUN_TAG]: req.runId, 'mlflow.runName': `runlens-${req.runId}` };
    const body = { experiment_id: experimentId, start_time: Date.now(), tags: Object.entries(tags).map(([key, value]) => ({ key, value })) };
    return (await this.rest.post('runs/create', body, RunResponse, signal)).run;
  }

  private async stagingExperiment(signal: AbortSignal): Promise<string> {
    try {
      return (await this.rest.get('experiments/get-by-name', { experiment_name: STAGING_EXPERIMENT }, ExperimentResponse, signal)).experiment.experiment_id;
    } catch (err) {
      if (!(err instanceof MlflowApiError && err.errorCode === 'RESOURCE_DOES_NOT_EXIST')) throw err;
    }
    try {
      return (await this.rest.post('experiments/create', { name: STAGING_EXPERIMENT }, z.object({ experiment_id: z.string() }), signal)).experiment_id;
    } catch (err) {
      // Another promotion created it in between.
      if (!(err instanceof MlflowApiError && err.errorCode === 'RESOURCE_ALREADY_EXISTS')) throw err;
      return (await this.rest.get('experiments/get-by-name', { experiment_name: STAGING_EXPERIMENT }, ExperimentResponse, signal)).experiment.experiment_id;
    }
  }
}

/** `mlflow-artifacts:/1/abc/artifacts` (or with `//host:port`) → `1/abc/artifacts`, the proxy's path. */
function proxyPath(artifactUri: string): string {
  if (!artifactUri.startsWith('mlflow-artifacts:')) {
    throw new RegistryError(`the MLflow server stores artifacts at ${artifactUri}, not behind its artifact proxy: start it with --serve-artifacts`);
  }
  return artifactUri.slice('mlflow-artifacts:'.length).replace(/^\/\/[^/]*/, '').replace(/^\/+|\/+$/g, '');
}

function tagValue(v: ModelVersion, key: string): string | null {
  return v.tags?.find((t) => t.key === key)?.value ?? null;
}

export const createMlflowAdapter: RegistryAdapterFactory = (config, credentials) => new MlflowRegistryAdapter(config, credentials);
