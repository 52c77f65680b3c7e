// Issue 12: computations on the worker pool under a time budget, size caps, the canonical cache,
// the cost-aware limit, host names, the parser's errors in the project's shape, cancellable
// sweeps with quotas, what a public run shows, token expiry and owner-only files.
import { mkdtempSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CostLimiter, canonicalJson, checkHost, hostOf } from '../../src/server/guard.js';
import { openStore } from '../../src/store/open.js';
import { runCli } from '../helpers/cli.js';
import { type TestServer, testServer } from '../helpers/server.js';

function scenario(n: number, issues = 1): Record<string, unknown> {
  const actors: Record<string, { capability: number }> = {};
  for (let i = 0; i < n; i++) actors[`A${i}`] = { capability: 1 + (i % 7) };
  return {
    id: `s${n}`,
    actors,
    issues: Array.from({ length: issues }, (_, k) => ({
      id: `i${k}`,
      statusQuo: 0,
      positions: Object.fromEntries(
        Object.keys(actors).map((a, i) => [a, { position: (i * 37) % 101, salience: 0.5 }]),
      ),
    })),
  };
}

function game(n: number): { players: unknown[]; rule: unknown } {
  return {
    players: Array.from({ length: n }, (_, i) => ({ id: `P${i}`, weight: 1 + (i % 13) })),
    rule: { sum: 'weight', moreThanShare: 0.5 },
  };
}

describe('computations on the worker pool', () => {
  let s: TestServer;
  beforeAll(async () => {
    // A generous budget: these tests check the pool and the cache, not speed (a loaded machine takes seconds).
    s = await testServer({ computeBudgetMs: 60_000, rateLimitPerMinute: 0 });
  });
  afterAll(async () => s?.close());

  it('runs on worker threads, not the event loop', () => {
    expect(s.ctx.compute.threads).toBeGreaterThan(0);
  });

  it('stops a computation past its budget with 503 E_TIMEOUT and a hint, and keeps answering', async () => {
    // Its own server with a budget far below the computation's cost (seconds for 200 actors with
    // the eum model), so the test does not depend on how fast the machine is.
    const tight = await testServer({ computeBudgetMs: 150, rateLimitPerMinute: 0 });
    try {
      const before = tight.ctx.compute.stats.timedOut;
      const r = await tight.app.inject({ method: 'POST', url: '/api/forecast', payload: scenario(200, 2) });
      expect(r.statusCode).toBe(503);
      expect(r.json().error.code).toBe('E_TIMEOUT');
      expect(r.json().error.hint).toMatch(/eum|concord forecast/);
      expect(tight.ctx.compute.stats.timedOut).toBe(before + 1);
      expect((await tight.app.inject({ url: '/api/health' })).statusCode).toBe(200);
      // The pool still computes after its thread was terminated (a generous budget: a shared machine).
      const again = await tight.ctx.compute.run(
        {
          operationId: 'forecastScenario',
          input: { params: { id: 'sco-rats-2002' }, query: {}, body: undefined },
        },
        { budgetMs: 60_000 },
      );
      expect((again as { scenario: { id: string } }).scenario.id).toBe('sco-rats-2002');
    } finally {
      await tight.close();
    }
  });

  it('computes an enlargement briefing on the pool, and serves the second request from the cache', async () => {
    const before = s.ctx.compute.stats.run;
    const r = await s.app.inject({ url: '/api/orgs/sco/briefings/2017' });
    expect(r.statusCode).toBe(200);
    expect(r.json().joined).toEqual(['IND', 'PAK']);
    expect(s.ctx.compute.stats.run).toBe(before + 1);
    const again = await s.app.inject({ url: '/api/orgs/sco/briefings/2017' });
    expect(again.body).toBe(r.body);
    expect(s.ctx.compute.stats.run).toBe(before + 1);
    const none = await s.app.inject({ url: '/api/orgs/asean/briefings/2017' });
    expect(none.statusCode).toBe(404);
    // ?lang= writes the texts in the language; the figures are the same, the default stays English.
    const ru = await s.app.inject({ url: '/api/orgs/sco/briefings/2017?lang=ru' });
    expect(ru.statusCode).toBe(200);
    expect(ru.json().title).toBe('Индия и Пакистан, 2017 г.');
    expect(ru.json().answer[0]).toMatch(/^Размывание: доля Китая в ВВП членов изменилась с 87,1/);
    expect(ru.json().figures.map((f: { rows: unknown }) => f.rows)).toEqual(
      r.json().figures.map((f: { rows: { label: string }[] }, k: number) =>
        // The rows' figures are the same; the capacity rows' labels are the rules' names in Russian.
        f.rows.map((row, i) => ({ ...row, label: ru.json().figures[k].rows[i].label })),
      ),
    );
    expect(r.json().title).toBe('India and Pakistan, 2017');
    expect((await s.app.inject({ url: '/api/orgs/sco/briefings/2017?lang=fr' })).statusCode).toBe(400);
  });

  it('refuses requests above the documented caps with 413 naming the cap', async () => {
    const a = await s.app.inject({ method: 'POST', url: '/api/forecast', payload: scenario(201) });
    expect(a.statusCode).toBe(413);
    expect(a.json().error).toMatchObject({ code: 'E_LIMIT', path: 'body.actors' });
    expect(a.json().error.message).toContain('cap: actors');
    const p = await s.app.inject({ method: 'POST', url: '/api/power', payload: game(401) });
    expect(p.statusCode).toBe(413);
    expect(p.json().error.message).toContain('cap: players');
    const m = await s.app.inject({
      method: 'POST',
      url: '/api/power?method=montecarlo&samples=1000000',
      payload: game(400),
    });
    expect(m.statusCode).toBe(413);
    expect(m.json().error.message).toContain('cap: samples × players');
  });

  it('caches by a canonical key of the validated input: reordered codes hit the cache', async () => {
    const run0 = s.ctx.compute.stats.run;
    const a = await s.app.inject({ url: '/api/orgs/sco/power?add=TKM,AFG&rule=majority' });
    const b = await s.app.inject({ url: '/api/orgs/sco/power?rule=majority&add=afg,TKM' });
    expect(a.statusCode).toBe(200);
    expect(b.body).toBe(a.body);
    expect(s.ctx.compute.stats.run).toBe(run0 + 1);
    const body = game(5);
    const c = await s.app.inject({ method: 'POST', url: '/api/power', payload: body });
    const d = await s.app.inject({
      method: 'POST',
      url: '/api/power',
      payload: { rule: body.rule, players: body.players },
    });
    expect(d.body).toBe(c.body);
    expect(s.ctx.compute.stats.run).toBe(run0 + 2);
  });

  it('writes a canonical JSON whatever the order of keys', () => {
    expect(canonicalJson({ b: 1, a: [{ y: 2, x: 1 }], c: undefined })).toBe('{"a":[{"x":1,"y":2}],"b":1}');
  });
});

