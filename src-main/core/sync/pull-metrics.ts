// A remote run's full metric history, one key at a time, page by page (MLflow 3 pages
// metrics/get-history when asked with max_results; older servers answer everything at once and
// no token, which this reads the same). Values, steps and timestamps are kept exactly.
import type { MlflowRest } from '../registry/mlflow/mlflow-rest';
import type { MetricPoint } from '../store/metric-point';
import { HistoryPage, toNumber } from './remote-records';

/** The largest page both MLflow and Runlens's own MLflow API serve. */
export const HISTORY_PAGE = 25_000;

export async function fetchHistory(
  client: MlflowRest,
  runId: string,
  key: string,
  signal: AbortSignal,
  received: (points: number) => void,
): Promise<MetricPoint[]> {
  const points: MetricPoint[] = [];
  let token: string | undefined;
  do {
    const query: Record<string, string> = { run_id: runId, metric_key: key, max_results: String(HISTORY_PAGE) };
    if (token) query.page_token = token;
    const page = await client.get('metrics/get-history', query, HistoryPage, signal);
    for (const m of page.metrics) points.push({ key, value: toNumber(m.value), step: m.step, timestamp: m.timestamp });
    received(page.metrics.length);
    token = page.next_page_token || undefined;
  } while (token);
  return points;
}
