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

  it('never answers 500 to well-formed but odd scenarios, games and rules', async () => {
    const base = (await s.app.inject({ url: '/api/scenarios/sco-development-bank-2010' })).json().scenario;
    // Mostly valid inputs at odd corners (tiny or huge scales, ties, zero saliences, extreme weights),
    // so that the models themselves are exercised through the API, not only the validation.
    const unit = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.5, 1));
    const scenario = fc.record({
      lo: fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.constantFrom(0, -1e-9, 1e6)),
      width: fc.oneof(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), fc.constantFrom(1, 100)),
      q: fc.option(unit, { nil: undefined }),
      y: fc.option(unit, { nil: undefined }),
      amendable: fc.boolean(),
      optOut: fc.boolean(),
      positions: fc.dictionary(
        fc.constantFrom('CHN', 'RUS', 'KAZ', 'KGZ', 'TJK', 'UZB'),
        fc.record({ position: unit, salience: unit }),
        { maxKeys: 6 },
      ),
      rule: fc.constantFrom<unknown>(
        'consensus',
        { count: { atLeast: 4 } },
        { count: { moreThanShare: 0.5 } },
        { sum: 'gdp', atLeastShare: 0.5 },
        { consensusMinus: ['RUS'] },
        { any: [{ count: { atLeast: 7 } }] },
      ),
      models: fc.option(fc.subarray(['consensus', 'compromise', 'median', 'nash', 'eum'], { minLength: 1 }), {
        nil: undefined,
      }),
    });
    const weight = fc.oneof(
      fc.nat(20),
      fc.double({ min: 0, max: 1e12, noNaN: true }),
      fc.constantFrom(0, 1e-300),
    );
    const share = fc.oneof(unit, fc.constantFrom('1/3', '2/3'));
    const rule = fc.letrec((tie) => ({
      rule: fc.oneof(
        { depthSize: 'small' },
        fc.constant('consensus'),
        fc.record({
          count: fc.oneof(
            fc.record({ atLeast: fc.integer({ min: 0, max: 12 }) }),
            fc.record({ atLeastShare: share }),
            fc.record({ atMostAgainst: fc.integer({ min: 0, max: 5 }) }),
          ),
        }),
        fc.record({ sum: fc.constantFrom('w', 'v'), atLeast: weight }),
        fc.record({ sum: fc.constantFrom('w', 'v'), moreThanShare: share }),
        fc.record({ all: fc.array(tie('rule'), { minLength: 1, maxLength: 3 }) }),
        fc.record({ any: fc.array(tie('rule'), { minLength: 1, maxLength: 3 }) }),
      ),
    })).rule;
    const game = fc.record({
      players: fc.uniqueArray(
        fc.record({ id: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'), w: weight, v: fc.nat(20) }),
        {
          minLength: 1,
          maxLength: 8,
          selector: (p) => p.id,
        },
      ),
      rule,
      method: fc.constantFrom('', 'exact', 'montecarlo', 'enumerate'),
    });
    await fc.assert(
      fc.asyncProperty(scenario, game, async (sc, g) => {
        const at = (u: number) => sc.lo + u * sc.width;
        const positions = { ...base.issues[0].positions };
        for (const [k, v] of Object.entries(sc.positions))
          positions[k] = { position: at(v.position), salience: v.salience };
        for (const [k, v] of Object.entries(positions) as Array<
          [string, { position: number; salience: number }]
        >) {
          if (!(k in sc.positions))
            positions[k] = { ...v, position: at(Math.min(1, Math.max(0, (v.position - 0) / 100))) };
        }
        const issue = {
          ...base.issues[0],
          scale: [sc.lo, sc.lo + sc.width],
          statusQuo: sc.q === undefined ? undefined : at(sc.q),
          proposal: sc.y === undefined ? undefined : at(sc.y),
          amendable: sc.amendable,
          optOut: sc.optOut,
          positions,
          outcome: undefined,
        };
        const f = await s.app.inject({
          method: 'POST',
          url: `/api/forecast${sc.models ? `?models=${sc.models.join(',')}` : ''}`,
          payload: { ...base, rule: sc.rule, issues: [issue] },
        });
        expect(f.statusCode, f.body).toBeLessThan(500);
        const p = await s.app.inject({
          method: 'POST',
          url: `/api/power${g.method ? `?method=${g.method}&samples=2000` : ''}`,
          payload: { players: g.players, rule: g.rule },
        });
        expect(p.statusCode, p.body).toBeLessThan(500);
        const c = await s.app.inject({
          method: 'POST',
          url: '/api/orgs/sco/capacity',
          payload: { rules: [{ rule: g.rule }], eu: false },
        });
        expect(c.statusCode, c.body).toBeLessThan(500);
      }),
      { numRuns: 150, seed: 3 },
    );
    expect(s.internalErrors).toEqual([]);
  });
});
