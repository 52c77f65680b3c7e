// Negotiation rooms over the HTTP API (fastify.inject, a real SQLite file): the contract of
// docs/rooms.md, a game to a blocked and to an adopted call with bots, a new server on the same
// store resuming the room with no event lost, and the abuse list (4xx with the code, nothing stored).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/app.js';
import { openStore } from '../../src/store/open.js';
import { type TestServer, testServer } from '../helpers/server.js';

let s: TestServer;
let wsToken: string;
beforeAll(async () => {
  s = await testServer({ computeThreads: 0, roomLimits: { messagesPer10s: 5 } });
  wsToken = (await s.ctx.store.createToken('class')).token;
});
afterAll(async () => s?.close());

// biome-ignore lint/suspicious/noExplicitAny: JSON answers read loosely in tests
type J = Record<string, any>;
async function call(method: string, url: string, token: string | null, body?: unknown) {
  const r = await s.app.inject({
    method: method as 'GET',
    url,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
  });
  return { status: r.statusCode, json: () => r.json() as J, body: r.body };
}

function expectError(r: { status: number; json: () => J }, status: number, code: string) {
  expect(r.status).toBe(status);
  expect(r.json().error.code).toBe(code);
}

async function newRoom(scenario = 'sco-iran-membership-2019', extra: J = {}) {
  const r = await call('POST', '/api/rooms', wsToken, { scenario, ...extra });
  expect(r.status).toBe(201);
  return r.json() as { room: J; moderatorToken: string };
}

async function join(code: string, name: string, delegation?: string) {
  const r = await call('POST', '/api/rooms/join', null, {
    code,
    name,
    ...(delegation ? { delegation } : {}),
  });
  expect(r.status, r.body).toBe(201);
  return r.json().participant as { token: string; delegation: string; roomId: string; id: string };
}

const events = async (id: string) => (await s.ctx.store.roomEvents(id)).length;

