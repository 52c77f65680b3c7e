// Fuzzing the API (fast-check): random methods, paths, path parameters, queries, bodies, content
// types and Authorization headers on every endpoint. Whatever comes in, the answer is never a 500:
// a success, or a 4xx with the error shape { error: { code, message, path } }.
import fc from 'fast-check';
import type { HTTPMethods } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, testServer } from '../helpers/server.js';

let s: TestServer;
let token: string;
beforeAll(async () => {
  s = await testServer({ rateLimitPerMinute: 0 });
  token = (await s.ctx.store.createToken('fuzz')).token;
});
afterAll(async () => s?.close());

const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    '',
    '..',
    '%',
    '%00',
    '%ZZ',
    'sco',
    'SCO',
    'kaz',
    '2021-04-29',
    'today',
    '-1',
    '1e309',
    'null',
    '__proto__',
    'constructor',
    'a'.repeat(300),
  ),
);
const queryValue = fc.oneof(
  nasty,
  fc.integer().map(String),
  fc.constantFrom('true', 'false', 'csv', 'json', '0', '500', '501'),
);
const queryKey = fc.oneof(
  fc.constantFrom('at', 'limit', 'status', 'kind', 'format', 'issue', 'model', 'eurasia'),
  fc.string({ maxLength: 8 }),
);
const body = fc.oneof(
  fc.constant(undefined),
  fc.jsonValue({ maxDepth: 4 }).map((v) => ({ type: 'application/json', payload: JSON.stringify(v) })),
  fc.string({ maxLength: 200 }).map((v) => ({ type: 'application/json', payload: v })),
  fc.string({ maxLength: 200 }).map((v) => ({ type: 'application/yaml', payload: v })),
  fc.string({ maxLength: 50 }).map((v) => ({ type: 'text/plain', payload: v })),
  fc.constantFrom(
    { type: 'application/json', payload: '{"__proto__":{"polluted":1}}' },
    { type: 'application/json', payload: '{"constructor":{"prototype":{"x":1}}}' },
    { type: 'application/yaml', payload: 'a: &a [*a]' },
    { type: 'application/yaml', payload: 'x: !!js/function "function(){}"' },
    { type: 'application/x-www-form-urlencoded', payload: 'a=1' },
    { type: 'multipart/form-data; boundary=x', payload: '--x--' },
    {
      type: 'application/json',
      payload: JSON.stringify({
        id: 'x',
        document: 'd',
        organization: 'sco',
        date: '2021-04-29',
        claims: [{ id: 'a', quote: 'q', measure: 'population', comparison: 'about', value: 1e308 }],
      }),
    },
  ),
);

describe('the API under random input', () => {
  it('never answers 500, and every error has the JSON error shape', async () => {
    const routes = s.routes;
    const request = fc.record({
      route: fc.integer({ min: 0, max: routes.length }),
      method: fc.constantFrom('GET', 'POST', 'PATCH', 'DELETE', 'PUT', 'OPTIONS', 'HEAD', null),
      params: fc.array(nasty, { minLength: 3, maxLength: 3 }),
      query: fc.dictionary(queryKey, queryValue, { maxKeys: 4 }),
      body,
      auth: fc.oneof(fc.constant(null), fc.constant('valid'), fc.string({ maxLength: 60 })),
    });
    await fc.assert(
      fc.asyncProperty(request, async (q) => {
        const route = routes[q.route];
        let i = 0;
        const path = route
          ? route.url.replace(/:[a-z0-9]+/gi, () => encodeURIComponent(q.params[i++]!))
          : `/api/${encodeURIComponent(q.params[0]!)}`;
        const qs = new URLSearchParams(q.query).toString();
        const method = (q.method ?? route?.method ?? 'GET') as HTTPMethods;
        const headers: Record<string, string> = {};
        if (q.auth === 'valid') headers.authorization = `Bearer ${token}`;
        else if (q.auth !== null) headers.authorization = q.auth.replace(/[\r\n]/g, '');
        if (q.body) headers['content-type'] = q.body.type;
        const r = await s.app.inject({
          method,
          url: qs ? `${path}?${qs}` : path,
          headers,
          ...(q.body && method !== 'GET' && method !== 'HEAD' ? { payload: q.body.payload } : {}),
        });
        expect(r.statusCode, `${method} ${path}?${qs}`).toBeLessThan(500);
        if (r.statusCode >= 400 && method !== 'HEAD') {
          const e = r.json().error;
          expect(typeof e.code).toBe('string');
          expect(e.code).toMatch(/^E_[A-Z_]+$/);
          expect(typeof e.message).toBe('string');
          expect(e).toHaveProperty('path');
        }
      }),
      { numRuns: 600, seed: 7 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(s.internalErrors).toEqual([]);
  });
});
