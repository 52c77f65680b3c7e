/**
 * Typed errors with stable codes. Every error a user can cause is a ConcordError: the CLI prints
 * `error [CODE] message` and the hint, and exits with status 2; the HTTP API answers 4xx with
 * `{ error: { code, message, hint, path } }`. Tests and API clients check `code`, never the text.
 */
export type ErrorCode =
  | 'E_USAGE'
  | 'E_UNKNOWN_ORG'
  | 'E_UNKNOWN_COUNTRY'
  | 'E_BAD_DATE'
  | 'E_DATE_OUT_OF_RANGE'
  | 'E_BEFORE_FOUNDING'
  | 'E_FILE_UNREADABLE'
  | 'E_FILE_FORMAT'
  | 'E_VALIDATION'
  | 'E_NO_DATA'
  | 'E_UNKNOWN_ID'
  | 'E_UNSUPPORTED'
  | 'E_LIMIT'
  | 'E_CONFLICT'
  | 'E_UNAVAILABLE'
  | 'E_AUTH'
  | 'E_FORBIDDEN'
  | 'E_SCHEMA_VERSION'
  | 'E_NOT_FOUND'
  | 'E_RATE_LIMIT'
  | 'E_TIMEOUT'
  | 'E_INTERNAL';

export interface ErrorDetails {
  /** How to fix it, in one sentence. */
  readonly hint?: string;
  /** Where the offending value is: a file, a line, a JSON path such as `issues[0].positions.RUS.salience`. */
  readonly path?: string;
  readonly cause?: unknown;
}

export class ConcordError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly path: string | undefined;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'ConcordError';
    this.code = code;
    this.hint = details.hint;
    this.path = details.path;
  }

  toJSON(): { code: ErrorCode; message: string; hint?: string; path?: string } {
    return {
      code: this.code,
      message: this.message,
      ...(this.hint ? { hint: this.hint } : {}),
      ...(this.path ? { path: this.path } : {}),
    };
  }
}

export function isConcordError(e: unknown): e is ConcordError {
  return e instanceof ConcordError;
}
