/**
 * Typed errors with stable codes. Every error a user can cause is a ConcordError: the CLI prints
 * `error [CODE] message` and the hint, and exits with status 2; the HTTP API answers 4xx with
 * `{ error: { code, message, hint, path } }`. Tests and API clients check `code`, never the text.
 *
 * Translation: an error may carry a message `key` and its `values` (an entry of the `errors`
 * catalogue, src/i18n/messages/errors/); the CLI (`--lang`) and the API (`Accept-Language`) print
 * it through `localizeError` (src/i18n/errors.ts). The English `message` and `hint` given here stay
 * the source text and the fallback: an error without a key is printed in English in every locale.
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
  /** The message's key in the `errors` catalogue (its hint is `hint.<key>`), for translation. */
  readonly key?: string;
  /** The values the keyed message and hint use. */
  readonly values?: ErrorValues;
  /** For E_VALIDATION from a schema: the first issues, re-worded per locale by localizeError. */
  readonly issues?: readonly ValidationIssue[];
}

/** A value inserted in a translated message: text, a number, or a name given in each language. */
export type ErrorValue = string | number | LocalizedText;
export type ErrorValues = Readonly<Record<string, ErrorValue>>;
/** A name in English and, where known, Russian and Chinese (an organization's own names). */
export interface LocalizedText {
  readonly en: string;
  readonly ru?: string;
  readonly 'zh-Hans'?: string;
}

/** One schema issue as zod reports it (code, path, parameters), kept to be worded in each language. */
export interface ValidationIssue {
  readonly code: string;
  readonly path: string;
  readonly message: string;
  readonly [param: string]: unknown;
}

export class ConcordError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly path: string | undefined;
  readonly key: string | undefined;
  readonly values: ErrorValues | undefined;
  readonly issues: readonly ValidationIssue[] | undefined;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'ConcordError';
    this.code = code;
    this.hint = details.hint;
    this.path = details.path;
    this.key = details.key;
    this.values = details.values;
    this.issues = details.issues;
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
