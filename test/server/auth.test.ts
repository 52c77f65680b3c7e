// Access to stored runs: public data needs no token; runs belong to a workspace; a token of one
// workspace can never read another's private runs nor change any of its runs.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import type { RunRecord } from '../../src/store/store.js';
import { type TestServer, testRows, testServer } from '../helpers/server.js';

let s: TestServer;
let tokenA: string;
let tokenB: string;
let privA: RunRecord;
let privB: RunRecord;
let pubB: RunRecord;

async function makeRun(workspace: string, visibility: 'private' | 'public', title: string) {
  const run = await s.ctx.store.createRun({
    workspace,
    kind: 'test-count',
    title,
    visibility,
    seed: '1',
    total: 4,
    batchSize: 2,
    params: { secret: `params of ${title}` },
    manifest: {},
  });
  await s.ctx.store.completeBatch(run.id, 0, testRows(0, 2), 'test');
  await s.ctx.store.setStatus(run.id, 'interrupted');
  return run;
}

beforeAll(async () => {
  s = await testServer({ rateLimitPerMinute: 0 });
  tokenA = (await s.ctx.store.createToken('alpha')).token;
  tokenB = (await s.ctx.store.createToken('beta')).token;
  privA = await makeRun('alpha', 'private', 'A private');
  privB = await makeRun('beta', 'private', 'B private');
  pubB = await makeRun('beta', 'public', 'B public');
});
afterAll(async () => s?.close());

const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
async function req(method: string, url: string, token?: string, payload?: object) {
  const r = await s.app.inject({
    method: method as 'GET',
    url,
    headers: token ? bearer(token) : {},
    ...(payload ? { payload } : {}),
  });
  return { status: r.statusCode, body: r.body, json: () => r.json() };
}
const ids = (r: { json: () => { runs: Array<{ id: string }> } }) =>
  r
    .json()
    .runs.map((x) => x.id)
    .sort();

describe('reading runs', () => {
  it('shows anonymous callers the public runs only', async () => {
    expect(ids(await req('GET', '/api/runs'))).toEqual([pubB.id]);
    expect((await req('GET', `/api/runs/${pubB.id}`)).status).toBe(200);
    for (const path of ['', '/export', '/export?format=json', '/events']) {
      const r = await req('GET', `/api/runs/${privA.id}${path}`);
      expect(r.status, path).toBe(404);
      expect(r.json().error.code).toBe('E_UNKNOWN_ID');
      expect(r.body).not.toContain('A private');
    }
  });

  it("shows a workspace its own runs and others' public runs, never others' private runs", async () => {
    expect(ids(await req('GET', '/api/runs', tokenA))).toEqual([privA.id, pubB.id].sort());
    expect(ids(await req('GET', '/api/runs', tokenB))).toEqual([privB.id, pubB.id].sort());
    const own = (await req('GET', `/api/runs/${privA.id}`, tokenA)).json();
    expect(own.params).toEqual({ secret: 'params of A private' });
    expect(own.owned).toBe(true);
    expect(own.results).toBe(2);
    expect((await req('GET', `/api/runs/${pubB.id}`, tokenA)).json().owned).toBe(false);
    for (const path of ['', '/export', '/export?format=json', '/events']) {
      const r = await req('GET', `/api/runs/${privB.id}${path}`, tokenA);
      expect(r.status, path).toBe(404);
      expect(r.body).not.toContain('B private');
    }
  });

  it('exports results as CSV and JSON', async () => {
    const csv = await req('GET', `/api/runs/${privA.id}/export`, tokenA);
    expect(csv.status).toBe(200);
    expect(csv.body.split('\n')).toEqual([
      // A test run has no sweep parameters: the fixed columns, no inputs, point 0.
      'replicate,point,issue,model,outcome,adopted,blockers,participants,rounds',
      '0,0,x,m,0,0,"KAZ,UZB",,',
      '1,0,x,m,0.1,1,,,',
      '',
    ]);
    const json = (await req('GET', `/api/runs/${privA.id}/export?format=json`, tokenA)).json();
    expect(json.run.id).toBe(privA.id);
    expect(json.results).toHaveLength(2);
    expect(json.results[1]).toEqual({
      replicate: 1,
      point: 0,
      issue: 'x',
      model: 'm',
      outcome: 0.1,
      adopted: 1,
      blockers: null,
      participants: null,
      rounds: null,
    });
  });
});

