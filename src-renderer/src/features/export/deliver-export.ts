// Hands an exported file to the user. In the desktop app the file is on this machine already:
// the shell shows it in the file manager. In a browser (serve mode) it is downloaded; fetched
// with the API token (a plain link could not send it) and saved through an <a download>.
import { ApiError } from '../../../../src-shared/errors';
import { reportFilePath } from '../../../../src-shared/report-export';
import { errorFromResponse } from '../../api/api-errors';
import { authHeaders } from '../../api/auth-token';
import { authToken, transportKind } from '../../api/client';

/** What delivering does, for the button that does it again. */
export const DELIVERY_LABEL = transportKind === 'ipc' ? 'Show in folder' : 'Download again';

/** Long enough for the browser to have started saving the blob; then its memory is freed. */
const BLOB_URL_LIFETIME_MS = 60_000;

export async function deliverExport(exportId: string, name: string): Promise<void> {
  const bridge = window.runlens;
  if (transportKind === 'ipc' && bridge) {
    const result = await bridge.revealExport(exportId, name);
    if (!result.ok) throw new ApiError(result.error.error_code, result.error.message);
    return;
  }
  const response = await fetch(reportFilePath(exportId, name), { headers: authHeaders(authToken) });
  if (!response.ok) throw await errorFromResponse(response);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name.slice(name.lastIndexOf('/') + 1);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), BLOB_URL_LIFETIME_MS);
}
