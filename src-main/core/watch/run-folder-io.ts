import { stat } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { EventHub } from '../events/event-hub';
import type { Store } from '../store/store';
import { CONTEXT_TAG } from '../store/dataset-repo';
import { resolveRef } from '../datasets/dataset-ref';
import type { LocalDataset } from '../datasets/describe-local';
import { INPUTS_FILE, OUTPUTS_FILE, parseInputsFile, parseOutputsFile, type RunFolderOutput } from '../ingest/run-folder-io-format';
import { errorText } from './source';
import { readRegularText } from './read-regular-file';
import { hasRunModel, recordRunModel } from '../lineage/run-models';

type Ref = RunFolderOutput;

type Resolved =
  | { role: 'inputs' | 'outputs'; ref: Ref; dataset: LocalDataset }
  | { role: 'model'; ref: Ref; path: string };

/** The file's refs, or null (with a problem) when it cannot be read or parsed; absent is none. */
async function readRefs(dir: string, file: string, problems: string[]): Promise<Ref[] | null> {
  const path = join(dir, file);
  let text: string;
  try {
    text = await readRegularText(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') problems.push(`${path}: cannot read: ${errorText(e)}`);
    return null;
  }
  try {
    // Inputs are datasets: the same shape as outputs with the default kind.
    return file === INPUTS_FILE ? parseInputsFile(text).map((r) => ({ ...r, kind: 'dataset' as const })) : parseOutputsFile(text);
  } catch (e) {
    // Caught mid-write, it parses on the next change; meanwhile what it named before stays.
    problems.push(`${path}: ${errorText(e)}`);
    return null;
  }
}

/**
 * Records what a run folder's `inputs.json` and `outputs.json` name. Each local ref is recorded
 * once, as the data was when the run folder was first read with it: re-reading (on any change
 * in the folder, or at start) must not make the run claim a version of the data it never saw —
 * later versions are the dataset refresher's to find. Bad refs are reported and skipped; the
 * rest are recorded. Returns the problems.
 */
export async function ingestRunFolderIO(store: Store, hub: EventHub, dir: string, runId: string): Promise<string[]> {
  const problems: string[] = [];
  const known = store.datasets.urisOf(runId);
  const resolved: Resolved[] = [];
  for (const file of [INPUTS_FILE, OUTPUTS_FILE]) {
    const role = file === INPUTS_FILE ? 'inputs' : 'outputs';
    const refs = (await readRefs(dir, file, problems)) ?? [];
    for (const [i, ref] of refs.entries()) {
      const where = `${join(dir, file)}: [${i}]`;
      let abs: string | null = null;
      if (ref.path !== undefined) {
        abs = isAbsolute(ref.path) ? ref.path : resolve(dir, ref.path);
        const rel = relative(dir, abs);
        if (!isAbsolute(ref.path) && (rel === '..' || rel.startsWith(`..${sep}`))) {
          problems.push(`${where} path '${ref.path}' leaves the run folder; give data outside it by absolute path`);
          continue;
        }
      }
      const name = ref.name ?? (abs ? basename(abs) : '');
      try {
        if (ref.kind === 'model') {
          if (hasRunModel(store, runId, abs!)) continue;
          await stat(abs!);
          resolved.push({ role: 'model', ref, path: abs! });
        } else {
          if (abs && known[role].has(`${name}\0${abs}`)) continue;
          const dataset = await resolveRef({ ...ref, kind: ref.kind === 'artifact' ? 'artifact' : 'dataset' }, abs, store.digests);
          if (dataset.problem) problems.push(`${abs}: ${dataset.problem}`);
          resolved.push({ role, ref, dataset });
        }
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        problems.push(`${where} ${code === 'ENOENT' ? `no such file or folder: ${abs}` : errorText(e)}`);
      }
    }
  }
  if (resolved.length === 0) return problems;
  const now = Date.now();
  store.tx(() => {
    const experimentId = store.runs.summary(runId)?.experimentId;
    for (const r of resolved) {
      if (r.role === 'model') {
        // A run whose experiment is unknown cannot be here: it was upserted just before.
        if (experimentId === undefined) continue;
        recordRunModel(store, runId, experimentId, { path: r.path, name: r.ref.name }, now);
        continue;
      }
      const context = r.ref.context ?? null;
      if (r.role === 'inputs') store.datasets.addRunInput(runId, r.dataset.record, context === null ? {} : { [CONTEXT_TAG]: context }, now);
      else store.datasets.addRunOutput(runId, r.dataset.record, context, now);
    }
  });
  hub.runChanged(runId);
  hub.datasetsChanged(resolved.flatMap((r) => (r.role === 'model' ? [] : [r.dataset.record.name])));
  return problems;
}
