import type { z } from 'zod';
import { contract, type Handlers, type MethodName } from '../../../src-shared/contract';
import { ApiError } from '../../../src-shared/errors';

/** Turns the first schema problem into MLflow's style of message, naming the field. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'Invalid request';
  const field = issue.path.map(String).join('.') || 'request body';
  return `Invalid value for '${field}': ${issue.message}`;
}

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}

/**
 * The single entry of every transport into the core: validates the raw input against the
 * contract's schema, then calls the handler. HTTP and IPC both go through here, so testing
 * one tests the logic of both.
 */
export function createDispatcher(handlers: Handlers) {
  return async function dispatch(method: string, rawInput: unknown): Promise<unknown> {
    if (!isMethodName(method)) throw new ApiError('ENDPOINT_NOT_FOUND', `Unknown API method '${method}'`);
    const parsed = contract[method].input.safeParse(rawInput ?? {});
    if (!parsed.success) throw new ApiError('INVALID_PARAMETER_VALUE', describeIssue(parsed.error));
    const handler = handlers[method] as (input: unknown) => unknown;
    return handler(parsed.data);
  };
}
export type Dispatch = ReturnType<typeof createDispatcher>;
