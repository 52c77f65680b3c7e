import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, testServer } from '../helpers/server.js';

let s: TestServer;
beforeAll(async () => {
  s = await testServer({ rateLimitPerMinute: 0 });
});
afterAll(async () => s?.close());

describe('GET /api/registry', () => {
  it("lists the token's workspace's registered forecasts only; 401 without a token", async () => {
    const a = (await s.ctx.store.createToken('alpha')).token;
    const b = (await s.ctx.store.createToken('beta')).token;
    await s.ctx.store.registerForecast({
      workspace: 'alpha',
      scenarioId: 'x',
      file: '/tmp/x.yaml',
      scenarioHash: 'h'.repeat(64),
      codeVersion: '0.1.0',
      forecast: { issues: [] },
    });
    const get = (t?: string) =>
      s.app.inject({
        method: 'GET',
        url: '/api/registry',
        headers: t ? { authorization: `Bearer ${t}` } : {},
      });
    const ra = await get(a);
    expect(ra.statusCode).toBe(200);
    expect(ra.json().forecasts.map((f: { scenarioId: string }) => f.scenarioId)).toEqual(['x']);
    expect((await get(b)).json().forecasts).toEqual([]);
    expect((await get()).statusCode).toBe(401);
  });
});
