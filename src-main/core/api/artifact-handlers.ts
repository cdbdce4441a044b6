// The run page's view of artifacts: a run's files (or a model's it produced), listed and
// previewed through the contract, so it works over HTTP and IPC alike.
import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { ArtifactEntry, ArtifactPreview } from '../../../src-shared/domain';
import { ApiError } from '../../../src-shared/errors';
import { LIMITS } from '../../../src-shared/limits';
import type { Handlers } from '../../../src-shared/contract';
import type { Store } from '../store/store';
import { listDir, type ArtifactStore } from '../artifacts/artifact-store';
import { requireRun } from './run-writes';

const PREVIEW_BYTES = LIMITS.previewBytes;

const IMAGE_TYPES: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp' };

function rootOf(store: Store, artifacts: ArtifactStore, runId: string, modelId: string | undefined): string | null {
  const run = requireRun(store, runId);
  if (!modelId) return artifacts.localDir(run.artifactUri);
  const model = store.models.get(modelId);
  const produced = model && (model.sourceRunId === runId || store.models.outputsOf(runId).some((o) => o.modelId === modelId));
  if (!model || !produced) throw new ApiError('RESOURCE_DOES_NOT_EXIST', `Run ${runId} has no model ${modelId}`);
  return artifacts.localDir(model.artifactUri);
}

export function createArtifactHandlers(store: Store, artifacts: ArtifactStore): Pick<Handlers, 'listArtifacts' | 'previewArtifact'> {
  return {
    async listArtifacts({ id, path, modelId }) {
      const root = rootOf(store, artifacts, id, modelId);
      if (!root) return { root: null, entries: [] };
      const sub = path ?? '';
      const files = await listDir(sub ? await artifacts.resolveReal(root, sub) : root);
      const entries: ArtifactEntry[] = files.map((f) => ({ path: sub ? `${sub.replace(/\/+$/, '')}/${f.path}` : f.path, isDir: f.isDir, ...(f.size === undefined ? {} : { size: f.size }) }));
      return { root, entries };
    },

    async previewArtifact({ id, path, modelId }): Promise<ArtifactPreview> {
      const root = rootOf(store, artifacts, id, modelId);
      if (!root) throw new ApiError('RESOURCE_DOES_NOT_EXIST', `Run ${id} has no local artifacts`);
      const file = await artifacts.resolveReal(root, path);
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) throw new ApiError('RESOURCE_DOES_NOT_EXIST', `Artifact '${path}' does not exist`);
      const handle = await open(file, 'r');
      try {
        const buf = Buffer.alloc(Math.min(info.size, PREVIEW_BYTES));
        await handle.read(buf, 0, buf.length, 0);
        const image = IMAGE_TYPES[extname(file).toLowerCase()];
        if (image) {
          if (info.size > PREVIEW_BYTES) throw new ApiError('INVALID_PARAMETER_VALUE', `Image '${path}' is too large to preview (${info.size} bytes)`);
          return { path, size: info.size, encoding: 'base64', mediaType: image, content: buf.toString('base64'), truncated: false };
        }
        if (buf.subarray(0, 8192).includes(0)) throw new ApiError('INVALID_PARAMETER_VALUE', `'${path}' is a binary file`);
        return { path, size: info.size, encoding: 'utf8', mediaType: 'text/plain', content: buf.toString('utf8'), truncated: info.size > PREVIEW_BYTES };
      } finally {
        await handle.close();
      }
    },
  };
}
