/** Query parameters as request fields: a repeated key becomes a list, as MLflow's GET routes expect. */
export function queryFields(url: URL): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    // Defined, not assigned: `out['__proto__'] = [...]` (from `?__proto__=a&__proto__=b`) would
    // replace the object's prototype, and every absent field would then read Array's members.
    Object.defineProperty(out, key, { value: all.length > 1 ? all : all[0], enumerable: true, writable: true, configurable: true });
  }
  return out;
}
