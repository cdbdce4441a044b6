// Turns a contract method and its input into a fetch request, following the method's HTTP
// binding: path parameters come out of the input; what is left goes to the query string (GET)
// or the JSON body (POST, DELETE).
import type { HttpBinding } from '../../../src-shared/contract';

export interface BuiltRequest {
  method: HttpBinding['method'];
  url: string;
  body?: string;
}

export function buildRequest(binding: HttpBinding, input: Record<string, unknown>): BuiltRequest {
  const rest: Record<string, unknown> = { ...input };
  const path = binding.path
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment;
      const isRest = segment.endsWith('*');
      const name = segment.slice(1, isRest ? -1 : undefined);
      const value = String(rest[name] ?? '');
      delete rest[name];
      // A rest segment carries a metric key such as `train/loss`: its `/` are real path
      // separators on the server, so each part is encoded on its own.
      return isRest ? value.split('/').map(encodeURIComponent).join('/') : encodeURIComponent(value);
    })
    .join('/');

  if (binding.method === 'GET') {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(rest)) {
      if (value !== undefined) query.set(key, String(value));
    }
    const qs = query.toString();
    return { method: 'GET', url: qs ? `${path}?${qs}` : path };
  }
  return { method: binding.method, url: path, body: JSON.stringify(rest) };
}
