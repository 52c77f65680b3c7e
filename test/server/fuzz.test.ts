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

// Issue 12: hostile values at every endpoint — nesting far deeper than any schema recurses,
// numbers at the ends of the doubles, dates at the edges of the calendar, YAML alias bombs — and
// the largest requests the caps allow. Never a 5xx, always the error shape, and within a time bound.
describe('the API under hostile values and at its caps', () => {
  let h: TestServer;
  beforeAll(async () => {
    h = await testServer({ rateLimitPerMinute: 0, computeBudgetMs: 60_000 });
  });
  afterAll(async () => h?.close());

  const deep = (depth: number, kind: 'array' | 'object' | 'rule'): unknown => {
    let v: unknown = kind === 'rule' ? 'consensus' : 1;
    for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : kind === 'object' ? { a: v } : { any: [v] };
    return v;
  };
  const number = fc.constantFrom(
    1e308,
    -1e308,
    1.7976931348623157e308,
    5e-324,
    -5e-324,
    -0,
    2 ** 53 + 2,
    1e-320,
  );
  const date = fc.constantFrom(
    '0000-01-01',
    '0001-01-01',
    '1899-12-31',
    '1900-01-01',
    '1900-02-29',
    '2000-02-29',
    '2100-02-29',
    '2100-12-31',
    '2101-01-01',
    '9999-12-31',
    '+275760-09-13',
    '2024-02-30',
  );
  const text = fc.oneof(
    date,
    number.map(String),
    fc.constantFrom('1e308', '-1e308', '5e-324', '7976', '300000', '1e300', 'NaN', 'Infinity', '-0'),
  );
  // Deep values are built inside the property: fast-check could not print them.
  const hostile = fc.oneof(
    fc.record({
      depth: fc.integer({ min: 30, max: 1200 }),
      kind: fc.constantFrom('array', 'object', 'rule'),
    }),
    number,
    text,
  );
  const materialize = (v: unknown): unknown =>
    typeof v === 'object' && v !== null && 'depth' in v
      ? deep((v as { depth: number }).depth, (v as unknown as { kind: 'array' | 'object' | 'rule' }).kind)
      : v;
  const bomb =
    'a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n';

  const check = (
    r: { statusCode: number; body: string; json(): { error?: Record<string, unknown> } },
    what: string,
    ms: number,
  ) => {
    expect(r.statusCode, `${what}: ${r.body.slice(0, 300)}`).toBeLessThan(500);
    expect(ms, what).toBeLessThan(30_000);
    if (r.statusCode >= 400) {
      const e = r.json().error!;
      expect(e.code).toMatch(/^E_[A-Z_]+$/);
      expect(e).toHaveProperty('path');
    }
  };

  it('answers hostile values in every query parameter and body of every endpoint with a 4xx or a 2xx', async () => {
    const routes = h.routes.filter((r) => !r.url.includes('/events') && !r.url.includes('/export'));
    const token = (await h.ctx.store.createToken('hostile')).token;
    const keysOf = (schema: unknown): string[] => {
      const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;
      return shape ? Object.keys(shape) : ['at', 'from', 'to'];
    };
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: routes.length - 1 }),
        fc.nat(),
        hostile,
        fc.constantFrom('query', 'body', 'yaml'),
        async (k, pick, spec, where) => {
          const value = materialize(spec);
          const r = routes[k]!;
          const url = r.url.replace(/:[a-z0-9]+/gi, (p) =>
            p === ':iso3' ? 'KAZ' : p === ':id' && r.url.startsWith('/api/orgs') ? 'sco' : 'sco-rats-2002',
          );
          const keys = keysOf(r.query);
          const key = keys[pick % keys.length]!;
          const qs =
            where === 'query'
              ? `?${new URLSearchParams({ [key]: typeof value === 'string' ? value : JSON.stringify(value) })}`
              : '';
          const bodyKeys = keysOf(r.body);
          const payload =
            where === 'yaml'
              ? bomb
              : where === 'body'
                ? JSON.stringify({ [bodyKeys[pick % bodyKeys.length]!]: value, rule: deep(1000, 'rule') })
                : undefined;
          const t = performance.now();
          const res = await h.app.inject({
            method: r.method,
            url: `${url}${qs}`,
            headers: {
              authorization: `Bearer ${token}`,
              ...(payload !== undefined && r.method !== 'GET'
                ? { 'content-type': where === 'yaml' ? 'application/yaml' : 'application/json' }
                : {}),
            },
            ...(payload !== undefined && r.method !== 'GET' ? { payload } : {}),
          });
          check(res, `${r.method} ${url}${qs} ${where}`, performance.now() - t);
        },
      ),
      { numRuns: 300, seed: 12 },
    );
    expect(h.internalErrors).toEqual([]);
  });

  it('answers the largest requests its caps allow', { timeout: 240_000 }, async () => {
    const actors = Object.fromEntries(
      Array.from({ length: 200 }, (_, i) => [`A${i}`, { capability: 1 + (i % 7) }]),
    );
    const issue = (k: number) => ({
      id: `i${k}`,
      statusQuo: 0,
      positions: Object.fromEntries(
        Object.keys(actors).map((a, i) => [a, { position: (i * 37) % 101, salience: 0.5 }]),
      ),
    });
    const players = Array.from({ length: 400 }, (_, i) => ({ id: `P${i}`, weight: 1 + ((i * 7919) % 97) }));
    const add =
      'AFG,ARM,AZE,BGD,BHR,EGY,KHM,KWT,LKA,MMR,MDV,NPL,QAT,SAU,TUR,ARE,TKM,MNG,MYS,IDN,THA,VNM,LAO,PHL,SGP,BRN,GEO,UKR,MDA,SYR';
    const cases = [
      {
        method: 'POST' as const,
        url: '/api/forecast',
        payload: { id: 'big', actors, issues: [issue(0), issue(1)] },
      },
      {
        method: 'POST' as const,
        url: '/api/power?method=montecarlo&samples=50000',
        payload: { players, rule: { sum: 'weight', moreThanShare: 0.5 } },
      },
      {
        method: 'POST' as const,
        url: '/api/power',
        payload: { players, rule: { sum: 'weight', moreThanShare: 0.5 } },
      },
      { method: 'GET' as const, url: `/api/orgs/sco/power?add=${add}&rule=eu-qmv` },
      { method: 'GET' as const, url: `/api/orgs/sco/capacity?add=${add}` },
    ];
    for (const c of cases) {
      const t = performance.now();
      const r = await h.app.inject(c);
      check(r, `${c.method} ${c.url}`, performance.now() - t);
      expect(r.statusCode, `${c.url}: ${r.body.slice(0, 200)}`).toBe(200);
    }
    expect(h.internalErrors).toEqual([]);
  });
});
