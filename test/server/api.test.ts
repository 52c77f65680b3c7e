// The HTTP API in-process (fastify.inject): answers match the CLI and their documented schemas;
// bad input gives a 4xx JSON error { error: { code, message, path } }, never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { memoryIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { toHttpError } from '../../src/server/errors.js';
import { type TestServer, testServer } from '../helpers/server.js';

let s: TestServer;
beforeAll(async () => {
  s = await testServer();
});
afterAll(async () => s?.close());

async function get(url: string, headers: Record<string, string> = {}) {
  const r = await s.app.inject({ method: 'GET', url, headers });
  return { status: r.statusCode, headers: r.headers, json: () => r.json(), body: r.body };
}

function expectError(
  r: { status: number; json: () => unknown },
  status: number,
  code: string,
  path?: string,
) {
  expect(r.status).toBe(status);
  const body = r.json() as { error: { code: string; message: string; path: string | null } };
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(5);
  expect(body.error).toHaveProperty('path');
  if (path !== undefined) expect(body.error.path).toBe(path);
}

/** The documented response schema of a route, by operationId. */
function responseSchema(operationId: string): z.ZodType {
  const r = s.routes.find((x) => x.operationId === operationId);
  if (!r?.response?.schema) throw new Error(`no schema for ${operationId}`);
  return r.response.schema;
}

describe('organizations', () => {
  it('answers an organization on a date exactly as `concord org --json`', async () => {
    const r = await get('/api/orgs/sco?at=2021-04-29');
    expect(r.status).toBe(200);
    const body = r.json();
    const io = memoryIO();
    expect(await main(['org', 'sco', '--at', '2021-04-29', '--json'], io)).toBe(0);
    expect(body).toEqual(JSON.parse(io.stdout.join('\n')));
    expect(body.members.map((m: { iso3: string }) => m.iso3)).toHaveLength(8);
    expect(responseSchema('organizationOnDate').safeParse(body).success).toBe(true);
    expect(r.headers['cache-control']).toMatch(/max-age/);
  });

  it('answers with the Shanghai Five before 2001, and refuses dates before 1996', async () => {
    const five = (await get('/api/orgs/sco?at=1998-01-01')).json();
    expect(five.era.organization).toBe('shanghai-five');
    expect(five.members).toHaveLength(5);
    expectError(await get('/api/orgs/sco?at=1990-01-01'), 400, 'E_BEFORE_FOUNDING');
    // the power route names its own parameter, not the library's `date`
    expectError(await get('/api/orgs/sco/power?at=1990-01-01'), 400, 'E_BEFORE_FOUNDING', 'query.at');
  });

  it('counts statuses from the memorandum by default, from the decision with ?dates=decision', async () => {
    const partners = async (q: string) =>
      ((await get(`/api/orgs/sco?at=2023-06-01${q}`)).json().partners as Array<{ iso3: string }>).map(
        (p) => p.iso3,
      );
    expect(await partners('')).not.toContain('BHR');
    expect(await partners('&dates=decision')).toContain('BHR');
    expectError(await get('/api/orgs/sco?at=2023-06-01&dates=signature'), 400, 'E_VALIDATION', 'query.dates');
  });

  it('lists organizations, timeline, stages, history and countries with their documented shapes', async () => {
    for (const [url, op] of [
      ['/api/orgs', 'listOrganizations'],
      ['/api/orgs/sco/timeline', 'organizationTimeline'],
      ['/api/orgs/sco/stages', 'organizationStages'],
      ['/api/orgs/sco/history', 'organizationHistory'],
      ['/api/countries?eurasia=true', 'listCountries'],
      ['/api/countries/kaz?at=2010-01-01', 'countryOnDate'],
      ['/api/claims', 'checkDefaultClaims'],
      ['/api/health', 'health'],
      ['/api/whoami', 'whoami'],
      ['/api/runs', 'listRuns'],
    ] as const) {
      const r = await get(url);
      expect(r.status, url).toBe(200);
      const parsed = responseSchema(op).safeParse(r.json());
      expect(parsed.success, `${url}: ${parsed.error?.message}`).toBe(true);
    }
    const stages = (await get('/api/orgs/sco/stages')).json().stages;
    expect(stages.map((x: { members: string[] }) => x.members.length)).toEqual([6, 8, 9, 10]);
    const kaz = (await get('/api/countries/kaz?at=2010-01-01')).json();
    expect(kaz.iso3).toBe('KAZ');
    expect(kaz.organizations).toContainEqual({ organization: 'sco', status: 'member' });
    expect((await get('/api/countries?eurasia=true')).json().countries).toHaveLength(
      [...s.ctx.ds.countries.values()].filter((c) => c.eurasia).length,
    );
  });

  it("lists each organization's own names in Russian and Chinese (the lab's selects show them)", async () => {
    const orgs = (await get('/api/orgs')).json().organizations as Array<{
      id: string;
      localized: { ru?: { name: string; shortName?: string }; 'zh-Hans'?: { name: string } } | null;
    }>;
    const sco = orgs.find((o) => o.id === 'sco')!;
    expect(sco.localized?.ru).toEqual({ name: 'Шанхайская организация сотрудничества', shortName: 'ШОС' });
    expect(sco.localized?.['zh-Hans']?.name).toBe('上海合作组织');
    expect(orgs.find((o) => o.id === 'shanghai-five')!.localized?.ru?.name).toBe('Шанхайская пятёрка');
  });

  it('names the offending parameter in errors', async () => {
    expectError(await get('/api/orgs/sco?at=2021-02-30'), 400, 'E_VALIDATION', 'query.at');
    expectError(await get('/api/orgs/sco?at=2021-04-29&extra=1'), 400, 'E_VALIDATION');
    expectError(await get('/api/orgs/nato?at=2021-04-29'), 404, 'E_UNKNOWN_ORG');
    expectError(await get('/api/orgs/n%20a'), 400, 'E_VALIDATION', 'params.id');
    expectError(await get('/api/countries/XYZ'), 404, 'E_UNKNOWN_COUNTRY');
    expectError(await get('/api/countries/12345'), 400, 'E_VALIDATION', 'params.iso3');
    expectError(await get('/api/runs?limit=0'), 400, 'E_VALIDATION', 'query.limit');
    expectError(await get('/api/runs?limit=abc'), 400, 'E_VALIDATION', 'query.limit');
    expectError(await get('/api/runs/no-such-run'), 404, 'E_UNKNOWN_ID', 'params.id');
    expectError(await get('/api/nothing-here'), 404, 'E_NOT_FOUND');
  });
});