describe('the cost-aware limit', () => {
  it('charges what a request asks for, refills over the minute, and says when to retry', () => {
    const l = new CostLimiter(60_000);
    expect(l.take('a', 50_000, 0)).toBe(0);
    expect(l.take('a', 20_000, 0)).toBeGreaterThan(0); // 10,000 left
    expect(l.take('b', 20_000, 0)).toBe(0); // per client
    expect(l.take('a', 20_000, 10_000)).toBe(0); // 10 s later: 10,000 + 10,000 refilled
    expect(l.spent('a', 10_000)).toBeGreaterThan(0);
    expect(new CostLimiter(0).take('a', 1e12)).toBe(0);
  });

  it('answers 429 with Retry-After once a client has spent its budget', async () => {
    const s = await testServer({ costPerMinute: 50 });
    try {
      const first = await s.app.inject({ method: 'POST', url: '/api/forecast', payload: scenario(40, 2) });
      expect(first.statusCode).toBe(200);
      const again = await s.app.inject({ method: 'POST', url: '/api/forecast', payload: scenario(41, 2) });
      expect(again.statusCode).toBe(429);
      expect(again.json().error.code).toBe('E_RATE_LIMIT');
      expect(Number(again.headers['retry-after'])).toBeGreaterThan(0);
      // Cheap routes are not charged.
      expect((await s.app.inject({ url: '/api/orgs/sco' })).statusCode).toBe(200);
    } finally {
      await s.close();
    }
  });
});

