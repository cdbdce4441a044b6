// How a text artifact is shown: JSON pretty-printed when the whole file parses (MLflow writes
// much of its metadata as one-line JSON); everything else (YAML, MLmodel, requirements.txt,
// logs) exactly as written.

export function previewText(path: string, content: string, truncated: boolean): { text: string; pretty: boolean } {
  const trimmed = content.trimStart();
  const looksJson = /\.json$/i.test(path) || trimmed.startsWith('{') || trimmed.startsWith('[');
  // A truncated file cannot parse; a partial pretty-print would be wrong anyway.
  if (!looksJson || truncated) return { text: content, pretty: false };
  try {
    return { text: JSON.stringify(JSON.parse(content), null, 2), pretty: true };
  } catch {
    return { text: content, pretty: false };
  }
}