describe('the balance of power', () => {
  it('answers as `concord balance --json`, with query parameters in the error paths', async () => {
    const r = await get('/api/orgs/sco/balance?measure=gdp&from=2001&to=2023');
    expect(r.status).toBe(200);
    const body = r.json();
    const io = memoryIO();
    expect(
      await main(['balance', 'sco', '--measure', 'gdp', '--from', '2001', '--to', '2023', '--json'], io),
    ).toBe(0);
    expect(body).toEqual(JSON.parse(io.stdout.join('\n')));
    expect(responseSchema('organizationBalance').safeParse(body).success).toBe(true);
    const y2010 = body.years.find((y: { year: number }) => y.year === 2010);
    expect(y2010.shares.CHN).toBeGreaterThan(y2010.shares.RUS);
    expectError(await get('/api/orgs/sco/balance?measure=votes'), 400, 'E_VALIDATION', 'query.measure');
    expectError(await get('/api/orgs/sco/balance?from=2030&to=2031'), 422, 'E_NO_DATA', 'query.from');
    expectError(await get('/api/orgs/sco/balance?with=IRN,XXX'), 404, 'E_UNKNOWN_COUNTRY', 'query.with[1]');
  });
});

describe('alignment in the UN General Assembly', () => {
  it('answers as `concord alignment --json`', async () => {
    const r = await get('/api/orgs/sco/alignment?from=2001&to=2018&with=USA&bootstrap=20');
    expect(r.status).toBe(200);
    const body = r.json();
    const io = memoryIO();
    expect(
      await main(
        [
          'alignment',
          'sco',
          '--from',
          '2001',
          '--to',
          '2018',
          '--with',
          'USA',
          '--bootstrap',
          '20',
          '--json',
        ],
        io,
      ),
    ).toBe(0);
    expect(body).toEqual(JSON.parse(io.stdout.join('\n')));
    expect(responseSchema('organizationAlignment').safeParse(body).success).toBe(true);
    const chnRus = body.pairs.find((p: { a: string; b: string }) => [p.a, p.b].sort().join() === 'CHN,RUS');
    // 1,167 of the 1,224 roll calls on which both voted yes or no (test/alignment/data.test.ts).
    expect(chnRus.yesNoRollCalls).toBe(1224);
    expect(chnRus.agreementYesNo).toBeCloseTo(1167 / 1224, 10);
    expect(body.camps.uncertainty.resamples).toBe(20);
    const topics = (await get('/api/alignment/topics')).json();
    expect(responseSchema('alignmentTopics').safeParse(topics).success).toBe(true);
    expect(topics.topics.map((t: { code: string }) => t.code)).toContain('hr');
    expectError(await get('/api/orgs/sco/alignment?topic=astrology'), 404, 'E_UNKNOWN_ID', 'query.topic');
    expectError(await get('/api/orgs/sco/alignment?resolution=0'), 400, 'E_VALIDATION', 'query.resolution');
    expectError(await get('/api/orgs/sco/alignment?with=XYZ'), 404, 'E_UNKNOWN_COUNTRY', 'query.with');
    expectError(await get('/api/orgs/sco/alignment?bootstrap=5000'), 400, 'E_VALIDATION', 'query.bootstrap');
    expectError(await get('/api/orgs/sco/alignment?scope=some'), 400, 'E_VALIDATION', 'query.scope');
    const late = await get('/api/orgs/sco/alignment?from=2030');
    expect(late.status).toBeLessThan(500);
    expect(late.status).toBeGreaterThanOrEqual(400);
  });
});

