import { z } from 'zod';
import { ApiError, ERROR_STATUS, type ErrorCode } from '../../../src-shared/errors';

const errorBodySchema = z.object({
  error_code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
  message: z.string(),
});

/** Reads a failed response's `{error_code, message}`; a body of another shape still yields an ApiError. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  try {
    const body = errorBodySchema.parse(JSON.parse(text));
    return new ApiError(body.error_code, body.message);
  } catch {
    const code: ErrorCode = response.status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL_ERROR';
    return new ApiError(code, `HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`);
  }
}

/** Input is checked against the contract before it leaves, so a bad call fails with the field's name. */
export function invalidInput(error: z.ZodError): ApiError {
  const issue = error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  return new ApiError('INVALID_PARAMETER_VALUE', `${where}${issue?.message ?? 'invalid input'}`);
}

/** A message fit for an error banner, whatever was thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
