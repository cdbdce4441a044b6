// Params arrive as flat strings, but configs nest: W&B and Hydra write the nesting into the key
// (`model.depth`, `optimizer/lr`), and a script may log a whole config as one JSON object value
// (`config` = `{"model": {"depth": 4}}`). Both end up as dotted keys grouped by their first part.
import { flattenConfig, isPlainObject } from '../../../../src-shared/flatten-config';

/** The run's params with JSON-object values expanded into dotted keys; a key logged as such wins. */
export function flattenParams(params: Record<string, string>): Record<string, string> {
  const leaves: Record<string, string> = {};
  const plain: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const object = jsonObject(value);
    if (object) flattenConfig(key, object, leaves);
    else plain[key] = value;
  }
  return { ...leaves, ...plain };
}

function jsonObject(value: string): Record<string, unknown> | null {
  // Cheap test first: most values are numbers or short words, not worth a parse attempt.
  if (!value.startsWith('{')) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return isPlainObject(parsed) && Object.keys(parsed).length > 0 ? parsed : null;
  } catch {
    return null;
  }
}

/** `model.depth` → group `model`, name `depth`; `optimizer/lr` likewise; `lr` has no group (''). */
export function splitParamKey(key: string): { group: string; name: string } {
  const at = key.search(/[./]/);
  if (at <= 0 || at === key.length - 1) return { group: '', name: key };
  return { group: key.slice(0, at), name: key.slice(at + 1) };
}
