// `inputs.json` and `outputs.json` beside a run folder's `run.json` (README "The run-folder
// format"): arrays of the data a run read and wrote, named like the API's dataset refs.
import { z } from 'zod';
import { datasetRefSchema } from '../../../src-shared/contract';
import { describeIssue } from '../api/dispatch';

export const INPUTS_FILE = 'inputs.json';
export const OUTPUTS_FILE = 'outputs.json';

// The API's ref (a path, or a digest and a name); here a relative path is relative to the run
// folder, and outputs may also be models, which need a path.
const inputsSchema = z.array(datasetRefSchema).max(1000);
const outputsSchema = z
  .array(
    datasetRefSchema
      .and(z.object({ kind: z.enum(['dataset', 'artifact', 'model']).default('dataset') }))
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
