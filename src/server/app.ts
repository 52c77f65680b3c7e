/**
 * The HTTP server of `concord serve`: Fastify 5 with security headers (helmet; a Content Security
 * Policy that allows the lab's own files only), rate limiting, body-size limits and timeouts; the
 * JSON API over the library (routes described in ./routes/, validated with the library's zod
 * schemas), its OpenAPI document and documentation page, and the built web lab (web/dist/).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { loadDataset, packageRoot, packageVersion } from '../data/load.js';
import { ConcordError } from '../errors.js';
import { prepareErrorLocale } from '../i18n/errors.js';
import { type Locale, negotiateLocale } from '../i18n/locale.js';
import { loadOrganizations } from '../org/load.js';
import type { RunStore } from '../store/store.js';
import { CSV_MEDIA_TYPE } from '../util/csv.js';
import { todayIso } from '../util/dates.js';
import { Auth } from './auth.js';
import { AnswerCache } from './cache.js';
import { answerSerializer, ComputePool, runWork } from './compute.js';
import { DEFAULT_QUOTAS, type Quotas, type ServerContext } from './context.js';
import { DOCS_CSS, docsFor, renderDocs } from './docs.js';
import { atPath, errorBody, toHttpError } from './errors.js';
import { CostLimiter, canonicalKey, checkHost, clientErrorHandler, ownHostNames } from './guard.js';
import { idleCollector } from './housekeeping.js';
import { JobManager, type RunKind } from './jobs.js';
import { openApiDocument } from './openapi.js';
import { RoomHub, type RoomLimits } from './rooms.js';
import { type AnyRoute, parsePart, wantsCsvAnswer } from './route.js';
import { apiRoutes } from './routes/index.js';
import { RUN_KINDS } from './run-kinds.js';
import { parseYamlBody } from './yaml.js';

export interface ServerOptions {
  readonly store: RunStore;
  /** Kinds of runs the server can execute (default: those of this build). */
  readonly kinds?: readonly RunKind[];
  /** The built web lab (default: web/dist in the package); null serves the API only. */
  readonly webRoot?: string | null;
  /** Largest request body, bytes (default 1 MiB). */
  readonly bodyLimit?: number;
  /** Requests per minute per client address over all routes (default DEFAULT_RATE_LIMIT_PER_MINUTE); 0 turns every limit off. */
  readonly rateLimitPerMinute?: number;
  /** An answer not sent within this time is a 503 E_TIMEOUT (default 30 s). */
  readonly handlerTimeoutMs?: number;
  /** A client that has not sent its whole request within this time is disconnected (default 30 s). */
  readonly requestTimeoutMs?: number;
  readonly heartbeatMs?: number;
  readonly staleMs?: number;
  /** Fastify's logger: false (default), true, or pino options. */
  readonly logger?: boolean | Record<string, unknown>;
  /** Called with every internal error (a 500), for logs and tests. */
  readonly onInternalError?: (e: unknown, request: FastifyRequest) => void;
  /** Worker threads for the routes' computations (default: every core but one); 0: inline (tests). */
  readonly computeThreads?: number;
  /** A computation not done within this time is stopped: 503 E_TIMEOUT (default 10 s). */
  readonly computeBudgetMs?: number;
  /**
   * The cost-aware limit of the computing routes: estimated worker milliseconds per minute per
   * client (token's workspace, else address; default 60,000); 0 turns it off.
   */
  readonly costPerMinute?: number;
  /** Per-workspace limits on concurrent sweeps and stored runs (default DEFAULT_QUOTAS). */
  readonly quotas?: Partial<Quotas>;
  /** Host names answered (default: this machine's own names and addresses); 'any': every name. */
  readonly allowedHosts?: readonly string[] | 'any';
  /** Per-participant limits of the negotiation rooms (docs/rooms.md). */
  readonly roomLimits?: Partial<RoomLimits>;
  /**
   * Quiet time after which the server runs one full collection when a burst has grown its heap
   * (./housekeeping.ts; default 5,000 ms); 0 never.
   */
  readonly idleCollectMs?: number;
}