describe('host names and the HTTP parser', () => {
  it('answers only its own host names unless told otherwise', async () => {
    expect(hostOf('LocalHost:8080')).toBe('localhost');
    expect(hostOf('[::1]:80')).toBe('::1');
    expect(() => checkHost('evil.example:8080', ['localhost'])).toThrow(/evil\.example/);
    expect(() => checkHost('api.example.org', ['*.example.org'])).not.toThrow();
    const s = await testServer();
    try {
      const r = await s.app.inject({ url: '/api/health', headers: { host: 'rebind.attacker.example' } });
      expect(r.statusCode).toBe(403);
      expect(r.json().error).toMatchObject({ code: 'E_FORBIDDEN', path: 'headers.host' });
      expect((await s.app.inject({ url: '/api/health', headers: { host: '127.0.0.1:9' } })).statusCode).toBe(
        200,
      );
    } finally {
      await s.close();
    }
    const any = await testServer({ allowedHosts: 'any' });
    try {
      expect((await any.app.inject({ url: '/api/health', headers: { host: 'x.example' } })).statusCode).toBe(
        200,
      );
    } finally {
      await any.close();
    }
  });

  it('answers an oversized URL (431) and a NUL in a header (400) in the error shape', async () => {
    const s = await testServer();
    try {
      const address = await s.app.listen({ port: 0, host: '127.0.0.1' });
      const port = Number(new URL(address).port);
      const raw = (text: string) =>
        new Promise<string>((resolve) => {
          const c = connect(port, '127.0.0.1');
          let data = '';
          c.on('data', (d) => {
            data += d.toString();
          });
          c.on('close', () => resolve(data));
          c.on('error', () => resolve(data));
          c.write(text);
        });
      const big = await raw(`GET /api/orgs?x=${'a'.repeat(60_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
      expect(big).toMatch(/^HTTP\/1\.1 431/);
      expect(JSON.parse(big.slice(big.indexOf('\r\n\r\n') + 4)).error.code).toBe('E_LIMIT');
      const nul = await raw('GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-A: a\u0000b\r\n\r\n');
      expect(nul).toMatch(/^HTTP\/1\.1 400/);
      expect(JSON.parse(nul.slice(nul.indexOf('\r\n\r\n') + 4)).error).toHaveProperty('path');
    } finally {
      await s.close();
    }
  });
});

describe('sweeps: cancel, minimum batch, quotas', () => {
  let s: TestServer;
  let auth: { authorization: string };
  beforeAll(async () => {
    s = await testServer({ rateLimitPerMinute: 0, quotas: { concurrentSweeps: 1, runsPerWorkspace: 3 } });
    auth = { authorization: `Bearer ${(await s.ctx.store.createToken('w1')).token}` };
  });
  afterAll(async () => s?.close());

  it('refuses batches below the minimum', async () => {
    const r = await s.app.inject({
      method: 'POST',
      url: '/api/sweeps',
      headers: auth,
      payload: { scenario: 'sco-rats-2002', runs: 2_000_000, batchSize: 1 },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.path).toBe('body.batchSize');
  });

  it('cancels a running sweep within a second, keeps its batches, and resumes it', async () => {
    const start = await s.app.inject({
      method: 'POST',
      url: '/api/sweeps',
      headers: auth,
      payload: { scenario: 'sco-rats-2002', runs: 2_000_000, keep: 'summary' },
    });
    expect(start.statusCode).toBe(202);
    const id = start.json().run.id as string;
    // The quota: one sweep at a time.
    const second = await s.app.inject({
      method: 'POST',
      url: '/api/sweeps',
      headers: auth,
      payload: { scenario: 'sco-rats-2002', runs: 1000, keep: 'summary' },
    });
    expect(second.statusCode).toBe(413);
    expect(second.json().error.message).toContain('quota: concurrent sweeps');
    await new Promise((r) => setTimeout(r, 800));
    const t = performance.now();
    const del = await s.app.inject({ method: 'DELETE', url: `/api/runs/${id}`, headers: auth });
    const ms = performance.now() - t;
    expect(del.statusCode).toBe(200);
    expect(del.json()).toMatchObject({ cancelled: id, status: 'cancelled' });
    expect(ms).toBeLessThan(1000);
    expect(s.ctx.jobs.isActive(id)).toBe(false);
    const shown = (await s.app.inject({ url: `/api/runs/${id}`, headers: auth })).json();
    expect(shown.status).toBe('cancelled');
    expect(shown.resumable).toBe(true);
    const resumed = await s.app.inject({ method: 'POST', url: `/api/runs/${id}/resume`, headers: auth });
    expect(resumed.statusCode).toBe(202);
    await s.app.inject({ method: 'DELETE', url: `/api/runs/${id}`, headers: auth });
    // Once stopped, DELETE deletes.
    await new Promise((r) => setTimeout(r, 300));
    const gone = await s.app.inject({ method: 'DELETE', url: `/api/runs/${id}`, headers: auth });
    expect(gone.json()).toEqual({ deleted: id });
  });

  it('limits the runs a workspace keeps', async () => {
    for (let i = 0; i < 3; i++) {
      await s.ctx.store.createRun({
        workspace: 'w1',
        kind: 'sweep',
        seed: '1',
        total: 10,
        batchSize: 10,
        params: {},
        manifest: {},
      });
      await s.ctx.store.db.updateTable('runs').set({ status: 'complete' }).execute();
    }
    const r = await s.app.inject({
      method: 'POST',
      url: '/api/sweeps',
      headers: auth,
      payload: { scenario: 'sco-rats-2002', runs: 100, keep: 'summary' },
    });
    expect(r.statusCode).toBe(413);
    expect(r.json().error.message).toContain('quota: runs');
  });
});

describe('nothing private leaks', () => {
  it('shows others a public run with parameters, seed, version and summary only', async () => {
    const s = await testServer();
    try {
      const run = await s.ctx.store.createRun({
        workspace: 'alice',
        kind: 'sweep',
        seed: '7',
        total: 10,
        batchSize: 10,
        visibility: 'public',
        params: { scenario: { file: '/home/alice/secret/case.yaml', text: 'x', sha256: 'h' } },
        manifest: {
          concord: '0.1.0',
          seed: 7,
          host: 'alice-laptop',
          pid: 4242,
          commit: 'abc',
          node: 'v20',
          platform: 'linux-x64',
        },
      });
      const anon = await s.app.inject({ url: `/api/runs/${run.id}` });
      expect(anon.statusCode).toBe(200);
      const j = anon.json();
      expect(j.manifest).toEqual({ concord: '0.1.0', seed: 7 });
      expect(j.workspace).toBeNull();
      expect(j.params.scenario.file).toBe('case.yaml');
      expect(anon.body).not.toMatch(/alice|4242/);
      const list = await s.app.inject({ url: '/api/runs' });
      expect(list.body).not.toContain('alice');
      const bob = (await s.ctx.store.createToken('bob')).token;
      const asBob = await s.app.inject({
        url: `/api/runs/${run.id}`,
        headers: { authorization: `Bearer ${bob}` },
      });
      expect(asBob.body).not.toContain('alice');
      const alice = (await s.ctx.store.createToken('alice')).token;
      const asAlice = await s.app.inject({
        url: `/api/runs/${run.id}`,
        headers: { authorization: `Bearer ${alice}` },
      });
      expect(asAlice.json().manifest.host).toBe('alice-laptop');
    } finally {
      await s.close();
    }
  });

  it('lets tokens expire', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'concord-expiry-'));
    const store = await openStore(join(dir, 's.sqlite'));
    try {
      const past = await store.createToken('w', null, new Date(Date.now() - 1000).toISOString());
      const future = await store.createToken('w', null, new Date(Date.now() + 60_000).toISOString());
      expect(await store.workspaceForToken(past.token)).toBeNull();
      expect(await store.workspaceForToken(future.token)).toBe('w');
    } finally {
      await store.close();
    }
    const r = await runCli([
      'token',
      'create',
      '--workspace',
      'w',
      '--expires',
      '30d',
      '--json',
      '--store',
      join(dir, 's.sqlite'),
    ]);
    expect(r.code).toBe(0);
    const exp = Date.parse(JSON.parse(r.out).expiresAt);
    expect(exp - Date.now()).toBeGreaterThan(29 * 86_400_000);
    const bad = await runCli([
      'token',
      'create',
      '--workspace',
      'w',
      '--expires',
      'soon',
      '--store',
      join(dir, 's.sqlite'),
    ]);
    expect(bad.code).toBe(2);
  });

  it('creates the store file and its directory owner-only', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'concord-mode-')), 'new', 'store.sqlite');
    const store = await openStore(path);
    await store.close();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(path)).mode & 0o777).toBe(0o700);
  });
});

describe('concord runs cancel', () => {
  it('marks a running run cancelled (exit 0) and refuses one that is not running (exit 2)', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'concord-cancel-')), 's.sqlite');
    const store = await openStore(path);
    const run = await store.createRun({
      workspace: 'local',
      kind: 'sweep',
      seed: '1',
      total: 1000,
      batchSize: 100,
      params: {},
      manifest: {},
    });
    await store.setStatus(run.id, 'running');
    await store.close();
    const r = await runCli(['runs', 'cancel', run.id, '--store', path]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('cancelled');
    const again = await runCli(['runs', 'cancel', run.id, '--store', path]);
    expect(again.code).toBe(2);
    expect(again.err).toContain('E_CONFLICT');
  });
});

describe('numbers that cannot overflow silently', () => {
  it('scales capabilities near the largest double before summing, and refuses scales whose squares overflow', async () => {
    const s = await testServer({ rateLimitPerMinute: 0 });
    try {
      const base = {
        id: 'overflow',
        actors: { A: { capability: 1.7e308 }, B: { capability: 1.7e308 } },
        issues: [
          {
            id: 'x',
            statusQuo: 0,
            positions: { A: { position: 0, salience: 1 }, B: { position: 100, salience: 1 } },
          },
        ],
      };
      const ok = await s.app.inject({ method: 'POST', url: '/api/forecast', payload: base });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json().scenario.capability.shares).toEqual({ A: 0.5, B: 0.5 });
      const wide = await s.app.inject({
        method: 'POST',
        url: '/api/forecast',
        payload: {
          ...base,
          issues: [
            {
              ...base.issues[0],
              scale: [0, 1e200],
              positions: { A: { position: 0, salience: 1 }, B: { position: 1e200, salience: 1 } },
            },
          ],
        },
      });
      expect(wide.statusCode).toBe(400);
      expect(wide.json().error.path).toBe('body.issues[0].scale');
    } finally {
      await s.close();
    }
  });
});