describe('scenarios and forecasts', () => {
  it('lists the SCO cases and forecasts them as `concord forecast --json`', async () => {
    const list = (await get('/api/scenarios')).json();
    expect(responseSchema('listScenarios').safeParse(list).success).toBe(true);
    expect(list.scenarios.length).toBe(26);
    const bank = list.scenarios.find((x: { id: string }) => x.id === 'sco-development-bank-2010');
    const r = await get('/api/scenarios/sco-development-bank-2010/forecast');
    expect(r.status).toBe(200);
    const io = memoryIO();
    expect(await main(['forecast', bank.file, '--json'], io)).toBe(0);
    expect(r.json()).toEqual(JSON.parse(io.stdout.join('\n')));
    expect(responseSchema('forecastScenario').safeParse(r.json()).success).toBe(true);
    const only = (await get('/api/scenarios/sco-development-bank-2010/forecast?models=median,nash')).json();
    expect(Object.keys(only.issues[0].models).sort()).toEqual(['median', 'nash']);
    expectError(
      await get('/api/scenarios/sco-development-bank-2010/forecast?models=oracle'),
      400,
      'E_VALIDATION',
      'query.models[0]',
    );
    expectError(await get('/api/scenarios/no-such-case'), 404, 'E_UNKNOWN_ID', 'params.id');
  });

  it('forecasts a scenario sent as JSON or YAML, naming the offending path in the body', async () => {
    const show = (await get('/api/scenarios/sco-development-bank-2010')).json();
    const post = (payload: unknown, type = 'application/json') =>
      s.app.inject({
        method: 'POST',
        url: '/api/forecast',
        payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
        headers: { 'content-type': type },
      });
    const fromJson = await post(show.scenario);
    expect(fromJson.statusCode).toBe(200);
    const fromYaml = await post(show.text, 'application/yaml');
    expect(fromYaml.statusCode).toBe(200);
    expect(fromYaml.json()).toEqual(fromJson.json());
    expect(fromJson.json()).toEqual((await get('/api/scenarios/sco-development-bank-2010/forecast')).json());
    const issue = show.scenario.issues[0];
    const bad = (positions: object) =>
      post({ ...show.scenario, issues: [{ ...issue, positions: { ...issue.positions, ...positions } }] });
    let r = await bad({ RUS: { position: 150, salience: 0.7 } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.path).toBe('body.issues[0].positions.RUS.position');
    r = await bad({ RUS: { position: 15, salience: 1.5 } });
    expect(r.json().error.path).toBe('body.issues[0].positions.RUS.salience');
    r = await bad({ XYZ: { position: 15, salience: 0.5 } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.path).toBe('body.issues[0].positions.XYZ');
    // dimensions that disagree between actors: one gives two numbers on a one-dimensional issue
    r = await bad({ RUS: { position: [15, 30], salience: 0.5 } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.path).toBe('body.issues[0].positions.RUS.position');
    expect(r.json().error.message).toContain('the issue has 1 dimension(s)');
  });

  it("runs KTAB's SMP when asked, and answers 400 naming the issue and field when its actors have no capability", async () => {
    const post = (payload: unknown, url: string) =>
      s.app.inject({
        method: 'POST',
        url,
        payload: JSON.stringify(payload),
        headers: { 'content-type': 'application/json' },
      });
    const scenario = {
      id: 'smp-no-capability',
      title: 'An issue whose actors have no capability',
      rule: 'consensus',
      actors: { A: { capability: 1 }, B: { capability: 0 }, C: { capability: 0 } },
      issues: [
        {
          id: 'levy',
          scale: [0, 100],
          statusQuo: 0,
          positions: { A: null, B: { position: 20, salience: 0.5 }, C: { position: 80, salience: 0.5 } },
        },
      ],
    };
    let r = await post(scenario, '/api/forecast?models=smp');
    expect(r.statusCode).toBe(400);
    expect(r.json().error.path).toBe('body.actors.B.capability');
    expect(r.json().error.message).toContain('issue "levy"');
    r = await post(scenario, '/api/forecast');
    expect(r.statusCode).toBe(200);
    expect(r.json().issues[0].models.smp.outcome).toBeNull();
    const ok = await get('/api/scenarios/sco-tianjin-2025/forecast?models=smp');
    expect(ok.status).toBe(200);
    const m = ok.json().issues[0].models;
    expect(Object.keys(m)).toEqual(['smp']);
    expect(m.smp.turns.length).toBeGreaterThan(0);
    expect(typeof m.smp.outcome).toBe('number');
  });

  it('backtests the SCO cases as `concord backtest scenarios/sco --json`, and serves the library data', async () => {
    const r = await get('/api/backtest');
    expect(r.status).toBe(200);
    const io = memoryIO();
    expect(await main(['backtest', 'scenarios/sco', '--json'], io)).toBe(0);
    expect(r.json()).toEqual(JSON.parse(io.stdout.join('\n')));
    const lib = (await get('/api/library')).json();
    expect(lib.organizations.map((o: { id: string }) => o.id)).toContain('sco');
    expect(Object.keys(lib.dataset).sort()).toEqual(['countries', 'cow', 'gdp', 'milex', 'population']);
  });
});

describe('decision rules and voting power', () => {
  it('answers the capacity to decide as `concord capacity --json`: 1/64 → 1/256 → 1/512 → 1/1024', async () => {
    const r = await get('/api/orgs/sco/capacity');
    expect(r.status).toBe(200);
    const io = memoryIO();
    expect(await main(['capacity', 'sco', '--json'], io)).toBe(0);
    expect(r.json()).toEqual(JSON.parse(io.stdout.join('\n')));
    expect(responseSchema('organizationCapacity').safeParse(r.json()).success).toBe(true);
    const own = r
      .json()
      .stages.map(
        (st: { outcomes: Array<{ passageProbabilityFraction: string }> }) =>
          st.outcomes[0]!.passageProbabilityFraction,
      );
    expect(own).toEqual(['1/64', '1/256', '1/512', '1/1024']);
    const hyp = (await get('/api/orgs/sco/capacity?rules=majority&add=AFG,TKM&eu=false')).json();
    expect(hyp.stages.at(-1).hypothetical).toBe(true);
    expect(hyp.stages.at(-1).outcomes[0].passageProbabilityFraction).toBe('1/4096');
    expect(hyp.euReference).toEqual([]);
    expectError(await get('/api/orgs/sco/capacity?rules=dictator'), 400, 'E_VALIDATION', 'query.rules[0]');
    expectError(await get('/api/orgs/sco/capacity?add=XXX'), 404, 'E_UNKNOWN_COUNTRY', 'query.add[0]');
  });

  it('takes rules of your own in the rule language, validated with its schema', async () => {
    const post = (payload: object) =>
      s.app.inject({ method: 'POST', url: '/api/orgs/sco/capacity', payload });
    const r = await post({
      rules: ['majority', { label: 'four-fifths', rule: { count: { atLeastShare: 0.8 } } }],
      eu: false,
    });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.rules.map((x: { label: string }) => x.label)).toEqual([
      'consensus (own rule)',
      'simple majority',
      'four-fifths',
    ]);
    // Each rule comes with the rule itself, for the lab to word it in its language.
    expect(body.rules[1].rule).toEqual({ count: { moreThanShare: 0.5 } });
    expect(body.rules[2].rule).toEqual({ count: { atLeastShare: 0.8 } });
    // Six founding members: at least 80% means 5 or 6 of 6, i.e. 7 of the 64 coalitions.
    expect(body.stages[0].outcomes[2].passageProbabilityFraction).toBe('7/64');
    const bad = await post({ rules: [{ rule: { count: { atLeastShare: 2 } } }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.path).toBe('body.rules[0].rule.count.atLeastShare');
    const file = await post({ rules: ['../../etc/passwd'] });
    expect(file.statusCode).toBe(400);
  });

  it('gives every power index of a game: built-in, an organization on a date, or sent in the body', async () => {
    const eec = (await get('/api/games/eec-1958/power')).json();
    expect(responseSchema('gamePower').safeParse(eec).success).toBe(true);
    expect(eec.passageProbabilityFraction).toBe('7/32');
    const io = memoryIO();
    expect(await main(['power', 'eec-1958', '--json'], io)).toBe(0);
    expect(eec).toEqual(JSON.parse(io.stdout.join('\n')));
    const sco = (await get('/api/orgs/sco/power?at=2024-07-04&rule=majority')).json();
    expect(sco.players).toHaveLength(10);
    const game = {
      players: [4, 4, 4, 2, 2, 1].map((w, i) => ({ id: `P${i}`, w })),
      rule: { sum: 'w', atLeast: 12 },
    };
    const r = await s.app.inject({ method: 'POST', url: '/api/power', payload: game });
    expect(r.statusCode).toBe(200);
    expect(r.json().players.map((p: { banzhaf: number }) => p.banzhaf)).toEqual(
      eec.players.map((p: { banzhaf: number }) => p.banzhaf),
    );
    const big = await s.app.inject({
      method: 'POST',
      url: '/api/power',
      payload: {
        players: Array.from({ length: 401 }, (_, i) => ({ id: `p${i}`, w: 1 })),
        rule: { sum: 'w', atLeast: 3 },
      },
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toMatchObject({ code: 'E_LIMIT', path: 'body.players' });
    const neg = await s.app.inject({
      method: 'POST',
      url: '/api/power',
      payload: { players: [{ id: 'A', w: -1 }], rule: { sum: 'w', atLeast: 1 } },
    });
    expect(neg.json().error.path).toBe('body.players[0].w');
    expectError(await get('/api/games/eec-1958/power?samples=0'), 400, 'E_VALIDATION', 'query.samples');
    // only the indices asked for, as `concord power --index`
    const only = (await get('/api/games/eec-1958/power?index=banzhaf,holler')).json();
    expect(only.indices).toEqual(['banzhaf', 'holler']);
    expect(only.players[0].shapleyShubik).toBeNull();
    expect(only.players[0].holler).not.toBeNull();
    const cli = memoryIO();
    expect(await main(['power', 'eec-1958', '--index', 'banzhaf,holler', '--json'], cli)).toBe(0);
    expect(only).toEqual(JSON.parse(cli.stdout.join('\n')));
    expectError(await get('/api/games/eec-1958/power?index=banzaf'), 400, 'E_VALIDATION', 'query.index');
    expectError(await get('/api/games/nope/power'), 404, 'E_UNKNOWN_ID', 'params.id');
  });
});

describe('the claim check', () => {
  const claims = {
    id: 'mine',
    document: 'A test',
    organization: 'sco',
    date: '2021-04-29',
    claims: [{ id: 'n', quote: 'eight members', measure: 'memberCount', comparison: 'equals', value: 8 }],
  };

  it("words the seed paper's explanations in the language asked (?lang=), the figures unchanged", async () => {
    const en = (await get('/api/claims')).json();
    const strip = (r: { claims: Array<Record<string, unknown>> }) =>
      r.claims.map(({ explanation: _, ...rest }) => rest);
    for (const [lang, script] of [
      ['ru', /[а-яё]{3}/],
      ['zh', /[\u4e00-\u9fff]/],
    ] as const) {
      const r = await get(`/api/claims?lang=${lang}`);
      expect(r.status).toBe(200);
      const other = r.json();
      expect(responseSchema('checkDefaultClaims').safeParse(other).success).toBe(true);
      expect(strip(other)).toEqual(strip(en));
      for (const c of other.claims) expect(c.explanation).toMatch(script);
      expect(other.claims.map((c: { explanation: string }) => c.explanation)).not.toEqual(
        en.claims.map((c: { explanation: string }) => c.explanation),
      );
    }
    expect((await get('/api/claims?lang=en')).json()).toEqual(en);
    expectError(await get('/api/claims?lang=fr'), 400, 'E_VALIDATION', 'query.lang');
  });

  it('checks a claims file sent as JSON or YAML', async () => {
    const j = await s.app.inject({ method: 'POST', url: '/api/claims/check', payload: claims });
    expect(j.statusCode).toBe(200);
    expect(j.json().claims[0].verdict).toBe('holds');
    const yaml = `id: mine\ndocument: A test\norganization: sco\ndate: 2021-04-29\nclaims:\n  - { id: n, quote: nine, measure: memberCount, comparison: equals, value: 9 }\n`;
    const y = await s.app.inject({
      method: 'POST',
      url: '/api/claims/check',
      payload: yaml,
      headers: { 'content-type': 'application/yaml' },
    });
    expect(y.statusCode).toBe(200);
    expect(y.json().claims[0].verdict).toBe('does not hold');
  });

  it('rejects wrong types, unknown fields, malformed JSON and YAML, with the path', async () => {
    const post = (payload: string | object, type = 'application/json') =>
      s.app.inject({ method: 'POST', url: '/api/claims/check', payload, headers: { 'content-type': type } });
    const wrongType = await post({ ...claims, claims: [{ ...claims.claims[0], value: 'eight' }] });
    expectError(
      { status: wrongType.statusCode, json: () => wrongType.json() },
      400,
      'E_VALIDATION',
      'body.claims[0].value',
    );
    const unknown = await post({ ...claims, colour: 'red' });
    expectError({ status: unknown.statusCode, json: () => unknown.json() }, 400, 'E_VALIDATION', 'body');
    for (const bad of ['{"id": ', '[1,2', '{"__proto__": {"x": 1}}', 'null', '"text"', '42']) {
      const r = await post(bad);
      expect(r.statusCode, bad).toBeGreaterThanOrEqual(400);
      expect(r.statusCode, bad).toBeLessThan(500);
      expect(r.json().error.code, bad).toMatch(/^E_(FILE_FORMAT|VALIDATION)$/);
    }
    const yaml = await post('id: [unclosed', 'application/yaml');
    expectError({ status: yaml.statusCode, json: () => yaml.json() }, 400, 'E_FILE_FORMAT');
    const empty = await post('');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toMatch(/^E_(FILE_FORMAT|VALIDATION)$/);
  });

  it('refuses unsupported content types and bodies above the limit', async () => {
    const text = await s.app.inject({
      method: 'POST',
      url: '/api/claims/check',
      payload: 'hello',
      headers: { 'content-type': 'text/plain' },
    });
    expectError({ status: text.statusCode, json: () => text.json() }, 415, 'E_UNSUPPORTED');
    const huge = await s.app.inject({
      method: 'POST',
      url: '/api/claims/check',
      payload: JSON.stringify({ ...claims, document: 'x'.repeat(2 * 1024 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    expectError({ status: huge.statusCode, json: () => huge.json() }, 413, 'E_LIMIT');
  });
});

describe('the OpenAPI document and the docs page', () => {
  it('documents every route, with the zod schemas as JSON Schema', async () => {
    const doc = (await get('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    const ops = Object.values(doc.paths as Record<string, Record<string, { operationId: string }>>).flatMap(
      (m) => Object.values(m).map((o) => o.operationId),
    );
    expect(ops.sort()).toEqual(s.routes.map((r) => r.operationId).sort());
    const at = doc.paths['/api/orgs/{id}'].get.parameters.find((p: { name: string }) => p.name === 'at');
    expect(at.in).toBe('query');
    expect(at.required).toBe(false);
    const body = doc.components.schemas.CheckClaimsBody;
    expect(body.properties.claims.type).toBe('array');
    expect(body.additionalProperties).toBe(false);
    expect(doc.paths['/api/runs/{id}'].delete.security).toEqual([{ bearer: [] }]);
    expect(doc.components.securitySchemes.bearer.scheme).toBe('bearer');
  });

  it('serves a self-contained docs page (no scripts, nothing from elsewhere)', async () => {
    const r = await get('/api/docs', { host: '127.0.0.1:41234' });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/text\/html/);
    for (const route of s.routes) expect(r.body).toContain(`id="${route.operationId}"`);
    expect(r.body).not.toMatch(/<script|https?:\/\/(?!127\.0\.0\.1)/);
    expect((await get('/api/docs.css')).status).toBe(200);
  });

  it("writes the curl examples with the server's own address, whatever its port", async () => {
    const r = await get('/api/docs', { host: '127.0.0.1:41234' });
    expect(r.body).toContain('curl http://127.0.0.1:41234/api/orgs');
    expect(r.body).not.toContain(':8080');
    const other = await get('/api/docs', { host: 'localhost:9000' });
    expect(other.body).toContain('curl http://localhost:9000/api/orgs');
  });
});

describe('security', () => {
  it('sends security headers with a CSP that allows the app itself only', async () => {
    const r = await get('/api/orgs');
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['referrer-policy']).toBe('no-referrer');
  });

  it('limits the request rate per client with a JSON 429', async () => {
    const limited = await testServer({ rateLimitPerMinute: 5 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 7; i++) codes.push((await limited.app.inject({ url: '/api/orgs' })).statusCode);
      expect(codes.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      const r = await limited.app.inject({ url: '/api/orgs' });
      expect(r.statusCode).toBe(429);
      expect(r.json().error.code).toBe('E_RATE_LIMIT');
      expect(r.headers['retry-after']).toBeDefined();
    } finally {
      await limited.close();
    }
  });

  it('maps timeouts and framework errors to stable codes, and hides internal errors', () => {
    expect(toHttpError({ code: 'FST_ERR_HANDLER_TIMEOUT', statusCode: 503 }).error.code).toBe('E_TIMEOUT');
    expect(toHttpError({ code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 }).status).toBe(413);
    const internal = toHttpError(new TypeError('x is undefined at /secret/path.js'));
    expect(internal.status).toBe(500);
    expect(internal.error.code).toBe('E_INTERNAL');
    expect(internal.error.message).not.toContain('/secret');
  });

  it('answers the pages of the lab with instructions when the app is not built', async () => {
    const r = await get('/decision');
    expect(r.status).toBe(503);
    expect(r.body).toContain('npm run build:web');
  });
});

afterAll(() => {
  expect(s.internalErrors).toEqual([]);
});