export interface Server {
  readonly app: FastifyInstance;
  readonly ctx: ServerContext;
  readonly routes: readonly AnyRoute[];
  readonly webBuilt: boolean;
  /** Stops the jobs (their runs become interrupted, resumable) and the server. */
  close(): Promise<void>;
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;
export const DEFAULT_COMPUTE_BUDGET_MS = 10_000;
export const DEFAULT_COST_PER_MINUTE = 60_000;
/** Requests per minute per client address over all routes when none is set (`concord serve --rate-limit`). */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 1200;

/** Where the built lab is, and whether it is there. */
export function webRootOf(o: { webRoot?: string | null }): string | null {
  if (o.webRoot === null) return null;
  return o.webRoot ?? join(packageRoot(), 'web', 'dist');
}

const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml'];

/** The language of a request's error messages: its Accept-Language (English without one). */
function requestLocale(request: { headers: Record<string, string | string[] | undefined> }): Locale {
  const h = request.headers['accept-language'];
  return negotiateLocale(Array.isArray(h) ? h.join(',') : h);
}

export async function buildServer(o: ServerOptions): Promise<Server> {
  // zod's Russian and Chinese wording of schema errors, loaded once (src/i18n/errors.ts).
  await Promise.all([prepareErrorLocale('ru'), prepareErrorLocale('zh-Hans')]);
  const bodyLimit = o.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const app = Fastify({
    logger: o.logger ?? false,
    bodyLimit,
    handlerTimeout: o.handlerTimeoutMs ?? 30_000,
    requestTimeout: o.requestTimeoutMs ?? 30_000,
    connectionTimeout: 0,
    keepAliveTimeout: 10_000,
    return503OnClosing: true,
    routerOptions: { maxParamLength: 200 },
    forceCloseConnections: 'idle',
    // Errors of Node's HTTP parser (headers too large: 431; a NUL in a header: 400), in our shape.
    clientErrorHandler,
    // Errors the router raises before any route runs (bad URL encoding, a parameter too long).
    frameworkErrors: (error, request, raw) => {
      const h = toHttpError(error);
      const reply = raw as unknown as FastifyReply;
      reply
        .code(h.status)
        .type('application/json; charset=utf-8')
        .send(errorBody(h.error, requestLocale(request)));
    },
  });
  const store = o.store;
  const jobs = new JobManager(store, o.kinds ?? RUN_KINDS, {
    ...(o.heartbeatMs ? { heartbeatMs: o.heartbeatMs } : {}),
    ...(o.staleMs ? { staleMs: o.staleMs } : {}),
  });
  const compute = new ComputePool(
    o.computeThreads !== undefined ? { threads: o.computeThreads } : {},
    // Inline (no worker threads): the same work functions, on the event loop.
    (task) => {
      const r = routeById.get(task.operationId);
      return runWork(
        (w) => r!.work!.run({ ...task.input, ctx: w }),
        { registry: ctx.registry, ds: ctx.ds },
        answerSerializer(task, r!.csv),
      );
    },
  );
  const ctx: ServerContext = {
    store,
    compute,
    registry: loadOrganizations(),
    ds: loadDataset(),
    jobs,
    rooms: new RoomHub(store, o.roomLimits),
    auth: new Auth(store),
    quotas: { ...DEFAULT_QUOTAS, ...o.quotas },
    version: packageVersion(),
    startedAt: new Date().toISOString(),
  };

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  const limit = o.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE;
  await app.register(rateLimit, {
    global: limit > 0,
    max: limit > 0 ? limit : 1_000_000,
    timeWindow: 60_000,
  });

  // WebSockets for the routes that take them (a room's live channel): messages from clients are
  // small (the channel is the server's), so a frame over 4 KiB closes the socket.
  await app.register(websocket, { options: { maxPayload: 4096, perMessageDeflate: false } });

  // JSON (and YAML where a route takes files); anything else is a 415. An empty JSON body is no
  // body (a client may send the header on a POST that takes none); prototype poisoning is refused.
  app.removeContentTypeParser('text/plain');
  const json = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (req, body, done) => {
    if (body === '' || (typeof body === 'string' && body.trim() === '')) done(null, undefined);
    else json(req, String(body), done);
  });
  app.addContentTypeParser(YAML_TYPES, { parseAs: 'string', bodyLimit }, (_req, body, done) => {
    try {
      done(null, parseYamlBody(String(body)));
    } catch (e) {
      done(e as Error, undefined);
    }
  });

