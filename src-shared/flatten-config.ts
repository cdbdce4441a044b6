// A nested config (W&B's config, a JSON object logged as one param) as flat dotted keys, the
// shape params have everywhere else: `{"opt": {"lr": 0.1}}` under `config` → `config.opt.lr`.
// Strings stay as they are, anything else becomes its JSON text; an empty object is kept as a
// value of its own so the key does not vanish.

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function flattenConfig(key: string, value: unknown, out: Record<string, string> = {}): Record<string, string> {
  if (isPlainObject(value) && Object.keys(value).length > 0) {
    for (const [k, v] of Object.entries(value)) flattenConfig(`${key}.${k}`, v, out);
    return out;
  }
  out[key] = typeof value === 'string' ? value : (JSON.stringify(value) ?? 'null');
  return out;
}
