import { contract, type Api, type MethodName } from '../../../src-shared/contract';

/** One function per contract method, each forwarding to `call`. Shared by both transports. */
export function bindMethods(call: (name: MethodName, input: unknown) => Promise<unknown>): Api {
  const entries = (Object.keys(contract) as MethodName[]).map((name) => [
    name,
    (input: unknown) => call(name, input),
  ]);
  return Object.fromEntries(entries) as Api;
}
