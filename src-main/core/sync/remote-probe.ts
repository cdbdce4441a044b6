// "Test connection" for a remote: one small experiments/search with its credentials, and a
// message saying what went wrong in words a settings screen can show.
import { RegistryError } from '../registry/registry-adapter';
import type { MlflowRest } from '../registry/mlflow/mlflow-rest';
import { ExperimentsPage } from './remote-records';

const PROBE_PAGE = 100;

export interface ProbeResult {
  ok: boolean;
  message: string;
  /** Experiments seen on the first page (at most PROBE_PAGE); null when the remote was not reached. */
  experiments: number | null;
}

export async function probeRemote(client: MlflowRest, url: string, signal: AbortSignal): Promise<ProbeResult> {
  try {
    const page = await client.get('experiments/search', { max_results: String(PROBE_PAGE) }, ExperimentsPage, signal);
    const n = page.experiments.length;
    const count = page.next_page_token ? `more than ${n}` : String(n);
    return { ok: true, message: `Connected to MLflow at ${url}: ${count} experiment${n === 1 && !page.next_page_token ? '' : 's'}`, experiments: n };
  } catch (e) {
    if (!(e instanceof RegistryError)) throw e;
    // The HTTP client's message already names the server ("cannot reach <origin>: ECONNREFUSED").
    if (e.status === null) return { ok: false, message: e.message.charAt(0).toUpperCase() + e.message.slice(1), experiments: null };
    if (e.status === 401 || e.status === 403) {
      return { ok: false, message: `${url} refused the credentials (HTTP ${e.status}): check the username and token or password`, experiments: null };
    }
    return { ok: false, message: `${url} does not answer as an MLflow tracking server (${e.message})`, experiments: null };
  }
}
