/**
 * The API's own errors in the language of Accept-Language (one or more per file of src/server):
 * the same request in English, Russian and Chinese answers the same status, code and path, and a
 * message (and hint) in the language, no longer the English text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareErrorLocale } from '../../src/i18n/errors.js';
import { errorBody, toHttpError } from '../../src/server/errors.js';
import { expectTranslated, thrown } from '../helpers/localized.js';
import { type TestServer, testServer } from '../helpers/server.js';

let s: TestServer;
let slow: TestServer;
let token: string;
beforeAll(async () => {
  s = await testServer({ computeThreads: 1 });
  slow = await testServer({ computeThreads: 1, computeBudgetMs: 1 });
  token = (await s.ctx.store.createToken('class')).token;
});
afterAll(async () => {
  await s?.close();
  await slow?.close();
});

interface Req {
  readonly method?: 'GET' | 'POST' | 'DELETE';
  readonly url: string;
  readonly token?: boolean;
  readonly body?: unknown;
  readonly type?: string;
  readonly headers?: Record<string, string>;
  readonly server?: () => TestServer;
}

async function send(r: Req, lang: string) {
  const res = await (r.server ?? (() => s))().app.inject({
    method: r.method ?? 'GET',
    url: r.url,
    headers: {
      'accept-language': lang,
      ...(r.token ? { authorization: `Bearer ${token}` } : {}),
      ...(r.body !== undefined ? { 'content-type': r.type ?? 'application/json' } : {}),
      ...r.headers,
    },
    ...(r.body !== undefined
      ? { payload: typeof r.body === 'string' ? r.body : JSON.stringify(r.body) }
      : {}),
  });
  return {
    status: res.statusCode,
    error: res.json().error as { code: string; message: string; path: string | null; hint?: string },
  };
}

const CYRILLIC = /[А-Яа-яЁё]/;
const HAN = /[\u4e00-\u9fff]/;

/** [what, request, status, code]: the file whose error it is comes first in the name. */
const CASES: Array<[string, Req, number, string]> = [
  [
    'app.ts: a private endpoint without a token',
    { method: 'POST', url: '/api/sweeps', body: { scenario: 'x', runs: 10 } },
    401,
    'E_AUTH',
  ],
  [
    'app.ts: YAML sent to a JSON-only endpoint',
    { method: 'POST', url: '/api/rooms', body: 'a: 1', type: 'application/yaml', token: true },
    422,
    'E_UNSUPPORTED',
  ],
  [
    'app.ts: an answer format that is neither csv nor json',
    { url: '/api/orgs/sco/capacity?format=xml' },
    400,
    'E_VALIDATION',
  ],
  [
    'auth.ts: an Authorization header that is not Bearer',
    { url: '/api/whoami', headers: { authorization: 'Basic abc' } },
    401,
    'E_AUTH',
  ],
  [
    'auth.ts: an unknown token',
    { url: '/api/whoami', headers: { authorization: 'Bearer abcdefghijklmnop' } },
    401,
    'E_AUTH',
  ],
  [
    'errors.ts: an unsupported content type',
    { method: 'POST', url: '/api/power', body: 'x', type: 'text/plain' },
    415,
    'E_UNSUPPORTED',
  ],
  [
    'guard.ts: a host name the server does not answer to',
    { url: '/api/health', headers: { host: 'evil.example' } },
    403,
    'E_FORBIDDEN',
  ],
  [
    'yaml.ts: a YAML body that does not parse',
    { method: 'POST', url: '/api/power', body: 'players: [a, b', type: 'application/yaml' },
    400,
    'E_FILE_FORMAT',
  ],
  [
    'routes/balance.ts: a pair that is not two states',
    { url: '/api/orgs/sco/balance?pair=CHN' },
    400,
    'E_VALIDATION',
  ],
  [
    'routes/briefings.ts: a briefing the organization does not have',
    { url: '/api/orgs/csto/briefings/2017' },
    404,
    'E_NOT_FOUND',
  ],
  ['routes/power.ts: an unknown built-in game', { url: '/api/games/nope/power' }, 404, 'E_UNKNOWN_ID'],
  [
    'routes/power.ts: no game for power against the quota',
    { method: 'POST', url: '/api/power/quota' },
    400,
    'E_USAGE',
  ],
  [
    'routes/rooms.ts: a wrong room code',
    { method: 'POST', url: '/api/rooms/join', body: { code: 'ZZZZ-ZZZZ', name: 'x' } },
    404,
    'E_NOT_FOUND',
  ],
  [
    'routes/rooms.ts: an unknown built-in scenario for a room',
    { method: 'POST', url: '/api/rooms', body: { scenario: 'nope' }, token: true },
    404,
    'E_UNKNOWN_ID',
  ],
  ['rooms.ts: an unknown room', { url: '/api/rooms/nope', token: true }, 404, 'E_NOT_FOUND'],
  ['routes/runs.ts: a run nobody can see', { url: '/api/runs/nope' }, 404, 'E_UNKNOWN_ID'],
  [
    'routes/runs.ts: a run the workspace cannot see',
    { url: '/api/runs/nope', token: true },
    404,
    'E_UNKNOWN_ID',
  ],
  ['routes/scenarios.ts: an unknown built-in scenario', { url: '/api/scenarios/nope' }, 404, 'E_UNKNOWN_ID'],
  [
    'routes/sweeps.ts: a sweep of an unknown scenario',
    { method: 'POST', url: '/api/sweeps', body: { scenario: 'nope', runs: 10 }, token: true },
    404,
    'E_UNKNOWN_ID',
  ],
  [
    'routes/uploads.ts: an unknown upload',
    { url: '/api/workspace/scenarios/00000000-0000-4000-8000-000000000000', token: true },
    404,
    'E_UNKNOWN_ID',
  ],
  [
    'routes/uploads.ts: content that is not base64',
    {
      method: 'POST',
      url: '/api/workspace/scenarios',
      body: { name: 'a.yaml', content: '%%%', encoding: 'base64' },
      token: true,
    },
    400,
    'E_VALIDATION',
  ],
  [
    'compute.ts: a computation over the time budget',
    { url: '/api/orgs/sco/power?method=montecarlo&samples=200000', server: () => slow },
    503,
    'E_TIMEOUT',
  ],
];

