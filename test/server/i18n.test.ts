/** The API's errors in the language of Accept-Language: message and hint translated, code and path unchanged. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, testServer } from '../helpers/server.js';

describe('Accept-Language on API errors', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer();
  });
  afterAll(async () => {
    await s.close();
  });
  const get = (url: string, lang?: string) =>
    s.app.inject({ method: 'GET', url, headers: lang ? { 'accept-language': lang } : {} });

  it('answers an unknown organization in Chinese for zh-CN, in English without the header', async () => {
    const zh = await get('/api/orgs/nope', 'zh-CN,zh;q=0.9,en;q=0.8');
    expect(zh.statusCode).toBe(404);
    const body = zh.json().error;
    expect(body.code).toBe('E_UNKNOWN_ORG');
    expect(body.message).toBe('未知组织“nope”');
    expect(body.hint).toContain('已知组织');
    const en = (await get('/api/orgs/nope')).json().error;
    expect(en.code).toBe('E_UNKNOWN_ORG');
    expect(en.message).toBe('unknown organization "nope"');
    expect(en.path).toBe(body.path);
  });

  it('translates a bad date and a schema error in Russian', async () => {
    const date = await get('/api/orgs/sco?at=2021-13-01', 'ru-RU');
    expect(date.statusCode).toBe(400);
    const e = date.json().error;
    expect(['E_BAD_DATE', 'E_VALIDATION']).toContain(e.code);
    expect(e.message).toMatch(/[А-Яа-яё]/);
    const power = await s.app.inject({
      method: 'POST',
      url: '/api/power',
      headers: { 'accept-language': 'ru' },
      payload: { players: 'x' },
    });
    expect(power.statusCode).toBe(400);
    const p = power.json().error;
    expect(p.code).toBe('E_VALIDATION');
    expect(p.message).toMatch(/body\.[\w.[\]]+: [А-Я]/);
    expect(p.hint).toContain('/api/openapi.json');
    expect(p.hint).toMatch(/[А-Яа-я]/);
  });

  it('translates an unknown endpoint and keeps English for a language Concord does not speak', async () => {
    const r = await get('/api/nowhere', 'zh-Hans');
    expect(r.statusCode).toBe(404);
    expect(r.json().error.message).toBe('不存在端点 GET /api/nowhere');
    const fr = await get('/api/nowhere', 'fr-FR');
    expect(fr.json().error.message).toBe('no endpoint GET /api/nowhere');
  });
});
