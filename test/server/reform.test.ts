// POST /api/orgs/:id/reform: the reform explorer on the worker pool, as `concord reform --json`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { ReformSchema } from '../../src/server/routes/reform.js';
import { type TestServer, testServer } from '../helpers/server.js';

let s: TestServer;
beforeAll(async () => {
  s = await testServer();
});
afterAll(async () => s?.close());

const post = (payload: unknown, url = '/api/orgs/sco/reform') =>
  s.app.inject({ method: 'POST', url, payload: payload as Record<string, unknown> });

describe('POST /api/orgs/:id/reform', () => {
  it('answers as `concord reform --json`, computed once on the pool, then from the cache', async () => {
    const before = s.ctx.compute.stats.run;
    const payload = { constraints: ['passage>=0.05', 'veto:KAZ,KGZ,TJK,UZB'] };
    const r = await post(payload);
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(ReformSchema.safeParse(body).success).toBe(true);
    const io = memoryIO();
    expect(
      await main(
        ['reform', 'sco', '--constraint', 'passage>=0.05', '--constraint', 'veto:KAZ,KGZ,TJK,UZB', '--json'],
        io,
      ),
    ).toBe(0);
    expect(body).toEqual(JSON.parse(io.stdout.join('\n')));
    expect(s.ctx.compute.stats.run).toBe(before + 1);
    const again = await post(payload);
    expect(again.body).toBe(r.body);
    expect(s.ctx.compute.stats.run).toBe(before + 1);
    const csv = await s.app.inject({ method: 'POST', url: '/api/orgs/sco/reform?format=csv', payload });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split('\n')[0]).toBe(
      'organization,rank,rule,rule_label,stage_from,hypothetical,checked,members,member,measure,value',
    );
  });

  it('answers 4xx naming the field: bad constraint, unknown member, infeasible set, bad rank', async () => {
    const cases: Array<[unknown, number, string, string]> = [
      [{ constraints: ['passage>=7'] }, 400, 'E_USAGE', 'body.constraints[0]'],
      [{ constraints: ['veto:FRA'] }, 400, 'E_VALIDATION', 'body.constraints[0]'],
      [
        { constraints: ['passage>=0.05', 'veto:CHN,RUS,IND,PAK,IRN'] },
        400,
        'E_VALIDATION',
        'body.constraints[0]',
      ],
      [{ rank: 'beauty' }, 400, 'E_VALIDATION', 'body.rank'],
      [{ unions: [['KAZ', 'USA']] }, 400, 'E_USAGE', 'body.unions[0]'],
      [
        { constraints: Array.from({ length: 13 }, () => 'passage>=0.01') },
        400,
        'E_VALIDATION',
        'body.constraints',
      ],
    ];
    for (const [payload, status, code, path] of cases) {
      const r = await post(payload);
      expect(r.statusCode, JSON.stringify(payload)).toBe(status);
      expect(r.json().error, JSON.stringify(payload)).toMatchObject({ code, path });
    }
    const conflict = await post({ constraints: ['passage>=0.05', 'veto:CHN,RUS,IND,PAK,IRN'] });
    expect(conflict.json().error.message).toMatch(/body\.constraints\[0\], body\.constraints\[1\]/);
    expect(s.internalErrors).toEqual([]);
  });

  it('GET /api/orgs/:id/capacity?unions= adds the blocs as `concord capacity --unions --json`', async () => {
    const r = await s.app.inject({
      url: '/api/orgs/sco/capacity?rules=two-thirds&eu=false&unions=KAZ,KGZ,TJK,UZB;CHN,RUS',
    });
    expect(r.statusCode).toBe(200);
    const io = memoryIO();
    expect(
      await main(
        [
          'capacity',
          'sco',
          '--rule',
          'two-thirds',
          '--no-eu',
          '--unions',
          'KAZ,KGZ,TJK,UZB;CHN,RUS',
          '--json',
        ],
        io,
      ),
    ).toBe(0);
    expect(r.json()).toEqual(JSON.parse(io.stdout.join('\n')));
    const bad = await s.app.inject({ url: '/api/orgs/sco/capacity?unions=KAZ,FRA' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.path).toBe('query.unions[0]');
  });
});