describe('rooms: the API contract', () => {
  it('documents every room endpoint in the OpenAPI document', async () => {
    const doc = (await call('GET', '/api/openapi.json', null)).json();
    for (const p of [
      '/api/rooms',
      '/api/rooms/join',
      '/api/rooms/{id}',
      '/api/rooms/{id}/brief',
      '/api/rooms/{id}/briefs/{delegation}',
      '/api/rooms/{id}/texts',
      '/api/rooms/{id}/calls',
      '/api/rooms/{id}/calls/{callId}/answers',
      '/api/rooms/{id}/calls/{callId}/close',
      '/api/rooms/{id}/events',
      '/api/rooms/{id}/debrief',
    ]) {
      expect(doc.paths[p], p).toBeDefined();
    }
    expect(doc.paths['/api/rooms'].post.responses['201']).toBeDefined();
  });

  it('creates a room (201 room with id, code, phase; moderator token) only with a workspace token', async () => {
    const { room, moderatorToken } = await newRoom();
    expect(room).toMatchObject({ phase: 'preparation', scenario: { id: 'sco-iran-membership-2019' } });
    expect(room.code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(moderatorToken).toMatch(/^cm_/);
    expect(room.delegations.every((d: J) => d.bot)).toBe(true);
    expectError(
      await call('POST', '/api/rooms', null, { scenario: 'sco-iran-membership-2019' }),
      401,
      'E_AUTH',
    );
    expectError(await call('POST', '/api/rooms', wsToken, { scenario: 'nope' }), 404, 'E_UNKNOWN_ID');
    // The code and the moderator token are stored hashed only.
    const row = await s.ctx.store.db
      .selectFrom('rooms')
      .selectAll()
      .where('id', '=', room.id)
      .executeTakeFirst();
    expect(JSON.stringify(row)).not.toContain(room.code.replace('-', ''));
    expect(JSON.stringify(row)).not.toContain(moderatorToken);
  });

  it('plays Iran 2019 to a blocked call, then to an adopted one; bots answer for the unplayed', async () => {
    const { room, moderatorToken: mod } = await newRoom();
    const tjk = await join(room.code, 'Farrukh', 'TJK');
    const rus = await join(room.code.toLowerCase(), 'Olga', 'RUS');
    const kaz = await join(room.code, 'Aigerim');
    expect(tjk).toMatchObject({ delegation: 'TJK', roomId: room.id });
    expect(tjk.token).toMatch(/^cp_/);
    expect(kaz.delegation).not.toMatch(/^(TJK|RUS)$/);
    const id = room.id;

    // Briefs: own 200; another delegation's 403; the moderator reads any.
    const own = await call('GET', `/api/rooms/${id}/brief`, tjk.token);
    expect(own.status).toBe(200);
    expect(own.json().brief).toMatchObject({
      delegation: 'TJK',
      issues: [{ position: [0], youCanBlock: true }],
    });
    expectError(await call('GET', `/api/rooms/${id}/briefs/RUS`, tjk.token), 403, 'E_FORBIDDEN');
    expect((await call('GET', `/api/rooms/${id}/briefs/RUS`, mod)).json().brief.issues[0].position).toEqual([
      100,
    ]);

    expect(
      (await call('POST', `/api/rooms/${id}/phase`, mod, { phase: 'round', minutes: 10 })).json().room,
    ).toMatchObject({
      phase: 'round',
      round: 1,
    });
    const text = await call('POST', `/api/rooms/${id}/texts`, mod, { positions: { 'iran-procedure': 100 } });
    expect(text.status).toBe(201);
    const c1 = (await call('POST', `/api/rooms/${id}/calls`, mod)).json().call;
    // Bots answered at once for every unplayed delegation (CHN at 70 prefers 100 to 0).
    const bot = ['CHN', 'PAK'].find((d) => d !== kaz.delegation)!;
    expect(c1.answers[bot]).toEqual({ answer: 'accept', by: 'bot' });
    expect(c1.answers.TJK).toBeUndefined();
    expect(
      (await call('POST', `/api/rooms/${id}/calls/${c1.id}/answers`, tjk.token, { answer: 'object' })).status,
    ).toBe(201);
    expect(
      (await call('POST', `/api/rooms/${id}/calls/${c1.id}/answers`, rus.token, { answer: 'accept' })).status,
    ).toBe(201);
    const closed = await call('POST', `/api/rooms/${id}/calls/${c1.id}/close`, mod);
    expect(closed.json().call).toMatchObject({ result: 'blocked', objections: ['TJK'] });

    // Round 2: TJK amends, the moderator tables 0 < x; TJK accepts a text at its own point? It
    // prefers only 0: the chair's compromise is blocked by it unless it accepts; here it accepts.
    await call('POST', `/api/rooms/${id}/phase`, mod, { phase: 'round' });
    expect(
      (await call('POST', `/api/rooms/${id}/amendments`, tjk.token, { positions: { 'iran-procedure': 20 } }))
        .status,
    ).toBe(201);
    await call('POST', `/api/rooms/${id}/texts`, mod, { positions: { 'iran-procedure': 20 } });
    const c2 = (await call('POST', `/api/rooms/${id}/calls`, mod)).json().call;
    await call('POST', `/api/rooms/${id}/calls/${c2.id}/answers`, tjk.token, { answer: 'accept' });
    await call('POST', `/api/rooms/${id}/calls/${c2.id}/answers`, rus.token, { answer: 'accept' });
    await call('POST', `/api/rooms/${id}/calls/${c2.id}/answers`, kaz.token, { answer: 'abstain' });
    const r2 = (await call('POST', `/api/rooms/${id}/calls/${c2.id}/close`, mod)).json().call;
    // Bots: every other member is closer to 20 than to 0 except none (all ≥ 50): adopted.
    expect(r2).toMatchObject({ result: 'adopted', objections: [] });

    const state = (await call('GET', `/api/rooms/${id}`, rus.token)).json().room;
    expect(state.calls.map((c: J) => c.result)).toEqual(['blocked', 'adopted']);
    expect(state.text.positions).toEqual({ 'iran-procedure': [20] });
    expect(state.delegations.find((d: J) => d.id === 'TJK')).toMatchObject({
      bot: false,
      players: [{ name: 'Farrukh' }],
    });

    // Debrief: participants wait for the phase; then the outcome beside the models.
    expectError(await call('GET', `/api/rooms/${id}/debrief`, rus.token), 403, 'E_FORBIDDEN');
    await call('POST', `/api/rooms/${id}/phase`, mod, { phase: 'final-call' });
    await call('POST', `/api/rooms/${id}/phase`, mod, { phase: 'debrief' });
    const d = (await call('GET', `/api/rooms/${id}/debrief`, rus.token)).json();
    expect(d.outcome).toMatchObject({ adopted: 'adopted', positions: { 'iran-procedure': [20] } });
    const issue = d.issues[0];
    expect(issue.observed).toMatchObject({ adopted: false });
    expect(Object.keys(issue.forecasts.coded)).toEqual(
      expect.arrayContaining(['consensus', 'compromise', 'median', 'nash', 'eum']),
    );
    // Coded: TJK at 0 blocks 100 (consensus keeps 0); played: TJK's amendment at 20 changes the forecast.
    expect(issue.forecasts.coded.consensus.outcome).toBe(0);
    expect(issue.forecasts.played.compromise.outcome).not.toBe(issue.forecasts.coded.compromise.outcome);
    expect(d.calls[0].why).toEqual([expect.objectContaining({ delegation: 'TJK', by: 'player' })]);
    expect(d.calls[0].why[0].distanceToText).toBeGreaterThan(d.calls[0].why[0].distanceToStatusQuo);
    expect(d.utilities.find((u: J) => u.delegation === 'RUS').gain).toBeGreaterThan(0);
    expect(d.utilities.find((u: J) => u.delegation === 'TJK').gain).toBeLessThan(0);
    expect(d.timeline.length).toBeGreaterThan(5);

    // Exports: the played scenario forecasts like any scenario; the log as JSON and CSV.
    const played = (await call('GET', `/api/rooms/${id}/scenario`, mod)).json();
    expect(played.issues[0].positions.TJK.position).toBe(20);
    const f = await call('POST', '/api/forecast', null, played);
    expect(f.status).toBe(200);
    const csv = await call('GET', `/api/rooms/${id}/log?format=csv`, mod);
    expect(csv.body.split('\n')[0]).toBe('seq,at,type,data');
    expect(csv.body.split('\n').length - 2).toBe(await events(id));

    // Reveal: then any brief is readable; closing expires participant tokens.
    await call('POST', `/api/rooms/${id}/reveal`, mod);
    expect((await call('GET', `/api/rooms/${id}/briefs/RUS`, tjk.token)).status).toBe(200);
    await call('POST', `/api/rooms/${id}/phase`, mod, { phase: 'closed' });
    expectError(await call('GET', `/api/rooms/${id}`, tjk.token), 401, 'E_AUTH');
    expectError(
      await call('POST', '/api/rooms/join', null, { code: room.code, name: 'late' }),
      409,
      'E_CONFLICT',
    );
  });
});

describe('rooms: bad input and abuse (4xx with the code, nothing stored)', () => {
  it('refuses each without storing an event', async () => {
    const { room, moderatorToken: mod } = await newRoom('sco-iran-membership-2019', {
      seatsPerDelegation: 1,
    });
    const other = await newRoom();
    const id = room.id;
    const a = await join(room.code, 'A', 'TJK');
    const b = await join(room.code, 'B', 'RUS');
    const otherP = await join(other.room.code, 'C', 'TJK');
    await call('POST', `/api/rooms/${id}/phase`, mod, { phase: 'round' });
    await call('POST', `/api/rooms/${id}/texts`, mod, { positions: { 'iran-procedure': 50 } });
    const c = (await call('POST', `/api/rooms/${id}/calls`, mod)).json().call;
    const before = await events(id);
    const cases: Array<[ReturnType<typeof call>, number, string]> = [
      [call('POST', '/api/rooms/join', null, { code: 'ZZZZZ-ZZZZZ', name: 'x' }), 404, 'E_NOT_FOUND'],
      [
        call('POST', '/api/rooms/join', null, { code: room.code, name: 'x', delegation: 'TJK' }),
        409,
        'E_CONFLICT',
      ],
      [
        call('POST', '/api/rooms/join', null, { code: room.code, name: 'x', delegation: 'ATL' }),
        404,
        'E_UNKNOWN_ID',
      ],
      [call('GET', `/api/rooms/${id}/brief`, otherP.token), 403, 'E_FORBIDDEN'],
      [call('GET', `/api/rooms/${id}/briefs/RUS`, a.token), 403, 'E_FORBIDDEN'],
      [call('GET', `/api/rooms/${id}`, 'cp_notatokenatall0000'), 401, 'E_AUTH'],
      [call('GET', `/api/rooms/${id}`, null), 401, 'E_AUTH'],
      [
        call('POST', `/api/rooms/${id}/texts`, a.token, { positions: { 'iran-procedure': 10 } }),
        403,
        'E_FORBIDDEN',
      ],
      [call('POST', `/api/rooms/${id}/calls`, a.token), 403, 'E_FORBIDDEN'],
      [
        call('POST', `/api/rooms/${id}/amendments`, a.token, { positions: { 'iran-procedure': 101 } }),
        400,
        'E_VALIDATION',
      ],
      [
        call('POST', `/api/rooms/${id}/amendments`, a.token, { positions: { 'iran-procedure': [1, 2] } }),
        400,
        'E_VALIDATION',
      ],
      [call('POST', `/api/rooms/${id}/messages`, a.token, { body: 'é'.repeat(2049) }), 413, 'E_LIMIT'],
      [call('POST', `/api/rooms/${id}/messages`, a.token, { body: 'hi', to: 'ATL' }), 404, 'E_UNKNOWN_ID'],
      [
        call('POST', `/api/rooms/${id}/calls/${c.id}/answers`, a.token, { answer: 'maybe' }),
        400,
        'E_VALIDATION',
      ],
      [
        call('POST', `/api/rooms/${id}/calls/nope/answers`, a.token, { answer: 'accept' }),
        404,
        'E_UNKNOWN_ID',
      ],
      [call('POST', `/api/rooms/${id}/phase`, mod, { phase: 'debrief' }), 409, 'E_CONFLICT'],
      [call('POST', `/api/rooms/${other.room.id}/calls`, mod), 403, 'E_FORBIDDEN'],
      [call('GET', '/api/rooms/nope', mod), 404, 'E_NOT_FOUND'],
    ];
    for (const [r, status, code] of cases) expectError(await r, status, code);
    expect(await events(id)).toBe(before);

    // An answer after the call closed.
    await call('POST', `/api/rooms/${id}/calls/${c.id}/close`, mod);
    const n = await events(id);
    expectError(
      await call('POST', `/api/rooms/${id}/calls/${c.id}/answers`, b.token, { answer: 'object' }),
      409,
      'E_CONFLICT',
    );
    expect(await events(id)).toBe(n);

    // A flood of messages: the sixth within 10 s is refused (this server allows 5), the others stored.
    const sent = [];
    for (let k = 0; k < 7; k++)
      sent.push((await call('POST', `/api/rooms/${id}/messages`, b.token, { body: `m${k}` })).status);
    expect(sent).toEqual([201, 201, 201, 201, 201, 429, 429]);
    expect(await events(id)).toBe(n + 5);

    // A private message reaches its two delegations and the moderator only.
    await call('POST', `/api/rooms/${id}/messages`, a.token, { body: 'secret', to: 'RUS' });
    const seen = async (t: string) =>
      (await call('GET', `/api/rooms/${id}`, t)).json().room.messages.some((m: J) => m.body === 'secret');
    expect([await seen(a.token), await seen(b.token), await seen(mod)]).toEqual([true, true, true]);
    const c3 = await join(other.room.code, 'D', 'KAZ');
    expect(await seen(c3.token).catch(() => 'refused')).toBe('refused');
  });

  it('a race for the last seat seats exactly one', async () => {
    const { room } = await newRoom('sco-iran-membership-2019', { seatsPerDelegation: 1 });
    const rs = await Promise.all(
      Array.from({ length: 6 }, (_, k) =>
        call('POST', '/api/rooms/join', null, { code: room.code, name: `p${k}`, delegation: 'UZB' }),
      ),
    );
    expect(rs.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect(
      (await s.ctx.store.roomEvents(room.id)).filter((e) => e.type === 'participant.joined'),
    ).toHaveLength(1);
  });
});

describe('rooms: a new server on the same store', () => {
  it('resumes the room where it was, with every event', async () => {
    const { room, moderatorToken: mod } = await newRoom();
    const p = await join(room.code, 'A', 'TJK');
    await call('POST', `/api/rooms/${room.id}/phase`, mod, { phase: 'round' });
    await call('POST', `/api/rooms/${room.id}/texts`, mod, { positions: { 'iran-procedure': 100 } });
    const c = (await call('POST', `/api/rooms/${room.id}/calls`, mod)).json().call;
    const before = await s.ctx.store.roomEvents(room.id);
    const view = (await call('GET', `/api/rooms/${room.id}`, mod)).json().room;
    // A second server process over the same SQLite file (a fresh state cache).
    const store2 = await openStore(s.ctx.store.location);
    const s2 = await buildServer({ store: store2, webRoot: null, computeThreads: 0 });
    try {
      const r = await s2.app.inject({
        method: 'GET',
        url: `/api/rooms/${room.id}`,
        headers: { authorization: `Bearer ${mod}` },
      });
      const { connected: _a, ...was } = view;
      const { connected: _b, ...now } = r.json().room;
      expect(now).toEqual(was);
      const ans = await s2.app.inject({
        method: 'POST',
        url: `/api/rooms/${room.id}/calls/${c.id}/answers`,
        headers: { authorization: `Bearer ${p.token}`, 'content-type': 'application/json' },
        payload: JSON.stringify({ answer: 'object' }),
      });
      expect(ans.statusCode).toBe(201);
      expect((await store2.roomEvents(room.id)).slice(0, before.length)).toEqual(before);
    } finally {
      await s2.close();
      await store2.close();
    }
  });
});

describe('rooms: guessing codes', () => {
  it('limits wrong codes per address', async () => {
    const statuses = [];
    for (let k = 0; k < 12; k++)
      statuses.push((await call('POST', '/api/rooms/join', null, { code: `WRONG-${k}`, name: 'x' })).status);
    // The earlier test spent one wrong code already.
    expect(statuses.filter((x) => x === 404).length).toBeLessThanOrEqual(10);
    expect(statuses.at(-1)).toBe(429);
  });
});
