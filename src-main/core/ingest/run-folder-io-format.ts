// `inputs.json` and `outputs.json` beside a run folder's `run.json` (README "The run-folder
// format"): arrays of the data a run read and wrote, named like the API's dataset refs.
import { z } from 'zod';
import { LIMITS } from '../../../src-shared/limits';
import { describeIssue } from '../api/dispatch';

export const INPUTS_FILE = 'inputs.json';
export const OUTPUTS_FILE = 'outputs.json';

const refFields = {
  /** Relative to the run folder (and inside it), or absolute. */
  path: z.string().min(1).max(4096).optional(),
  digest: z.string().min(1).max(200).optional(),
  name: z.string().trim().min(1).max(LIMITS.nameLength).optional(),
  source: z.string().max(4096).optional(),
  context: z.string().max(200).optional(),
};
const needsPathOrDigest = {
  check: (r: { path?: string; digest?: string; name?: string }) => r.path !== undefined || (r.digest !== undefined && r.name !== undefined),
  message: 'needs a path, or a digest and a name',
};

const inputsSchema = z.array(z.object(refFields).refine(needsPathOrDigest.check, needsPathOrDigest.message)).max(1000);
const outputsSchema = z
  .array(
    z
      .object({ ...refFields, kind: z.enum(['dataset', 'artifact', 'model']).default('dataset') })
      .refine(needsPathOrDigest.check, needsPathOrDigest.message)
      .refine((r) => r.kind !== 'model' || r.path !== undefined, { message: 'a model needs a path' }),
  )
  .max(1000);

export type RunFolderInput = z.infer<typeof inputsSchema>[number];
export type RunFolderOutput = z.infer<typeof outputsSchema>[number];

function parse<T>(schema: z.ZodType<T>, text: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error('not valid JSON');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error(describeIssue(parsed.error));
  return parsed.data;
}

/** Parses `inputs.json`; throws with a reason. */
export function parseInputsFile(text: string): RunFolderInput[] {
  return parse(inputsSchema, text);
}

/** Parses `outputs.json`; throws with a reason. */
export function parseOutputsFile(text: string): RunFolderOutput[] {
  return parse(outputsSchema, text);
}