describe('the API errors of the server in Russian and Chinese', () => {
  it.each(CASES)('%s', async (_, req, status, code) => {
    await prepareErrorLocale('ru');
    await prepareErrorLocale('zh-Hans');
    const en = await send(req, 'en');
    expect(en.status, en.error.message).toBe(status);
    expect(en.error.code).toBe(code);
    for (const [lang, script] of [
      ['ru-RU,ru;q=0.9', CYRILLIC],
      ['zh-CN,zh;q=0.9', HAN],
    ] as const) {
      const r = await send(req, lang);
      expect(r.status).toBe(status);
      expect(r.error.code).toBe(code);
      expect(r.error.path).toBe(en.error.path);
      expect(r.error.message).not.toBe(en.error.message);
      expect(r.error.message, r.error.message).toMatch(script);
      if (en.error.hint) {
        expect(r.error.hint).not.toBe(en.error.hint);
        expect(r.error.hint).toMatch(script);
      }
    }
  });

  it('keeps the English text of an error for English and for a language Concord does not speak', async () => {
    const en = await send({ url: '/api/runs/nope' }, 'en');
    expect(en.error.message).toBe('no run nope is visible');
    expect(en.error.hint).toBe('Private runs need the bearer token of their workspace.');
    expect((await send({ url: '/api/runs/nope' }, 'fr')).error).toEqual(en.error);
    expect((await send({ url: '/api/runs/nope' }, 'ru')).error.message).toBe('расчёт nope не виден');
  });

  it('jobs.ts and errors.ts: a run of a kind the server cannot execute, and an internal error', async () => {
    const e = thrown(() => s.ctx.jobs.start({ id: 'r1', kind: 'nope' } as never));
    expect(e.code).toBe('E_UNSUPPORTED');
    await expectTranslated(e);
    const internal = toHttpError(new TypeError('boom'));
    expect(internal.status).toBe(500);
    await expectTranslated(internal.error);
    expect(errorBody(internal.error, 'zh-Hans').error.message).toBe('内部错误：服务器无法应答此请求');
  });

  it('a library error moved to a request path keeps its translation (atPath)', async () => {
    const en = await send({ url: '/api/orgs/sco/power?at=1990-01-01' }, 'en');
    const zh = await send({ url: '/api/orgs/sco/power?at=1990-01-01' }, 'zh');
    expect(en.status).toBe(400);
    expect(zh.error.code).toBe(en.error.code);
    expect(zh.error.path).toBe(en.error.path);
    expect(zh.error.message).toMatch(HAN);
  });
});
