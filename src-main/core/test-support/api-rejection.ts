import { expect } from 'vitest';
import { ApiError } from '../../../src-shared/errors';

/** The ApiError a call is refused with (fails the test when it succeeds or throws something else). */
export async function rejection(p: Promise<unknown>): Promise<ApiError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ApiError);
  return e as ApiError;
}
