// The server writes its API token into the page it serves, so the UI it serves can call the
// API while other pages in the same browser cannot read it. Empty when auth is off.
export function readAuthToken(): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="runlens-token"]');
  return meta?.content.trim() ?? '';
}

export function authHeaders(token: string): Record<string, string> {
  return token ? { Authorization: `Bearer ${token}` } : {};
}
