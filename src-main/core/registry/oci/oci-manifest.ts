// The model as an OCI artifact (image-spec v1.1, "Guidelines for Artifact Usage"): the empty
// config descriptor, `artifactType` naming what it is, one layer per file titled with its path.
// The bytes are deterministic — fixed key order, layers and annotations sorted, no timestamps —
// so the same files and evidence give the same manifest digest, which is how a retry finds its
// earlier push.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ModelFile } from '../registry-adapter';

export const MANIFEST_MEDIA_TYPE = 'application/vnd.oci.image.manifest.v1+json';
export const ARTIFACT_TYPE = 'application/vnd.runlens.model.v1';
export const TITLE = 'org.opencontainers.image.title';
/** image-spec manifest.md, "Guidance for an Empty Descriptor": the two bytes `{}`. */
export const EMPTY_CONFIG = {
  mediaType: 'application/vnd.oci.empty.v1+json',
  digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
  size: 2,
} as const;
export const EMPTY_CONFIG_BYTES = Buffer.from('{}');

export interface BuiltManifest {
  bytes: Buffer;
  /** `sha256:` of the exact bytes. */
  digest: string;
}

export function buildManifest(files: readonly ModelFile[], annotations: Record<string, string>): BuiltManifest {
  const layers = [...files]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((f) => ({ mediaType: 'application/octet-stream', digest: `sha256:${f.sha256}`, size: f.size, annotations: { [TITLE]: f.path } }));
  const sortedAnnotations: Record<string, string> = {};
  for (const k of Object.keys(annotations).sort()) sortedAnnotations[k] = annotations[k]!;
  const manifest = {
    schemaVersion: 2,
    mediaType: MANIFEST_MEDIA_TYPE,
    artifactType: ARTIFACT_TYPE,
    config: EMPTY_CONFIG,
    layers,
    annotations: sortedAnnotations,
  };
  const bytes = Buffer.from(JSON.stringify(manifest));
  return { bytes, digest: sha256Digest(bytes) };
}

export function sha256Digest(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

const Descriptor = z.object({
  mediaType: z.string(),
  digest: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  annotations: z.record(z.string(), z.string()).optional(),
});

/** What we read back: any image manifest, its layers titled (ours are). */
export const RemoteManifest = z.object({
  schemaVersion: z.literal(2),
  mediaType: z.string().optional(),
  artifactType: z.string().optional(),
  config: Descriptor,
  layers: z.array(Descriptor),
  annotations: z.record(z.string(), z.string()).optional(),
});
export type RemoteManifest = z.infer<typeof RemoteManifest>;
