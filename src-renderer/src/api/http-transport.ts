import { contract, type Api, type MethodName } from '../../../src-shared/contract';
import { bindMethods } from './bind-methods';
import { authHeaders } from './auth-token';
import { errorFromResponse, errorMessage, invalidInput } from './api-errors';
import { buildRequest } from './http-request';

/** The Api over the native HTTP routes of the server that served this page. */
export function createHttpApi(token: string): Api {
  const call = async (name: MethodName, input: unknown): Promise<unknown> => {
    const spec = contract[name];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) throw invalidInput(parsed.error);
    const request = buildRequest(spec.http, parsed.data as Record<string, unknown>);
    let response: Response;
    try {
      response = await fetch(request.url, {
        method: request.method,
        headers: {
          ...authHeaders(token),
          ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: request.body,
      });
    } catch (error) {
      // fetch rejects only when no answer came at all: say so rather than "Failed to fetch".
      throw new Error(`Cannot reach the Runlens server (${errorMessage(error)})`);
    }
    if (!response.ok) throw await errorFromResponse(response);
    return response.json();
  };
  return bindMethods(call);
}