  const allowedHosts = o.allowedHosts ?? ownHostNames();
  const collector =
    o.idleCollectMs === 0
      ? null
      : idleCollector({
          quietMs: o.idleCollectMs ?? 5000,
          busy: () => {
            const l = compute.load;
            return l.queued > 0 || l.running > 0;
          },
        });
  app.addHook('onRequest', async (request) => {
    collector?.noteRequest();
    checkHost(request.headers.host, allowedHosts);
  });

  app.setErrorHandler((error, request, reply) => {
    const h = toHttpError(error);
    if (h.internal) {
      request.log.error({ err: error }, 'internal error');
      o.onInternalError?.(error, request);
    }
    if (reply.sent || reply.raw.headersSent) return;
    reply
      .code(h.status)
      .type('application/json; charset=utf-8')
      .send(errorBody(h.error, requestLocale(request)));
  });

  const routes = apiRoutes();
  const routeById = new Map(routes.map((r) => [r.operationId, r]));
  const cache = new AnswerCache();
  const guards: RouteGuards = {
    cache,
    costs: new CostLimiter(o.costPerMinute ?? (limit > 0 ? DEFAULT_COST_PER_MINUTE : 0)),
    budgetMs: o.computeBudgetMs ?? DEFAULT_COMPUTE_BUDGET_MS,
  };
  for (const r of routes) registerRoute(app, ctx, r, limit > 0, guards);

  const doc = openApiDocument(routes, ctx.version);
  const docsHtml = renderDocs(doc);
  app.get('/api/openapi.json', async (_req, reply) => reply.header('cache-control', 'no-cache').send(doc));
  app.get('/api/docs', async (req, reply) =>
    // The curl examples name the address the reader used (scheme and Host, escaped).
    reply
      .type('text/html; charset=utf-8')
      .send(docsFor(docsHtml, `${req.protocol}://${req.headers.host ?? req.hostname}`)),
  );
  app.get('/favicon.ico', async (_req, reply) =>
    reply.code(204).header('cache-control', 'public, max-age=86400').send(),
  );
  app.get('/api/docs.css', async (_req, reply) => reply.type('text/css; charset=utf-8').send(DOCS_CSS));

  const webRoot = webRootOf(o);
  const webBuilt = !!webRoot && existsSync(join(webRoot, 'index.html'));
  const indexHtml = webBuilt ? readFileSync(join(webRoot!, 'index.html'), 'utf8') : NOT_BUILT_HTML;
  if (webBuilt) {
    await app.register(fastifyStatic, {
      root: webRoot!,
      prefix: '/',
      index: false,
      wildcard: true,
      setHeaders: (res, path) => {
        if (/[\\/]assets[\\/]/.test(path)) res.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }

  app.get('/', async (_req, reply) =>
    reply
      .code(webBuilt ? 200 : 503)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(indexHtml),
  );

  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0]!;
    const wantsPage = (request.method === 'GET' || request.method === 'HEAD') && !url.startsWith('/api/');
    if (wantsPage && !/\.[a-z0-9]+$/i.test(url)) {
      // The lab's own routes (/decision, /runs…) are pages of the single-page app.
      reply
        .code(webBuilt ? 200 : 503)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(indexHtml);
      return;
    }
    reply
      .code(404)
      .type('application/json; charset=utf-8')
      .send(
        errorBody(
          new ConcordError('E_NOT_FOUND', `no endpoint ${request.method} ${url}`, {
            path: 'url',
            hint: 'The endpoints are listed at /api/docs.',
            key: 'noEndpoint',
            values: { method: request.method, url },
          }),
          requestLocale(request),
        ),
      );
  });

  return {
    app,
    ctx,
    routes,
    webBuilt,
    async close() {
      collector?.stop();
      await jobs.shutdown();
      await app.close();
      await compute.close();
    },
  };
}

