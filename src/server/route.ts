/**
 * An API route as data: its method and URL, who may call it, the zod schemas of its path
 * parameters, query and body (the same schemas the CLI validates with), the schema of its answer,
 * and its handler. The server registers routes from this description and validates every input
 * with the schemas; the OpenAPI document is generated from the same description, so the
 * documentation cannot drift from what the server accepts.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import type { z } from 'zod';
import type { Dataset } from '../data/dataset.js';
import { ConcordError } from '../errors.js';
import type { OrganizationRegistry } from '../org/registry.js';
import { checkDepth, formatPath, keptIssue } from '../util/validate.js';
import type { TimeoutKey } from './compute.js';
import type { ServerContext } from './context.js';

/**
 * - `public`: anyone; a token, when given, must be valid (and is passed to the handler).
 * - `token`: a valid bearer token is required; the handler acts in the token's workspace.
 */
export type Access = 'public' | 'token';

export interface RouteRequest<P, Q, B> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  /** The workspace of the bearer token, or null without one. */
  readonly workspace: string | null;
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
  readonly ctx: ServerContext;
}

/** The validated parts of a request, as a computation receives them (structured-cloneable). */
export interface WorkInput<P, Q, B> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
}

/** What a computation on a worker thread can read: the library's data, nothing of the server. */
export interface WorkContext {
  readonly registry: OrganizationRegistry;
  readonly ds: Dataset;
}

/**
 * Heavy work (./compute.ts): a pure function of the validated input, run on the server's worker
 * pool under a time budget, never on the event loop.
 */
export interface RouteWork<P, Q, B> {
  run(r: WorkInput<P, Q, B> & { readonly ctx: WorkContext }): unknown;
  /**
   * The documented size caps (actors, issues, players, samples…): throws E_LIMIT naming the cap.
   * Checked on the main thread before any work is queued.
   */
  caps?(r: WorkInput<P, Q, B>): void;
  /**
   * The work the request asks for, in estimated milliseconds of a worker (default 10): charged to
   * the client's budget of the cost-aware rate limit before the work is queued.
   */
  cost?(r: WorkInput<P, Q, B>): number;
  /** What to do instead when the budget runs out (the 503's hint). */
  readonly timeoutHint?: string;
  /** The catalogue entries that word `timeoutHint` in each language (src/server/compute.ts TIMEOUT_KEYS). */
  readonly timeoutKey?: TimeoutKey;
}

export interface ApiRoute<P = unknown, Q = unknown, B = unknown> {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Fastify-style URL: `/api/orgs/:id`. */
  readonly url: string;
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly tag: string;
  readonly access: Access;
  readonly params?: z.ZodType<P>;
  readonly query?: z.ZodType<Q>;
  readonly body?: z.ZodType<B>;
  /** Also accept the body as YAML (files users already keep as YAML: scenarios, games, claims). */
  readonly yamlBody?: boolean;
  readonly response?: {
    readonly status?: number;
    readonly description: string;
    readonly schema?: z.ZodType;
    /** Default application/json. */
    readonly contentType?: string;
  };
  /** Requests per minute per client for this route, when stricter than the server-wide limit. */
  readonly rateLimitPerMinute?: number;
  /** Overrides the server's handler timeout (ms). Streams (SSE, exports) hijack the reply instead. */
  readonly timeoutMs?: number;
  /**
   * The answer depends on the validated input (and the day) alone — built-in, immutable data and
   * computations on it: the server keeps it, serialized, under a canonical key of the input (the
   * order of object keys and of code lists does not matter), and browsers may cache a GET's answer
   * this many seconds.
   */
  readonly cacheSeconds?: number;
  /**
   * The tidy CSV of the answer (the same function as the command line's `--format csv`, so both
   * give the same bytes): sent for `?format=csv` or `Accept: text/csv`; `format` is taken out of
   * the query before it is validated.
   */
  // biome-ignore lint/suspicious/noExplicitAny: the answer's type is the handler's
  readonly csv?: (answer: any) => string;
  /** A computation run on the worker pool (instead of `handler`). */
  readonly work?: RouteWork<P, Q, B>;
  /** Answers on the event loop: light work only (store reads, streams); give `work` otherwise. */
  readonly handler?: (r: RouteRequest<P, Q, B>) => unknown | Promise<unknown>;
  /**
   * The same URL also takes a WebSocket upgrade (GET routes): called with the validated request
   * before the upgrade (so that a refusal is an ordinary 4xx answer, not an open socket), it
   * returns what to do with the socket once the connection is upgraded.
   */
  readonly websocket?: {
    readonly open: (r: RouteRequest<P, Q, B>) => Promise<(socket: WebSocket) => void>;
    /** What the channel carries, for the OpenAPI document. */
    readonly description: string;
  };
}

/** True when a request to a route with a CSV form asks for it: `?format=csv` or `Accept: text/csv`. */
export function wantsCsvAnswer(query: unknown, accept: string | undefined): boolean {
  const f = query && typeof query === 'object' ? (query as Record<string, unknown>).format : undefined;
  if (f !== undefined) return f === 'csv';
  return /(^|,)\s*text\/csv\b/i.test(accept ?? '');
}

/** Identity function that infers the types of a route's handler from its schemas. */
export function route<P = undefined, Q = undefined, B = undefined>(r: ApiRoute<P, Q, B>): ApiRoute<P, Q, B> {
  return r;
}

/** Validates one part of a request; the error's path is prefixed with the part (`query.at`). */
export function parsePart<T>(schema: z.ZodType<T> | undefined, value: unknown, part: string): T {
  if (!schema) return undefined as T;
  // Recursive schemas (rules, packages) would overflow the stack on a deeply nested value.
  checkDepth(value, part);
  const r = schema.safeParse(value ?? (part === 'body' ? undefined : {}), { reportInput: true });
  if (r.success) return r.data;
  const issues = r.error.issues.slice(0, 5);
  const where = (p: ReadonlyArray<PropertyKey>) => (p.length ? `${part}.${formatPath(p)}` : part);
  throw new ConcordError(
    'E_VALIDATION',
    `${part}: ${issues.map((i) => `${where(i.path)}: ${i.message}`).join('; ')}`,
    {
      path: where(issues[0]!.path),
      hint:
        part === 'body'
          ? 'Fix the value at that path; the schema is in /api/openapi.json.'
          : 'Fix that parameter; /api/docs lists what each endpoint accepts.',
      key: 'requestValidation',
      values: { part },
      issues: issues.map((i) => ({ ...keptIssue(i), path: where(i.path) })),
    },
  );
}

/** A route of any input types, for lists of routes. */
// biome-ignore lint/suspicious/noExplicitAny: a heterogeneous list; each route is checked where it is defined
export type AnyRoute = ApiRoute<any, any, any>;
