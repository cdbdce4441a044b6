// Hyperparameter files (DVCLive's params.yaml, Lightning's hparams.yaml) are nested YAML
// mappings; Runlens params are flat strings, so nested keys are joined with dots.
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';

export interface ParamsRead {
  params: Record<string, string>;
  problems: string[];
}

/** Longest param value MLflow (and so Runlens) keeps; longer ones are cut, with a problem. */
const MAX_VALUE = 6000;

/**
 * Params from a YAML mapping, flattened (`optimizer: {lr: 0.1}` → `optimizer.lr`). A scalar
 * keeps its text as written (`1.0` stays `1.0`, as Python would print it); a list becomes its
 * JSON text. Python-specific tags (`!!python/tuple`) are read as the plain value they tag.
 * Never throws: an unreadable file gives no params and a problem.
 */
export function parseYamlParams(text: string, file: string): ParamsRead {
  const problems: string[] = [];
  const params: Record<string, string> = {};
  let doc;
  try {
    doc = parseDocument(text, { logLevel: 'silent', uniqueKeys: false });
  } catch (e) {
    return { params, problems: [`${file}: ${e instanceof Error ? e.message : String(e)}`] };
  }
  if (doc.errors.length > 0) return { params, problems: [`${file}: not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`] };
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { params, problems };
  if (!isMap(root)) return { params, problems: [`${file}: not a YAML mapping`] };
  flattenYamlNode(root, '', file, { params, problems });
  return { params, problems };
}

/** Adds a YAML node's values to `into.params` under `prefix` (dotted below it), as parseYamlParams reads them. */
export function flattenYamlNode(node: Node | null, prefix: string, file: string, into: ParamsRead): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      flattenYamlNode(pair.value as Node | null, prefix ? `${prefix}.${key}` : key, file, into);
    }
    return;
  }
  let value: string;
  if (node === null) value = 'null';
  else if (isScalar(node)) value = typeof node.value === 'string' ? node.value : (node.source ?? String(node.value));
  else if (isSeq(node)) value = safeJson(node.toJSON());
  else value = String(node);
  if (value.length > MAX_VALUE) {
    into.problems.push(`${file}: param '${prefix}' is longer than ${MAX_VALUE} characters; cut`);
    value = value.slice(0, MAX_VALUE);
  }
  into.params[prefix] = value;
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? 'null';
  } catch {
    return String(v);
  }
}

/** Flattens a JSON object the same way (nested keys joined with `sep`). */
export function flattenObject(value: Record<string, unknown>, sep: string, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [k, v] of Object.entries(value)) {
    const key = prefix ? `${prefix}${sep}${k}` : k;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) flattenObject(v as Record<string, unknown>, sep, key, out);
    else out[key] = v;
  }
  return out;
}
