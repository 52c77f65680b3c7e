// POST /api/power/quota: power against the quota on the worker pool, as `concord quota --json`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { QuotaSchema } from '../../src/server/routes/power.js';
import { type TestServer, testServer } from '../helpers/server.js';

let s: TestServer;
beforeAll(async () => {
  s = await testServer();
});
afterAll(async () => s?.close());

async function cli(args: string[]): Promise<unknown> {
  const io = memoryIO();
  expect(await main(args, io), io.stderr.join('\n')).toBe(0);
  return JSON.parse(io.stdout.join('\n'));
}

const EEC = {
  name: 'EEC-6',
  players: [
    { id: 'FRA', votes: 4 },
    { id: 'DEU', votes: 4 },
    { id: 'ITA', votes: 4 },
    { id: 'BEL', votes: 2 },
    { id: 'NLD', votes: 2 },
    { id: 'LUX', votes: 1 },
  ],
  rule: { sum: 'votes', atLeast: 12 },
};

describe('POST /api/power/quota', () => {
  it('a built-in game answers as `concord quota --json`, once on the pool, then from the cache', async () => {
    const before = s.ctx.compute.stats.run;
    const r = await s.app.inject({ method: 'POST', url: '/api/power/quota?game=eec-1958' });
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(QuotaSchema.safeParse(body).success).toBe(true);
    expect(body).toEqual(await cli(['quota', 'eec-1958', '--json']));
    expect(body.quotas).toHaveLength(17);
    expect(body.quotas[11].passageProbability).toBe(7 / 32);
    expect(s.ctx.compute.stats.run).toBe(before + 1);
    const again = await s.app.inject({ method: 'POST', url: '/api/power/quota?game=eec-1958' });
    expect(again.body).toBe(r.body);
    expect(s.ctx.compute.stats.run).toBe(before + 1);
  });

  it('a game in the body, with from/to/step/index, equals the CLI on the same file; CSV as --format csv', async () => {
    const url = '/api/power/quota?from=4&to=16&step=3&index=banzhaf,ss';
    const r = await s.app.inject({ method: 'POST', url, payload: EEC });
    expect(r.statusCode, r.body).toBe(200);
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'quota-'));
    writeFileSync(join(dir, 'eec.json'), JSON.stringify(EEC));
    const args = [
      'quota',
      join(dir, 'eec.json'),
      '--from',
      '4',
      '--to',
      '16',
      '--step',
      '3',
      '--index',
      'banzhaf,ss',
    ];
    expect(r.json()).toEqual(await cli([...args, '--json']));
    expect(r.json().quotas.map((q: { quota: number }) => q.quota)).toEqual([4, 7, 10, 13, 16]);
    const csv = await s.app.inject({ method: 'POST', url: `${url}&format=csv`, payload: EEC });
    expect(csv.statusCode).toBe(200);
    const io = memoryIO();
    expect(await main([...args, '--format', 'csv'], io)).toBe(0);
    expect(csv.body.trimEnd()).toBe(io.stdout.join('\n').trimEnd());
    expect(csv.body.split('\n')[0]).toBe(
      'quota,passage_probability,jump,player,swings,banzhaf,shapley_shubik',
    );
  });

  it('eu27-nice by its votes criterion, and an organization weighted by population, equal the CLI', async () => {
    const nice = await s.app.inject({
      method: 'POST',
      url: '/api/power/quota?game=eu27-nice&criterion=votes&jumps=true',
    });
    expect(nice.statusCode, nice.body).toBe(200);
    expect(nice.json()).toEqual(
      await cli(['quota', 'eu27-nice', '--criterion', 'votes', '--jumps', '--json']),
    );
    expect(nice.json().ownQuota).toBe(255);
    expect(nice.json().total).toBe(345);
    const org = await s.app.inject({
      method: 'POST',
      url: '/api/power/quota?org=sco&at=2024-07-04&weight=population&step=10',
    });
    expect(org.statusCode, org.body).toBe(200);
    expect(org.json()).toEqual(
      await cli(['quota', '--org', 'sco', '--at', '2024-07-04', '--step', '10', '--json']),
    );
  });

  it('bad input answers 4xx naming the field, never a 5xx', async () => {
    const cases: Array<[string, unknown, number, string, string]> = [
      ['/api/power/quota', undefined, 400, 'E_USAGE', 'query.game'],
      ['/api/power/quota?game=eec-1958&org=sco', undefined, 400, 'E_USAGE', 'query.org'],
      ['/api/power/quota?game=nope', undefined, 404, 'E_UNKNOWN_ID', 'query.game'],
      ['/api/power/quota?game=eu27-nice', undefined, 400, 'E_USAGE', 'query.game'],
      ['/api/power/quota?game=eu27-nice&criterion=beauty', undefined, 400, 'E_USAGE', 'query.criterion'],
      ['/api/power/quota?game=eec-1958&from=0', undefined, 400, 'E_USAGE', 'query.from'],
      ['/api/power/quota?game=eec-1958&to=18', undefined, 400, 'E_USAGE', 'query.to'],
      ['/api/power/quota?game=eec-1958&from=9&to=3', undefined, 400, 'E_USAGE', 'query.to'],
      ['/api/power/quota?game=eec-1958&step=0', undefined, 400, 'E_USAGE', 'query.step'],
      ['/api/power/quota?game=eec-1958&step=x', undefined, 400, 'E_VALIDATION', 'query.step'],
      ['/api/power/quota?game=eec-1958&index=holler', undefined, 400, 'E_USAGE', 'query.index'],
      ['/api/power/quota?game=eec-1958&weight=gdp', undefined, 400, 'E_USAGE', 'query.weight'],
      ['/api/power/quota?org=sco&weight=height', undefined, 400, 'E_VALIDATION', 'query.weight'],
      ['/api/power/quota?org=nowhere', undefined, 404, 'E_UNKNOWN_ORG', 'query.org'],
      ['/api/power/quota?org=sco&at=1990-01-01', undefined, 400, 'E_BEFORE_FOUNDING', 'query.at'],
      [
        '/api/power/quota?index=banzhaf,penrose',
        {
          players: Array.from({ length: 50 }, (_, i) => ({ id: `P${i}`, votes: 100 + (i % 7) })),
          rule: { sum: 'votes', atLeast: 2501 },
        },
        413,
        'E_LIMIT',
        'query.step',
      ],
      [
        '/api/power/quota',
        { ...EEC, rule: { sum: 'votes', atLeast: 'x' } },
        400,
        'E_VALIDATION',
        'body.rule',
      ],
      [
        '/api/power/quota',
        {
          players: Array.from({ length: 60 }, (_, i) => ({ id: `P${i}`, votes: 1 })),
          rule: { sum: 'votes', atLeast: 30 },
        },
        413,
        'E_LIMIT',
        'body.players',
      ],
    ];
    for (const [url, payload, status, code, path] of cases) {
      const r = await s.app.inject({
        method: 'POST',
        url,
        ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
      });
      const label = `${url} ${JSON.stringify(payload ?? '').slice(0, 60)}: ${r.body.slice(0, 300)}`;
      expect(r.statusCode, label).toBe(status);
      expect(r.json().error, label).toMatchObject({ code, path });
    }
    expect(s.internalErrors).toEqual([]);
  });
});
