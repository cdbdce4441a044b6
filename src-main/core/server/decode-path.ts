import { ApiError } from '../../../src-shared/errors';

/** Percent-decodes a path segment by segment, so an encoded `/` (%2F) cannot add a segment. */
export function decodePath(path: string): string {
  try {
    return path.split('/').map(decodeURIComponent).join('/');
  } catch {
    throw new ApiError('INVALID_PARAMETER_VALUE', 'Malformed percent-encoding in the path');
  }
}
