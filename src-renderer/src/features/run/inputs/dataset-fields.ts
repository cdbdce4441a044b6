// MLflow records a dataset's source, schema and profile as JSON text whose shape depends on the
// dataset class (mlflow/data/*.py). These read the common shapes and give up quietly on others,
// so the panel can fall back to showing the text as it is.

function parseObject(text: string | null): Record<string, unknown> | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** `{"uri": "…"}` (file, http, s3 and most other sources) → the URI; anything else as recorded. */
export function datasetSourceLabel(source: string): string {
  const uri = parseObject(source)?.uri;
  return typeof uri === 'string' && uri ? uri : source;
}

export interface SchemaColumn {
  name: string;
  type: string;
}

/** `{"mlflow_colspec": [{"name", "type"}, …]}` (mlflow.types.Schema.to_dict) → columns; else null. */
export function datasetColumns(schema: string | null): SchemaColumn[] | null {
  const colspec = parseObject(schema)?.mlflow_colspec;
  if (!Array.isArray(colspec)) return null;
  const columns: SchemaColumn[] = [];
  for (const [i, col] of colspec.entries()) {
    if (!col || typeof col !== 'object') return null;
    const { name, type } = col as { name?: unknown; type?: unknown };
    columns.push({ name: typeof name === 'string' ? name : `#${i}`, type: typeof type === 'string' ? type : JSON.stringify(type ?? null) });
  }
  return columns;
}

/** `{"num_rows": n}` (pandas, numpy and spark datasets' profiles) → n; else null. */
export function datasetRowCount(profile: string | null): number | null {
  const rows = parseObject(profile)?.num_rows;
  return typeof rows === 'number' && Number.isFinite(rows) ? rows : null;
}
