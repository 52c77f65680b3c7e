// Sweeps over the API, in-process: a sweep started with a token runs in the background on worker
// threads, belongs to the token's workspace, and gives the summary of `concord sweep` with the same
// seed. Uses the compiled worker file (dist/; `npm test` builds first).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { sweepKind } from '../../src/server/run-kinds.js';
import { type TestServer, testServer } from '../helpers/server.js';

let s: TestServer;
let alpha: string;
let beta: string;
beforeAll(async () => {
  s = await testServer({ kinds: [sweepKind(1)], rateLimitPerMinute: 0 });
  alpha = (await s.ctx.store.createToken('alpha')).token;
  beta = (await s.ctx.store.createToken('beta')).token;
});
afterAll(async () => s?.close());

const post = (payload: unknown, token?: string) =>
  s.app.inject({
    method: 'POST',
    url: '/api/sweeps',
    payload: payload as object,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
const get = (url: string, token?: string) =>
  s.app.inject({ url, headers: token ? { authorization: `Bearer ${token}` } : {} });

async function finished(id: string, token: string) {
  for (let i = 0; i < 2400; i++) {
    const r = (await get(`/api/runs/${id}`, token)).json();
    if (r.status !== 'running' && r.status !== 'pending') return r;
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error('the sweep did not finish');
}

describe('sweeps over the API', () => {
  it('needs a token, and refuses bad requests with the path of the problem', async () => {
    const anon = await post({ scenario: 'sco-development-bank-2010', runs: 100 });
    expect(anon.statusCode).toBe(401);
    for (const [body, path] of [
      [{ scenario: 'no-such-case', runs: 10 }, 'body.scenario'],
      [{ scenario: 'sco-development-bank-2010', runs: 0 }, 'body.runs'],
      [{ scenario: 'sco-development-bank-2010', runs: 1.5 }, 'body.runs'],
      [{ scenario: 'sco-development-bank-2010', runs: 10, models: ['oracle'] }, 'body.models[0]'],
      [{ scenario: 'sco-development-bank-2010', text: 'id: x', runs: 10 }, 'body.scenario'],
      [{ text: 'id: x\nissues: [', runs: 10 }, 'body.text'],
      [{ scenario: 'sco-development-bank-2010', runs: 3_000_000 }, 'body.runs'],
    ] as const) {
      const r = await post(body, alpha);
      expect(r.statusCode, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(r.statusCode, JSON.stringify(body)).toBeLessThan(500);
      expect(r.json().error.path, JSON.stringify(body)).toBe(path);
    }
    expect((await get('/api/runs', alpha)).json().runs).toEqual([]); // nothing was created
  });

  it("runs in the background in the token's workspace, with the summary of `concord sweep`", async () => {
    const r = await post(
      { scenario: 'sco-development-bank-2010', runs: 3000, seed: 7, title: 'bank' },
      alpha,
    );
    expect(r.statusCode).toBe(202);
    const { run } = r.json();
    expect(run).toMatchObject({ workspace: 'alpha', kind: 'sweep', title: 'bank', owned: true, total: 3000 });
    expect((await get(`/api/runs/${run.id}`, beta)).statusCode).toBe(404);
    expect((await get(`/api/runs/${run.id}/summary`, beta)).statusCode).toBe(404);
    expect((await get(`/api/runs/${run.id}/summary`)).statusCode).toBe(404);
    const done = await finished(run.id, alpha);
    expect(done.status).toBe('complete');
    expect(done.results).toBe(3000 * 3);
    const summary = (await get(`/api/runs/${run.id}/summary`, alpha)).json();
    expect(summary).toMatchObject({ complete: true, replicates: 3000, total: 3000 });
    const io = memoryIO();
    const code = await main(
      [
        'sweep',
        'scenarios/sco/06-development-bank-2010.yaml',
        '--runs',
        '3000',
        '--seed',
        '7',
        '--workers',
        '1',
        '--store',
        join(s.dir, 'cli.sqlite'),
        '--json',
        '--quiet',
      ],
      io,
    );
    expect(code, io.stderr.join('\n')).toBe(0);
    const cli = JSON.parse(io.stdout.join('\n')).summary;
    expect(JSON.stringify(summary.summary.results)).toBe(JSON.stringify(cli.results));
    const csv = (await get(`/api/runs/${run.id}/export?format=csv`, alpha)).body.split('\n');
    expect(csv[0]).toMatch(
      /^replicate,point,issue,model,outcome,adopted,blockers,participants,rounds,position\./,
    );
    expect(csv.length).toBe(3000 * 3 + 2);
  });

  it('starts a sweep of a scenario sent as text, and can make it public', async () => {
    const text = (await get('/api/scenarios/sco-development-bank-2010')).json().text as string;
    const r = await post(
      { text, file: 'my-bank.yaml', runs: 500, keep: 'summary', visibility: 'public' },
      beta,
    );
    expect(r.statusCode).toBe(202);
    const id = r.json().run.id;
    const done = await finished(id, beta);
    expect(done.status).toBe('complete');
    expect(done.results).toBe(0); // aggregates only
    const anon = (await get(`/api/runs/${id}/summary`)).json();
    expect(anon.complete).toBe(true);
    expect(anon.summary.sweep.scenario).toBeTruthy();
    expect((await get(`/api/runs/${id}/summary`, alpha)).statusCode).toBe(200);
  });
});

afterAll(() => {
  expect(s.internalErrors).toEqual([]);
});
