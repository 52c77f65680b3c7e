// A room's live channel over a real socket: the WebSocket at GET /api/rooms/{id}/events (the same
// URL as the Server-Sent Events), with tokens scoped as over HTTP, private messages only to their
// parties, resumption after `?after=` with no event lost or repeated, presence, the moderator's
// timer, assignment and bot model, and the expected-utility bots' offers.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type TestServer, testServer } from '../helpers/server.js';

let s: TestServer;
let base: string;
let wsToken: string;
beforeAll(async () => {
  s = await testServer({ computeThreads: 0 });
  await s.app.listen({ host: '127.0.0.1', port: 0 });
  base = `127.0.0.1:${(s.app.server.address() as AddressInfo).port}`;
  wsToken = (await s.ctx.store.createToken('class')).token;
});
afterAll(async () => s?.close());

// biome-ignore lint/suspicious/noExplicitAny: JSON answers read loosely in tests
type J = Record<string, any>;
async function call(method: string, url: string, token: string | null, body?: unknown) {
  const r = await fetch(`http://${base}${url}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await r.text();
  return { status: r.status, json: () => JSON.parse(text) as J, body: text };
}

/** A WebSocket client that keeps every frame; `until` waits for a frame that matches. */
function socket(path: string, headers: Record<string, string> = {}) {
  const frames: J[] = [];
  const waiters: Array<{ test: (f: J) => boolean; ok: (f: J) => void }> = [];
  const ws = new WebSocket(`ws://${base}${path}`, { headers });
  let closeCode: number | null = null;
  ws.on('message', (d) => {
    const f = JSON.parse(d.toString()) as J;
    frames.push(f);
    for (const w of [...waiters])
      if (w.test(f)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.ok(f);
      }
  });
  ws.on('close', (code) => {
    closeCode = code;
  });
  const opened = new Promise<void>((ok, fail) => {
    ws.once('open', () => ok());
    ws.once('unexpected-response', (_req, res) => fail(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', fail);
  });
  return {
    ws,
    frames,
    opened,
    get closeCode() {
      return closeCode;
    },
    events: () => frames.filter((f) => typeof f.seq === 'number' && f.type !== 'ready'),
    until(test: (f: J) => boolean, ms = 3000): Promise<J> {
      const hit = frames.find(test);
      if (hit) return Promise.resolve(hit);
      return new Promise((ok, fail) => {
        const t = setTimeout(() => fail(new Error('no such frame in time')), ms);
        waiters.push({
          test,
          ok: (f) => {
            clearTimeout(t);
            ok(f);
          },
        });
      });
    },
    close: () =>
      new Promise<void>((ok) => {
        if (ws.readyState === ws.CLOSED) return ok();
        ws.once('close', () => ok());
        ws.close();
      }),
  };
}

async function room(extra: J = {}) {
  const r = await call('POST', '/api/rooms', wsToken, { scenario: 'sco-iran-membership-2019', ...extra });
  expect(r.status, r.body).toBe(201);
  return r.json() as { room: J; moderatorToken: string };
}
async function join(code: string, name: string, delegation: string) {
  const r = await call('POST', '/api/rooms/join', null, { code, name, delegation });
  expect(r.status, r.body).toBe(201);
  return r.json().participant as { token: string; id: string; delegation: string };
}

describe('rooms: the WebSocket channel', () => {
  it('pushes events to each viewer as it may see them, resumes after ?after= with none lost or twice', async () => {
    const { room: r, moderatorToken: mod } = await room();
    const rus = await join(r.code, 'Ana', 'RUS');
    const tjk = await join(r.code, 'Bo', 'TJK');
    const chn = await join(r.code, 'Chen', 'CHN');
    const m = socket(`/api/rooms/${r.id}/events`, { authorization: `Bearer ${mod}` });
    const a = socket(`/api/rooms/${r.id}/events?token=${rus.token}`);
    await Promise.all([m.opened, a.opened]);
    await a.until((f) => f.type === 'ready');
    // The set-up event is reduced to its public part for a participant: no coded positions.
    const created = a.events().find((f) => f.type === 'room.created')!;
    expect(JSON.stringify(created.data)).not.toMatch(/salience|coded/);
    const presence = await m.until(
      (f) => f.type === 'presence' && f.presence.participants.includes(rus.id) && f.presence.moderator === 1,
    );
    expect(presence.presence.participants).toEqual([rus.id]);

    expect((await call('POST', `/api/rooms/${r.id}/phase`, mod, { phase: 'round', minutes: 5 })).status).toBe(
      200,
    );
    // A private message between two other delegations reaches the moderator, not RUS.
    await call('POST', `/api/rooms/${r.id}/messages`, tjk.token, { body: 'only for China', to: 'CHN' });
    const tabled = await call('POST', `/api/rooms/${r.id}/texts`, mod, {
      positions: { 'iran-procedure': 40 },
    });
    expect(tabled.status).toBe(201);
    const seen = await a.until((f) => f.type === 'text.tabled');
    await m.until((f) => f.type === 'text.tabled');
    expect(m.events().some((f) => f.type === 'message.sent' && f.data.body === 'only for China')).toBe(true);
    expect(a.events().some((f) => f.type === 'message.sent')).toBe(false);
    void chn;

    // Sequence numbers increase, none twice.
    const seqs = m.events().map((f) => f.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(new Set(seqs).size).toBe(seqs.length);

    // Reconnect after the text: only what came later arrives.
    await a.close();
    await call('POST', `/api/rooms/${r.id}/amendments`, tjk.token, { positions: { 'iran-procedure': 10 } });
    const again = socket(`/api/rooms/${r.id}/events?token=${rus.token}&after=${seen.seq}`);
    await again.opened;
    const ready = await again.until((f) => f.type === 'ready');
    const got = again.events();
    expect(got.map((f) => f.type)).toEqual(['amendment.sent']);
    expect(got[0]!.seq).toBeGreaterThan(seen.seq);
    expect(ready.seq).toBe(got[0]!.seq);
    await again.close();
    await m.close();
  });

  it('refuses a token of another room and an unknown token before the upgrade (the HTTP 4xx)', async () => {
    const one = await room();
    const two = await room();
    const p = await join(one.room.code, 'Ana', 'RUS');
    const other = socket(`/api/rooms/${two.room.id}/events?token=${p.token}`);
    await expect(other.opened).rejects.toThrow(/HTTP 403/);
    const unknown = socket(`/api/rooms/${one.room.id}/events?token=cp_nothing`);
    await expect(unknown.opened).rejects.toThrow(/HTTP 401/);
    const none = socket(`/api/rooms/${one.room.id}/events`);
    await expect(none.opened).rejects.toThrow(/HTTP 401/);
    const bad = socket(`/api/rooms/${one.room.id}/events?after=-3&token=${p.token}`);
    await expect(bad.opened).rejects.toThrow(/HTTP 400/);
    expect(s.internalErrors).toEqual([]);
  });

  it('answers a ping, and closes a socket that sends more than 4 KiB', async () => {
    const { room: r, moderatorToken: mod } = await room();
    const m = socket(`/api/rooms/${r.id}/events`, { authorization: `Bearer ${mod}` });
    await m.opened;
    m.ws.send(JSON.stringify({ type: 'ping' }));
    await m.until((f) => f.type === 'pong');
    m.ws.send('x'.repeat(5000));
    await new Promise((ok) => m.ws.once('close', ok));
    expect(m.closeCode).toBe(1009);
  });
});

describe('rooms: the moderator console', () => {
  it('pauses, resumes and extends the timer', async () => {
    const { room: r, moderatorToken: mod } = await room();
    const st = (await call('POST', `/api/rooms/${r.id}/phase`, mod, { phase: 'round', minutes: 10 })).json()
      .room;
    const ends = Date.parse(st.endsAt);
    const paused = (await call('POST', `/api/rooms/${r.id}/timer`, mod, { action: 'pause' })).json().room;
    expect(paused.endsAt).toBeNull();
    expect(paused.pausedMs).toBeGreaterThan(9 * 60_000);
    expect(paused.pausedMs).toBeLessThanOrEqual(10 * 60_000);
    const again = await call('POST', `/api/rooms/${r.id}/timer`, mod, { action: 'pause' });
    expect(again.status).toBe(409);
    const ext = (await call('POST', `/api/rooms/${r.id}/timer`, mod, { action: 'extend', minutes: 5 })).json()
      .room;
    expect(ext.pausedMs).toBe(paused.pausedMs + 5 * 60_000);
    const run = (await call('POST', `/api/rooms/${r.id}/timer`, mod, { action: 'resume' })).json().room;
    expect(run.pausedMs).toBeNull();
    expect(Date.parse(run.endsAt)).toBeGreaterThan(ends + 4 * 60_000);
    const p = await join(r.code, 'Ana', 'RUS');
    const refused = await call('POST', `/api/rooms/${r.id}/timer`, p.token, { action: 'pause' });
    expect(refused.status).toBe(403);
  });

  it('assigns a participant to another delegation: its token then acts for it, and can read only the new brief', async () => {
    const { room: r, moderatorToken: mod } = await room();
    const p = await join(r.code, 'Ana', 'KAZ');
    const live = socket(`/api/rooms/${r.id}/events?token=${p.token}`);
    await live.opened;
    await live.until((f) => f.type === 'ready');
    const moved = await call('POST', `/api/rooms/${r.id}/assignments`, mod, {
      participant: p.id,
      delegation: 'UZB',
    });
    expect(moved.status, moved.body).toBe(200);
    const kaz = moved.json().room.delegations.find((d: J) => d.id === 'KAZ');
    expect(kaz.bot).toBe(true);
    await new Promise((ok) => live.ws.once('close', ok));
    expect(live.closeCode).toBe(4000);
    expect((await call('GET', `/api/rooms/${r.id}/brief`, p.token)).json().brief.delegation).toBe('UZB');
    expect((await call('GET', `/api/rooms/${r.id}/briefs/KAZ`, p.token)).status).toBe(403);
    const refused = await call('POST', `/api/rooms/${r.id}/assignments`, p.token, {
      participant: p.id,
      delegation: 'KAZ',
    });
    expect(refused.status).toBe(403);
    const unknown = await call('POST', `/api/rooms/${r.id}/assignments`, mod, {
      participant: p.id,
      delegation: 'XXX',
    });
    expect(unknown.status).toBe(404);
  });

  it('lets the moderator choose the expected-utility bots, which take the model’s offers as amendments', async () => {
    const { room: r, moderatorToken: mod } = await room({ botModel: 'eum' });
    expect(r.botModel).toBe('eum');
    await join(r.code, 'Ana', 'RUS');
    const st = (await call('POST', `/api/rooms/${r.id}/phase`, mod, { phase: 'round' })).json().room;
    // One round of the model moves some bot (the spread of positions is wide: 0 to 100).
    const botMoves = st.amendments.filter((a: J) => a.participant === 'bot');
    expect(botMoves.length).toBeGreaterThan(0);
    for (const a of botMoves) {
      expect(st.delegations.find((d: J) => d.id === a.delegation).bot).toBe(true);
      expect(a.positions['iran-procedure'][0]).toBeGreaterThanOrEqual(0);
      expect(a.positions['iran-procedure'][0]).toBeLessThanOrEqual(100);
    }
    const back = (await call('POST', `/api/rooms/${r.id}/bots`, mod, { model: 'consensus' })).json().room;
    expect(back.botModel).toBe('consensus');
    expect((await call('POST', `/api/rooms/${r.id}/bots`, mod, { model: 'nash' })).status).toBe(400);
  });
});

describe('rooms: the printable debrief', () => {
  it('is one page with no script, the forecasts beside the outcome, and the positions only for those who may see them', async () => {
    const { room: r, moderatorToken: mod } = await room();
    const p = await join(r.code, 'Ana', 'TJK');
    const early = await call('GET', `/api/rooms/${r.id}/debrief.html`, p.token);
    expect(early.status).toBe(403);
    await call('POST', `/api/rooms/${r.id}/phase`, mod, { phase: 'round' });
    await call('POST', `/api/rooms/${r.id}/amendments`, p.token, { positions: { 'iran-procedure': 25 } });
    await call('POST', `/api/rooms/${r.id}/texts`, mod, { positions: { 'iran-procedure': 100 } });
    const c = (await call('POST', `/api/rooms/${r.id}/calls`, mod)).json().call;
    await call('POST', `/api/rooms/${r.id}/calls/${c.id}/answers`, p.token, { answer: 'object' });
    await call('POST', `/api/rooms/${r.id}/calls/${c.id}/close`, mod);
    await call('POST', `/api/rooms/${r.id}/phase`, mod, { phase: 'debrief' });
    const res = await fetch(`http://${base}/api/rooms/${r.id}/debrief.html`, {
      headers: { authorization: `Bearer ${mod}` },
    });
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'");
    const html = await res.text();
    expect(html).not.toMatch(/<script|<link|<img|src=/i);
    expect(html).toMatch(/Tajikistan \(TJK\)<\/strong> \(its players\) blocked/);
    expect(html).toMatch(/expected utility \(Bueno de Mesquita\)/);
    expect(html).toMatch(/Played and coded positions/);
    // In the lab's language: Accept-Language (the lab's download sends it) or ?lang=.
    const ru = await (
      await fetch(`http://${base}/api/rooms/${r.id}/debrief.html`, {
        headers: { authorization: `Bearer ${mod}`, 'accept-language': 'ru' },
      })
    ).text();
    expect(ru).toMatch(/^<!doctype html>\n<html lang="ru">/);
    expect(ru).toMatch(/Таджикистан \(TJK\)<\/strong> \(её игроки\) — блокировала/);
    expect(ru).toContain('ожидаемая полезность (Буэно де Мескита)');
    expect(ru).toContain('Сыгранные и кодированные позиции');
    const zh = (await call('GET', `/api/rooms/${r.id}/debrief.html?lang=zh`, mod)).body;
    expect(zh).toMatch(/<html lang="zh-Hans">/);
    expect(zh).toContain('塔吉克斯坦 (TJK)');
    for (const page of [ru, zh]) {
      // Every English word left is the case's own text (marked lang="en"), a code, a URL or the
      // player's own name (Ana).
      const body = page
        .replace(/<style>[\s\S]*?<\/style>/, '')
        .replace(/<head>[\s\S]*?<\/head>/, '')
        .replace(/<span lang="en">[\s\S]*?<\/span>/g, ' ')
        .replace(/<code>[\s\S]*?<\/code>/g, ' ')
        .replace(/<[^>]+>/g, ' ')
        .replace(/https?:\/\/\S+/g, ' ');
      const words = (body.match(/[A-Za-z]{3,}/g) ?? []).filter(
        (w) => !/^(UTC|Concord|sco|Ana|SMP|KTAB|[A-Z]{3})$/.test(w),
      );
      expect(words).toEqual([]);
    }
    expect((await call('GET', `/api/rooms/${r.id}/debrief.html?lang=fr`, mod)).status).toBe(400);
    // The participant's copy at the debrief: no positions table until the briefs are revealed.
    const theirs = await call('GET', `/api/rooms/${r.id}/debrief.html`, p.token);
    expect(theirs.status).toBe(200);
    expect(theirs.body).not.toMatch(/Played and coded positions/);
    await call('POST', `/api/rooms/${r.id}/reveal`, mod);
    expect((await call('GET', `/api/rooms/${r.id}/debrief.html`, p.token)).body).toMatch(
      /Played and coded positions/,
    );
  });
});
