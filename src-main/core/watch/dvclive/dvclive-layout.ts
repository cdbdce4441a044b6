import { sep } from 'node:path';
import { DVCLIVE_METRICS_DIR, DVCLIVE_PARAMS_FILE, DVCLIVE_SUMMARY_FILE, DVCLIVE_TSV } from '../../ingest/dvclive/dvclive-format';

/**
 * The DVCLive folder a changed file belongs to, from its path alone: `<dir>/plots/metrics/**.tsv`,
 * `<dir>/metrics.json` or `<dir>/params.yaml`. Whether `<dir>` really is DVCLive's is decided
 * when it is read (a metrics.json alone is many tools' file).
 */
export function dvcliveDirOf(path: string): string | null {
  const parts = path.split(sep);
  const name = parts[parts.length - 1]!;
  if (name === DVCLIVE_SUMMARY_FILE || name === DVCLIVE_PARAMS_FILE) return parts.slice(0, -1).join(sep);
  if (!name.endsWith(DVCLIVE_TSV)) return null;
  for (let i = parts.length - 3; i >= 1; i--) {
    if (parts[i] === DVCLIVE_METRICS_DIR[0] && parts[i + 1] === DVCLIVE_METRICS_DIR[1]) return parts.slice(0, i).join(sep) || sep;
  }
  return null;
}