describe('changing runs', () => {
  it('needs a token for every write', async () => {
    for (const [m, path, body] of [
      ['PATCH', `/api/runs/${pubB.id}`, { title: 'x' }],
      ['DELETE', `/api/runs/${pubB.id}`, undefined],
      ['POST', `/api/runs/${pubB.id}/resume`, undefined],
    ] as const) {
      const r = await req(m, path, undefined, body);
      expect(r.status, `${m} ${path}`).toBe(401);
      expect(r.json().error.code).toBe('E_AUTH');
    }
  });

  it("forbids changing another workspace's runs, public or private", async () => {
    const rename = await req('PATCH', `/api/runs/${pubB.id}`, tokenA, { title: 'mine now' });
    expect(rename.status).toBe(403);
    expect(rename.json().error.code).toBe('E_FORBIDDEN');
    expect((await req('DELETE', `/api/runs/${pubB.id}`, tokenA)).status).toBe(403);
    expect((await req('POST', `/api/runs/${pubB.id}/resume`, tokenA)).status).toBe(403);
    expect((await req('PATCH', `/api/runs/${privB.id}`, tokenA, { visibility: 'public' })).status).toBe(404);
    expect((await req('DELETE', `/api/runs/${privB.id}`, tokenA)).status).toBe(404);
    const still = await s.ctx.store.getRun(pubB.id);
    expect(still!.title).toBe('B public');
    expect((await s.ctx.store.getRun(privB.id))!.visibility).toBe('private');
  });

  it('lets the owner rename, publish and delete', async () => {
    const run = await makeRun('alpha', 'private', 'to publish');
    expect((await req('GET', `/api/runs/${run.id}`)).status).toBe(404);
    const p = await req('PATCH', `/api/runs/${run.id}`, tokenA, { visibility: 'public', title: 'published' });
    expect(p.status).toBe(200);
    expect(p.json()).toMatchObject({ visibility: 'public', title: 'published', owned: true });
    expect((await req('GET', `/api/runs/${run.id}`)).json().title).toBe('published');
    expectBad(await req('PATCH', `/api/runs/${run.id}`, tokenA, {}));
    expectBad(await req('PATCH', `/api/runs/${run.id}`, tokenA, { visibility: 'everyone' }));
    expect((await req('DELETE', `/api/runs/${run.id}`, tokenA)).json()).toEqual({ deleted: run.id });
    expect(await s.ctx.store.getRun(run.id)).toBeNull();
    expect(await s.ctx.store.countResults(run.id)).toBe(0);
  });
});

function expectBad(r: { status: number; json: () => { error: { code: string } } }) {
  expect(r.status).toBe(400);
  expect(r.json().error.code).toBe('E_VALIDATION');
}

describe('tokens', () => {
  it('refuses malformed, unknown and revoked tokens, even on public endpoints', async () => {
    for (const h of [
      'Bearer',
      'Basic abc:def',
      'Bearer short',
      `Bearer ${'x'.repeat(300)}`,
      'Bearer cc_unknown_token_123',
    ]) {
      const r = await s.app.inject({ url: '/api/orgs', headers: { authorization: h } });
      expect(r.statusCode, h).toBe(401);
      expect(r.json().error.code).toBe('E_AUTH');
      expect(r.json().error.path).toBe('headers.authorization');
    }
    const t = await s.ctx.store.createToken('gamma');
    expect((await req('GET', '/api/whoami', t.token)).json()).toEqual({
      workspace: 'gamma',
      access: 'workspace',
    });
    await s.ctx.store.revokeToken(t.id);
    expect((await req('GET', '/api/whoami', t.token)).status).toBe(401);
  });

  it('stores tokens hashed and prints the secret once (`concord token create`)', async () => {
    const store = `${s.dir}/cli.sqlite`;
    const io = memoryIO();
    expect(
      await main(
        ['token', 'create', '--workspace', 'delta', '--label', 'laptop', '--store', store, '--json'],
        io,
      ),
    ).toBe(0);
    const created = JSON.parse(io.stdout.join('\n'));
    expect(created.token).toMatch(/^cc_[A-Za-z0-9_-]{32}$/);
    const list = memoryIO();
    expect(await main(['token', 'list', '--store', store, '--json'], list)).toBe(0);
    const text = list.stdout.join('\n');
    expect(text).toContain('laptop');
    expect(text).not.toContain(created.token);
    const { openStore } = await import('../../src/store/open.js');
    const st = await openStore(store);
    try {
      const rows = await st.db.selectFrom('tokens').selectAll().execute();
      expect(JSON.stringify(rows)).not.toContain(created.token);
      expect(await st.workspaceForToken(created.token)).toBe('delta');
    } finally {
      await st.close();
    }
    const revoke = memoryIO();
    expect(await main(['token', 'revoke', created.id, '--store', store], revoke)).toBe(0);
    const again = memoryIO();
    expect(await main(['token', 'revoke', 'nope', '--store', store], again)).toBe(2);
    expect(again.stderr.join('\n')).toContain('E_UNKNOWN_ID');
  });

  it('accepts a session token kept in memory only', async () => {
    const t = s.ctx.auth.createSessionToken('local');
    expect((await req('GET', '/api/whoami', t)).json().workspace).toBe('local');
    const rows = await s.ctx.store.db.selectFrom('tokens').select('hash').execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(await s.ctx.store.workspaceForToken(t)).toBeNull();
  });
});

