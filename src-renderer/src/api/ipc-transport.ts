import type { Api } from '../../../src-shared/contract';
import type { RunlensBridge } from '../../../src-shared/bridge';
import { ApiError } from '../../../src-shared/errors';
import { bindMethods } from './bind-methods';

/** The Api over the Electron preload bridge; the main process validates the input. */
export function createIpcApi(bridge: RunlensBridge): Api {
  return bindMethods(async (name, input) => {
    const result = await bridge.call(name, input ?? {});
    if (!result.ok) throw new ApiError(result.error.error_code, result.error.message);
    return result.value;
  });
}
