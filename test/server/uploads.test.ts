// Scenarios uploaded into a workspace (CSV, XLSX, YAML, DEU): imported as the CLI imports them,
// stored, forecast and swept; bad files are a 4xx naming file, line and column, and store nothing.
// The sweep runs on worker threads from the compiled worker file (dist/; `npm test` builds first).
import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const auth = (token?: string) => (token ? { authorization: `Bearer ${token}` } : {});
const upload = (payload: unknown, token?: string) =>
  s.app.inject({
    method: 'POST',
    url: '/api/workspace/scenarios',
    payload: payload as object,
    headers: auth(token),
  });
const get = (url: string, token?: string) => s.app.inject({ url, headers: auth(token) });

const FOUR = readFileSync('test/fixtures/import/four-columns.csv', 'utf8');

async function finished(id: string, token: string) {
  for (let i = 0; i < 2400; i++) {
    const r = (await get(`/api/runs/${id}`, token)).json();
    if (r.status !== 'running' && r.status !== 'pending') return r;
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error('the sweep did not finish');
}

describe('uploading scenarios into the workspace', () => {
  it('a four-column CSV is stored, listed in its workspace only, forecast and swept', async () => {
    expect((await upload({ name: 'four.csv', content: FOUR })).statusCode).toBe(401);
    const r = await upload({ name: 'four.csv', content: FOUR }, alpha);
    expect(r.statusCode, r.body).toBe(201);
    const [sc] = r.json().scenarios;
    expect(sc.format).toBe('long');
    expect(r.json().import.actors).toBe(4);
    const list = (await get('/api/workspace/scenarios', alpha)).json().scenarios;
    expect(list.map((x: { id: string }) => x.id)).toContain(sc.id);
    expect((await get('/api/workspace/scenarios', beta)).json().scenarios).toEqual([]);
    expect((await get(`/api/workspace/scenarios/${sc.id}`, beta)).statusCode).toBe(404);

    const f = await get(`/api/workspace/scenarios/${sc.id}/forecast`, alpha);
    expect(f.statusCode, f.body).toBe(200);
    const w = [0.5 * 0.9, 0.3 * 0.7, 0.1 * 0.5, 0.1 * 0.8];
    expect(f.json().issues[0].models.compromise.outcome).toBeCloseTo(
      (w[0]! * 80 + w[1]! * 60 + w[2]! * 30 + w[3]! * 20) / (w[0]! + w[1]! + w[2]! + w[3]!),
      8,
    );

    const sw = await s.app.inject({
      method: 'POST',
      url: '/api/sweeps',
      payload: { upload: sc.id, runs: 400, seed: 5 },
      headers: auth(alpha),
    });
    expect(sw.statusCode, sw.body).toBe(202);
    const run = await finished(sw.json().run.id, alpha);
    expect(run.status).toBe('complete');
    const sum = (await get(`/api/runs/${run.id}/summary`, alpha)).json();
    expect(sum.summary.results.find((x: { model: string }) => x.model === 'compromise').n).toBe(400);
    // Another workspace cannot sweep it.
    const other = await s.app.inject({
      method: 'POST',
      url: '/api/sweeps',
      payload: { upload: sc.id, runs: 10 },
      headers: auth(beta),
    });
    expect(other.statusCode).toBe(404);
  });

  it('an XLSX workbook (base64) and a YAML scenario are read like the CLI reads them', async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ['actor', 'issue', 'position', 'salience'],
        ['A', 'x', 10, 0.5],
        ['B', 'x', 90, 0.5],
      ]),
      'Sheet1',
    );
    const b64 = (XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer).toString('base64');
    const x = await upload({ name: 'book.xlsx', content: b64, encoding: 'base64' }, alpha);
    expect(x.statusCode, x.body).toBe(201);
    const f = (await get(`/api/workspace/scenarios/${x.json().scenarios[0].id}/forecast`, alpha)).json();
    expect(f.issues[0].models.compromise.outcome).toBe(50);
    const y = await upload(
      { name: 'case.yaml', content: readFileSync('scenarios/sco/01-rats-2002.yaml', 'utf8') },
      alpha,
    );
    expect(y.statusCode, y.body).toBe(201);
    expect(y.json().scenarios[0].format).toBe('scenario');
  });

  it('bad files are a 4xx naming file, line and column, and nothing is stored', async () => {
    const before = (await get('/api/workspace/scenarios', beta)).json().scenarios.length;
    for (const [content, re] of [
      [
        'actor,position,salience\nA,10,0.5\nB,20\n',
        /bad\.csv:3: row has 2 cells; the header has 3 \(ragged row\)/,
      ],
      ['actor,position,salience,weight\nA,10,0.5,1\n', /bad\.csv:1: column 4 "weight": unknown column/],
      ['actor,position,salience\nA,10,0.5\nA,20,0.5\n', /bad\.csv:3: column actor: A already has a row/],
      [
        'actor,position,salience\nA,10,0.5\nB,120,0.5\n',
        /bad\.csv:3: column position: 120 is outside the scale/,
      ],
    ] as const) {
      const r = await upload({ name: 'bad.csv', content }, beta);
      expect(r.statusCode, content).toBe(400);
      expect(r.json().error.message).toMatch(re);
      expect(r.json().error.path).toBe('body.content');
    }
    const huge = await upload({ name: 'x.csv', content: 'x'.repeat(800_000) }, beta);
    expect(huge.statusCode).toBeGreaterThanOrEqual(400);
    expect(huge.statusCode).toBeLessThan(500);
    expect((await get('/api/workspace/scenarios', beta)).json().scenarios).toHaveLength(before);
  });
});
