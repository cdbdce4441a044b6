// MLflow-style error codes and the HTTP statuses MLflow answers them with.
export const ERROR_STATUS = {
  INVALID_PARAMETER_VALUE: 400,
  MALFORMED_REQUEST: 400,
  RESOURCE_ALREADY_EXISTS: 400,
  UNAUTHENTICATED: 401,
  PERMISSION_DENIED: 403,
  RESOURCE_DOES_NOT_EXIST: 404,
  /** Something else holds the resource now (a promotion of the same model is running). */
  RESOURCE_CONFLICT: 409,
  ENDPOINT_NOT_FOUND: 404,
  REQUEST_LIMIT_EXCEEDED: 413,
  /** A request body that did not arrive in time (not an MLflow code: MLflow leaves this to its web server). */
  REQUEST_TIMEOUT: 408,
  INTERNAL_ERROR: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

/** The error body of every failed API call, on every transport. */
export interface ApiErrorBody {
  error_code: ErrorCode;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
  toBody(): ApiErrorBody {
    return { error_code: this.code, message: this.message };
  }
}