describe('isolation, property-based', () => {
  it('no sequence of requests by one workspace reads or changes another workspace’s private runs', async () => {
    const workspaces = ['w-one', 'w-two', 'w-three'];
    const tokens = new Map<string, string>();
    for (const w of workspaces) tokens.set(w, (await s.ctx.store.createToken(w)).token);
    const runs: RunRecord[] = [];
    for (const w of workspaces)
      for (const v of ['private', 'public'] as const) runs.push(await makeRun(w, v, `${w} ${v} run`));
    const op = fc.record({
      as: fc.constantFrom(...workspaces, null),
      run: fc.integer({ min: 0, max: runs.length - 1 }),
      action: fc.constantFrom('get', 'export', 'patch', 'delete', 'resume', 'list'),
      visibility: fc.constantFrom('private', 'public'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        for (const o of ops) {
          const run = runs[o.run]!;
          const before = await s.ctx.store.getRun(run.id);
          if (!before) continue;
          const token = o.as ? tokens.get(o.as) : undefined;
          const url = `/api/runs/${run.id}`;
          const r =
            o.action === 'get'
              ? await req('GET', url, token)
              : o.action === 'export'
                ? await req('GET', `${url}/export?format=json`, token)
                : o.action === 'patch'
                  ? await req('PATCH', url, token, { visibility: o.visibility })
                  : o.action === 'delete'
                    ? await req('DELETE', url, token)
                    : o.action === 'resume'
                      ? await req('POST', `${url}/resume`, token)
                      : await req('GET', '/api/runs?limit=500', token);
          expect(r.status).toBeLessThan(500);
          const owner = o.as === before.workspace;
          const visible = owner || before.visibility === 'public';
          if (o.action === 'list') {
            const seen = (r.json() as { runs: Array<{ id: string; workspace: string; visibility: string }> })
              .runs;
            for (const x of seen) expect(x.workspace === o.as || x.visibility === 'public').toBe(true);
          } else if (!visible) {
            expect(r.status).toBe(o.as === null && o.action !== 'get' && o.action !== 'export' ? 401 : 404);
            expect(r.body).not.toContain(`${before.workspace} private run`);
          }
          const after = await s.ctx.store.getRun(run.id);
          if (!owner) {
            // Nobody but the owner changes a run.
            expect(after).toEqual(before);
          }
        }
        // Deleted runs come back, so that every case starts from six runs.
        for (let i = 0; i < runs.length; i++) {
          if (!(await s.ctx.store.getRun(runs[i]!.id))) {
            const w = workspaces[Math.floor(i / 2)]!;
            runs[i] = await makeRun(
              w,
              i % 2 ? 'public' : 'private',
              `${w} ${i % 2 ? 'public' : 'private'} run`,
            );
          }
        }
      }),
      { numRuns: 40, seed: 42 },
    );
  });
});

afterAll(() => {
  expect(s.internalErrors).toEqual([]);
});
