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
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { loadDataset, packageRoot, packageVersion } from '../data/load.js';
import { ConcordError } from '../errors.js';
import { loadOrganizations } from '../org/load.js';
import type { RunStore } from '../store/store.js';
import { todayIso } from '../util/dates.js';
import { Auth } from './auth.js';
import { AnswerCache } from './cache.js';
import type { ServerContext } from './context.js';
import { DOCS_CSS, docsFor, renderDocs } from './docs.js';
import { errorBody, toHttpError } from './errors.js';
import { JobManager, type RunKind } from './jobs.js';
import { openApiDocument } from './openapi.js';
import { type AnyRoute, parsePart } from './route.js';
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
  /** Requests per minute per client address over all routes (default 1200); 0 turns every limit off. */
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

/** Where the built lab is, and whether it is there. */
export function webRootOf(o: { webRoot?: string | null }): string | null {
  if (o.webRoot === null) return null;
  return o.webRoot ?? join(packageRoot(), 'web', 'dist');
}

const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml'];

export async function buildServer(o: ServerOptions): Promise<Server> {
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
    // Errors the router raises before any route runs (bad URL encoding, a parameter too long).
    frameworkErrors: (error, _request, raw) => {
      const h = toHttpError(error);
      const reply = raw as unknown as FastifyReply;
      reply.code(h.status).type('application/json; charset=utf-8').send(errorBody(h.error));
    },
  });
  const store = o.store;
  const jobs = new JobManager(store, o.kinds ?? RUN_KINDS, {
    ...(o.heartbeatMs ? { heartbeatMs: o.heartbeatMs } : {}),
    ...(o.staleMs ? { staleMs: o.staleMs } : {}),
  });
  const ctx: ServerContext = {
    store,
    registry: loadOrganizations(),
    ds: loadDataset(),
    jobs,
    auth: new Auth(store),
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
  const limit = o.rateLimitPerMinute ?? 1200;
  await app.register(rateLimit, {
    global: limit > 0,
    max: limit > 0 ? limit : 1_000_000,
    timeWindow: 60_000,
  });

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

  app.setErrorHandler((error, request, reply) => {
    const h = toHttpError(error);
    if (h.internal) {
      request.log.error({ err: error }, 'internal error');
      o.onInternalError?.(error, request);
    }
    if (reply.sent || reply.raw.headersSent) return;
    reply.code(h.status).type('application/json; charset=utf-8').send(errorBody(h.error));
  });

  const routes = apiRoutes();
  const cache = new AnswerCache();
  for (const r of routes) registerRoute(app, ctx, r, limit > 0, cache);

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
          }),
        ),
      );
  });

  return {
    app,
    ctx,
    routes,
    webBuilt,
    async close() {
      await jobs.shutdown();
      await app.close();
    },
  };
}

function registerRoute(
  app: FastifyInstance,
  ctx: ServerContext,
  r: AnyRoute,
  limited: boolean,
  cache: AnswerCache,
): void {
  const cached = !!r.cacheSeconds && r.method === 'GET';
  app.route({
    method: r.method,
    url: r.url,
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
        });
      }
      // The day is part of the key: answers without a date are about today.
      const key = cached ? `${todayIso()} ${request.url}` : '';
      if (cached) {
        const hit = cache.get(key);
        if (hit !== undefined) {
          return reply
            .header('cache-control', `public, max-age=${r.cacheSeconds}`)
            .type('application/json; charset=utf-8')
            .send(hit);
        }
      }
      const params = parsePart(r.params, request.params, 'params');
      const query = parsePart(r.query, request.query, 'query');
      const body = parsePart(r.body, request.body, 'body');
      let result: unknown;
      try {
        result = await r.handler({ params, query, body, workspace, request, reply, ctx });
      } catch (e) {
        // Library errors name command-line options (`--from`); over HTTP they are query (or body) fields.
        if (e instanceof ConcordError && e.path?.startsWith('--')) {
          throw new ConcordError(e.code, e.message, {
            path: `${r.body ? 'body' : 'query'}.${e.path.slice(2)}`,
            ...(e.hint ? { hint: e.hint } : {}),
            cause: e,
          });
        }
        throw e;
      }
      if (reply.sent) return reply;
      reply.code(r.response?.status ?? 200);
      if (cached) {
        const text = JSON.stringify(result);
        cache.set(key, text);
        return reply
          .header('cache-control', `public, max-age=${r.cacheSeconds}`)
          .type('application/json; charset=utf-8')
          .send(text);
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