/** The 429 of the cost-aware limit, with Retry-After. */
function costRefusal(reply: FastifyReply, wait: number, cost: number | null): ConcordError {
  reply.header('retry-after', String(wait));
  const ms = Math.round(cost ?? 0);
  return new ConcordError(
    'E_RATE_LIMIT',
    `${cost === null ? 'your' : `this request asks for about ${ms.toLocaleString('en-US')} ms of computing; your`} budget of computing per minute is spent`,
    {
      hint: `Retry in ${wait} s, ask for less, or compute it with the CLI.`,
      key: cost === null ? 'server.budgetSpent' : 'server.budgetSpentBy',
      values: { cost: ms, wait: String(wait) },
    },
  );
}

/** What the server shares between its routes: the answer cache, the cost limit, the time budget. */
interface RouteGuards {
  readonly cache: AnswerCache;
  readonly costs: CostLimiter;
  readonly budgetMs: number;
}

function registerRoute(
  app: FastifyInstance,
  ctx: ServerContext,
  r: AnyRoute,
  limited: boolean,
  guards: RouteGuards,
): void {
  const { cache } = guards;
  const cached = !!r.cacheSeconds;
  const cacheHeader = cached && r.method === 'GET' ? `public, max-age=${r.cacheSeconds}` : 'no-store';
  if (!r.work === !r.handler) throw new Error(`route ${r.operationId}: give either work or a handler`);
  // A WebSocket route decides before the upgrade (a refusal is a 4xx) and keeps what it decided here.
  const sockets = new WeakMap<FastifyRequest, (socket: WebSocket) => void>();
  app.route({
    method: r.method,
    url: r.url,
    ...(r.websocket
      ? {
          preHandler: async (request: FastifyRequest, reply: FastifyReply) => {
            if (String(request.headers.upgrade ?? '').toLowerCase() !== 'websocket') return;
            const workspace = await ctx.auth.workspaceOf(request.headers.authorization);
            const params = parsePart(r.params, request.params, 'params');
            const query = parsePart(r.query, request.query, 'query');
            const open = await r.websocket!.open({
              params,
              query,
              body: undefined,
              workspace,
              request,
              reply,
              ctx,
            });
            sockets.set(request, open);
          },
          wsHandler: (socket: WebSocket, request: FastifyRequest) => {
            const open = sockets.get(request);
            if (!open) {
              socket.close(1011, 'not opened');
              return;
            }
            sockets.delete(request);
            open(socket);
          },
        }
      : {}),
    // A client whose computing budget is spent is refused before its body is even read.
    ...(r.work
      ? {
          onRequest: async (request: FastifyRequest, reply: FastifyReply) => {
            const ws = await ctx.auth.workspaceOf(request.headers.authorization);
            const spent = guards.costs.spent(ws ?? request.ip);
            if (spent > 0) throw costRefusal(reply, spent, null);
          },
        }
      : {}),
    ...(r.timeoutMs ? { handlerTimeout: r.timeoutMs } : {}),
    ...(r.rateLimitPerMinute && limited
      ? { config: { rateLimit: { max: r.rateLimitPerMinute, timeWindow: 60_000 } } }
      : {}),
    handler: async (request: FastifyRequest, reply: FastifyReply) => {
      const workspace = await ctx.auth.workspaceOf(request.headers.authorization);
      if (r.access === 'token' && !workspace) {
        throw new ConcordError('E_AUTH', `${r.method} ${r.url} needs a bearer token`, {
          path: 'headers.authorization',
          hint: 'Send Authorization: Bearer <token>; create one with `concord token create --workspace W`.',
          key: 'server.needsToken',
          values: { method: r.method, url: r.url },
        });
      }
      const type = String(request.headers['content-type'] ?? '')
        .split(';')[0]!
        .trim()
        .toLowerCase();
      if (r.body && YAML_TYPES.includes(type) && !r.yamlBody) {
        throw new ConcordError('E_UNSUPPORTED', `${r.method} ${r.url} takes JSON, not YAML`, {
          path: 'headers.content-type',
          hint: 'Send application/json.',
          key: 'server.jsonNotYaml',
          values: { method: r.method, url: r.url },
        });
      }
      // A route with a CSV form answers CSV for ?format=csv or Accept: text/csv.
      const csv = !!r.csv && wantsCsvAnswer(request.query, request.headers.accept);
      const contentType = csv ? CSV_MEDIA_TYPE : 'application/json; charset=utf-8';
      let rawQuery: unknown = request.query;
      if (r.csv && rawQuery && typeof rawQuery === 'object' && 'format' in rawQuery) {
        const { format, ...rest } = rawQuery as Record<string, unknown>;
        if (format !== 'csv' && format !== 'json')
          throw new ConcordError('E_VALIDATION', `query.format: "${String(format)}" is not csv or json`, {
            path: 'query.format',
            hint: 'Use format=csv or format=json (or send Accept: text/csv).',
            key: 'server.answerFormat',
            values: { format: String(format) },
          });
        rawQuery = rest;
      }
      const params = parsePart(r.params, request.params, 'params');
      const query = parsePart(r.query, rawQuery, 'query');
      const body = parsePart(r.body, request.body, 'body');
      const input = { params, query, body };
      r.work?.caps?.(input);
      // The key is the validated input (keys and code lists in canonical order) and the day:
      // answers without a date are about today.
      const key = cached ? canonicalKey(csv ? `${r.operationId}.csv` : r.operationId, todayIso(), input) : '';
      if (cached) {
        const hit = cache.get(key);
        if (hit !== undefined) {
          if (r.csv) reply.header('vary', 'accept');
          return reply.header('cache-control', cacheHeader).type(contentType).send(hit);
        }
      }
      let result: unknown;
      /** A computation's answer, serialized on the worker (JSON, or CSV when asked). */
      let text: string | undefined;
      try {
        if (r.work) {
          const cost = r.work.cost?.(input) ?? 10;
          const wait = guards.costs.take(workspace ?? request.ip, cost);
          if (wait > 0) throw costRefusal(reply, wait, cost);
          // A client that goes away stops its computation (queued or running).
          const gone = new AbortController();
          const onClose = () => {
            if (!reply.raw.writableFinished) gone.abort();
          };
          reply.raw.once('close', onClose);
          if (request.raw.socket?.destroyed) gone.abort();
          try {
            text = await ctx.compute.runText(
              { operationId: r.operationId, input, answer: csv ? 'csv' : 'json' },
              {
                signal: gone.signal,
                budgetMs: r.timeoutMs ?? guards.budgetMs,
                ...(r.work.timeoutHint ? { hint: r.work.timeoutHint } : {}),
                ...(r.work.timeoutKey ? { hintKey: r.work.timeoutKey } : {}),
              },
            );
          } finally {
            reply.raw.off('close', onClose);
          }
        } else {
          result = await r.handler!({ params, query, body, workspace, request, reply, ctx });
        }
      } catch (e) {
        // Library errors name command-line options (`--from`); over HTTP they are query (or body) fields.
        if (e instanceof ConcordError && e.path?.startsWith('--')) {
          throw atPath(e, `${r.body ? 'body' : 'query'}.${e.path.slice(2)}`);
        }
        throw e;
      }
      if (reply.sent) return reply;
      reply.code(r.response?.status ?? 200);
      if (text !== undefined) {
        if (cached) {
          cache.set(key, text);
          reply.header('cache-control', cacheHeader);
        }
        if (csv) reply.header('vary', 'accept');
        return reply.type(contentType).send(text);
      }
      if (csv && r.csv) {
        const text = r.csv(result);
        if (cached) {
          cache.set(key, text);
          reply.header('cache-control', cacheHeader);
        }
        return reply.header('vary', 'accept').type(contentType).send(text);
      }
      if (cached) {
        const text = JSON.stringify(result);
        cache.set(key, text);
        return reply.header('cache-control', cacheHeader).type('application/json; charset=utf-8').send(text);
      }
      return result;
    },
  });
}

const NOT_BUILT_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Concord: the lab is not built</title>
<link rel="stylesheet" href="/api/docs.css"></head>
<body><main><h1>The Concord lab is not built yet</h1>
<p>The API works (see <a href="/api/docs">/api/docs</a>), but the web app has not been built in this checkout.
Build it with:</p><pre><code>npm run build:web</code></pre><p>then restart <code>npx concord serve</code>.</p></main></body></html>`;
