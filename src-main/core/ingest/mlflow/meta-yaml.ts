import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';

/** A meta.yaml read as text: scalars are strings (or null), maps are records. */
export type YamlText = string | null | YamlText[] | { [key: string]: YamlText };

/**
 * MLflow writes meta.yaml with PyYAML, whose YAML 1.1 resolver differs from YAML 1.2's: a run
 * named `1e3` or `0x10` is written bare (a string to PyYAML) but is a number to a 1.2 reader.
 * So scalars are taken as the text written — the parsed value when it is a string (which also
 * unfolds PyYAML's long-line folding), else the bare source text — and the few numeric fields
 * are converted by the caller. `null`/`~` stay null (PyYAML's None).
 */
export function readMetaYaml(text: string): Record<string, YamlText> {
  const doc = parseDocument(text, { keepSourceTokens: true, prettyErrors: false });
  if (doc.errors.length > 0) throw new Error(`not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`);
  const out = toText(doc.contents);
  if (out === null || typeof out !== 'object' || Array.isArray(out)) throw new Error('not a YAML mapping');
  return out;
}

function toText(node: Node | null): YamlText {
  if (node === null) return null;
  if (isScalar(node)) {
    const v = node.value;
    if (v === null || v === undefined) return null;
    if (typeof v === 'string') return v;
    const src = node.srcToken && 'source' in node.srcToken ? node.srcToken.source : undefined;
    return node.type === 'PLAIN' && typeof src === 'string' ? src.trim() : String(v);
  }
  if (isMap(node)) {
    const out: Record<string, YamlText> = {};
    for (const pair of node.items) {
      const key = toText(pair.key as Node | null);
      if (typeof key === 'string') out[key] = toText(pair.value as Node | null);
    }
    return out;
  }
  if (isSeq(node)) return node.items.map((i) => toText(i as Node | null));
  return null;
}

/** A string field; absent or null → null. */
export function textField(m: Record<string, YamlText>, key: string): string | null {
  const v = m[key];
  return typeof v === 'string' ? v : null;
}

/** An integer field (epoch ms, status code); absent or null → null, anything else throws. */
export function intField(m: Record<string, YamlText>, key: string): number | null {
  const v = m[key];
  if (v === null || v === undefined) return null;
  const n = typeof v === 'string' && /^[-+]?\d+$/.test(v.trim()) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n)) throw new Error(`'${key}' is not an integer`);
  return n;
}

/** A map of string values (input tags); absent → {}. */
export function stringMapField(m: Record<string, YamlText>, key: string): Record<string, string> {
  const v = m[key];
  if (v === null || v === undefined) return {};
  if (typeof v !== 'object' || Array.isArray(v)) throw new Error(`'${key}' is not a mapping`);
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
  return out;
}
