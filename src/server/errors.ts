/**
 * HTTP errors: every error leaves the API as `{ error: { code, message, path, hint? } }` with a 4xx
 * status chosen from its stable code. Only a genuine bug gives a 500 (code E_INTERNAL), and its
 * details stay in the server log, never in the response.
 */
import { ConcordError, type ErrorCode, isConcordError } from '../errors.js';
import { localizeError } from '../i18n/errors.js';
import type { Locale } from '../i18n/locale.js';

export interface ErrorBody {
  readonly error: {
    readonly code: ErrorCode;
    readonly message: string;
    /** Where the offending value is (`query.at`, `body.issues[0].positions.RUS`), or null. */
    readonly path: string | null;
    readonly hint?: string;
  };
}

const STATUS: Partial<Record<ErrorCode, number>> = {
  E_USAGE: 400,
  E_BAD_DATE: 400,
  E_DATE_OUT_OF_RANGE: 400,
  E_BEFORE_FOUNDING: 400,
  E_FILE_FORMAT: 400,
  E_VALIDATION: 400,
  E_FILE_UNREADABLE: 400,
  E_UNKNOWN_ORG: 404,
  E_UNKNOWN_COUNTRY: 404,
  E_UNKNOWN_ID: 404,
  E_NOT_FOUND: 404,
  E_AUTH: 401,
  E_FORBIDDEN: 403,
  E_CONFLICT: 409,
  E_LIMIT: 413,
  E_NO_DATA: 422,
  E_UNSUPPORTED: 422,
  E_RATE_LIMIT: 429,
  E_UNAVAILABLE: 503,
  E_TIMEOUT: 503,
  E_SCHEMA_VERSION: 503,
  E_INTERNAL: 500,
};

export function statusOf(code: ErrorCode): number {
  return STATUS[code] ?? 400;
}

/**
 * The body of an error answer, its message and hint in `locale` (the request's Accept-Language,
 * src/i18n/locale.ts negotiateLocale) where the error has a translation (src/i18n/errors.ts); the
 * code and the path never change.
 */
export function errorBody(e: ConcordError, locale: Locale = 'en'): ErrorBody {
  const l = localizeError(e, locale);
  return {
    error: {
      code: l.code,
      message: l.message,
      path: e.path ?? null,
      ...(l.hint ? { hint: l.hint } : {}),
    },
  };
}

interface FastifyishError {
  code?: string;
  statusCode?: number;
  message?: string;
}

/**
 * Turns anything thrown while serving a request into a ConcordError and its status: ConcordErrors
 * keep their code; Fastify's own client errors (bad JSON, body too large, unsupported media type,
 * rate limit, timeout) get a stable code; anything else is an internal error.
 */
export function toHttpError(e: unknown): { status: number; error: ConcordError; internal: boolean } {
  if (isConcordError(e)) return { status: statusOf(e.code), error: e, internal: false };
  const f = (e ?? {}) as FastifyishError;
  const status = typeof f.statusCode === 'number' ? f.statusCode : 500;
  // `key` names the message in the errors catalogue; `detail` is Fastify's own text where it has one.
  const make = (
    code: ErrorCode,
    message: string,
    hint: string | undefined,
    s: number | undefined,
    key: string,
  ) => ({
    status: s ?? statusOf(code),
    error: new ConcordError(code, message, {
      path: code === 'E_FILE_FORMAT' ? 'body' : undefined,
      hint,
      key,
      values: { detail: f.message ?? '' },
    }),
    internal: false,
  });
  const notJson = () =>
    make(
      'E_FILE_FORMAT',
      `the request body is not valid JSON: ${f.message ?? ''}`.trim(),
      undefined,
      undefined,
      'bodyNotJson',
    );
  switch (f.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return make(
        'E_LIMIT',
        'the request body is larger than the server accepts',
        'Send a smaller body.',
        undefined,
        'bodyTooLarge',
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return make(
        'E_UNSUPPORTED',
        `unsupported content type: ${f.message ?? ''}`.trim(),
        'Send application/json (or application/yaml for scenario and rule files).',
        415,
        'server.mediaType',
      );
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return make(
        'E_FILE_FORMAT',
        'the request body is empty',
        'Send a JSON body, or no content type.',
        undefined,
        'bodyEmpty',
      );
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return notJson();
    case 'FST_ERR_HANDLER_TIMEOUT':
      return make(
        'E_TIMEOUT',
        'the request took too long and was stopped',
        'Retry with a smaller request.',
        undefined,
        'server.handlerTimeout',
      );
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_ASYNC_CONSTRAINT':
      return make(
        'E_USAGE',
        'the URL is malformed',
        'Percent-encode the path parameters.',
        undefined,
        'server.badUrl',
      );
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return make('E_USAGE', 'a path parameter is too long', undefined, 414, 'server.paramTooLong');
  }
  if (status === 429)
    return make(
      'E_RATE_LIMIT',
      f.message ?? 'too many requests',
      'Wait a moment and retry.',
      undefined,
      'rateLimit',
    );
  if (f instanceof SyntaxError || f.code === 'FST_ERR_CTP_INVALID_JSON') {
    return notJson();
  }
  if (status === 403) {
    // @fastify/static refuses a path that leaves its root (../ in any encoding).
    return make(
      'E_FORBIDDEN',
      'this path is not served',
      'Paths may not leave the lab’s files (no ..).',
      403,
      'server.pathNotServed',
    );
  }
  if (status === 404)
    return make(
      'E_NOT_FOUND',
      'no such file',
      'The endpoints are listed at /api/docs.',
      404,
      'server.noFile',
    );
  if (status === 431)
    return make(
      'E_LIMIT',
      'the request headers are larger than the server accepts',
      'Send a shorter URL.',
      431,
      'server.headersTooLarge',
    );
  if (status >= 400 && status < 500) {
    return {
      status,
      error: new ConcordError('E_USAGE', f.message ?? 'bad request', {
        key: 'server.badRequest',
        values: { detail: f.message ?? 'bad request' },
      }),
      internal: false,
    };
  }
  return {
    status: 500,
    error: new ConcordError('E_INTERNAL', 'internal error: the server could not answer this request', {
      hint: 'This is a bug in Concord; the server log has the details. Please report it.',
      key: 'server.internal',
    }),
    internal: true,
  };
}

/**
 * The same error at another path (a library's `--from` becomes `query.from`, a scenario's
 * `issues[0]` becomes `body.issues[0]`): code, message, hint, key, values and issues kept, so it
 * is still translated.
 */
export function atPath(e: ConcordError, path: string): ConcordError {
  return new ConcordError(e.code, e.message, {
    path,
    cause: e,
    ...(e.hint ? { hint: e.hint } : {}),
    ...(e.key ? { key: e.key } : {}),
    ...(e.values ? { values: e.values } : {}),
    ...(e.issues ? { issues: e.issues } : {}),
  });
}
