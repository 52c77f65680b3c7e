// Faults: a real `concord serve` process with a room mid-round is killed with SIGKILL. A new server
// on the same SQLite file has every event; the live stream (SSE) resumes from Last-Event-ID with
// exactly the events missed, none twice; the game goes on. Uses the compiled CLI (npm test builds).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { startLab } from '../helpers/lab.js';

// biome-ignore lint/suspicious/noExplicitAny: JSON answers read loosely in tests
type J = Record<string, any>;

/** Reads an SSE stream until `n` events with ids have arrived (or the time is up). */
async function readEvents(url: string, n: number, headers: Record<string, string> = {}, ms = 5000) {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), ms);
  const out: Array<{ id: number; event: string; data: J }> = [];
  try {
    const r = await fetch(url, { headers, signal: ctl.signal });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = r.body!.getReader();
    let buf = '';
    while (out.length < n) {
      const { value, done } = await reader.read();
      if (done) break;
      buf += new TextDecoder().decode(value);
      let k = buf.indexOf('\n\n');
      while (k >= 0) {
        const block = buf.slice(0, k);
        buf = buf.slice(k + 2);
        const id = /^id: (\d+)$/m.exec(block);
        const ev = /^event: (.+)$/m.exec(block);
        const data = /^data: (.*)$/m.exec(block);
        if (id && ev && data) out.push({ id: Number(id[1]), event: ev[1]!, data: JSON.parse(data[1]!) });
        k = buf.indexOf('\n\n');
      }
    }
  } catch (e) {
    if (!ctl.signal.aborted) throw e;
  } finally {
    clearTimeout(timer);
    ctl.abort();
  }
  return out;
}

describe('a room when the server is killed', () => {
  it('loses no event, and the stream resumes from the last event id', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'concord-room-crash-')), 'lab.sqlite');
    const store = await openStore(db);
    const { token } = await store.createToken('class');
    await store.close();
    const json = { 'content-type': 'application/json' };
    const post = (base: string, url: string, t: string, body?: unknown) =>
      fetch(`${base}${url}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t}`, ...(body ? json : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      }).then(async (r) => ({ status: r.status, json: (await r.json()) as J }));

    const first = await startLab({ store: db, args: ['--no-session-token'] });
    const created = await post(first.base, '/api/rooms', token, { scenario: 'sco-iran-membership-2019' });
    expect(created.status).toBe(201);
    const { room, moderatorToken: mod } = created.json;
    const joined = await fetch(`${first.base}/api/rooms/join`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ code: room.code, name: 'Farrukh', delegation: 'TJK' }),
    }).then((r) => r.json() as Promise<J>);
    const tjk = joined.participant.token as string;
    await post(first.base, `/api/rooms/${room.id}/phase`, mod, { phase: 'round' });
    await post(first.base, `/api/rooms/${room.id}/texts`, mod, { positions: { 'iran-procedure': 100 } });
    const call = (await post(first.base, `/api/rooms/${room.id}/calls`, mod)).json.call;
    // 1 created, 2 joined, 3 phase, 4 text, 5 call, 6–12 seven bots' answers.
    const seen = await readEvents(`${first.base}/api/rooms/${room.id}/events?token=${tjk}`, 12);
    expect(seen.map((e) => e.id)).toEqual(Array.from({ length: 12 }, (_, k) => k + 1));
    // The set-up's private codings never reach a participant's stream.
    expect(JSON.stringify(seen[0])).not.toContain('coded');
    expect(await first.stop('SIGKILL')).toBeNull();

    const second = await startLab({ store: db, args: ['--no-session-token'] });
    try {
      // The game continues: TJK objects, the moderator closes: blocked.
      expect(
        (await post(second.base, `/api/rooms/${room.id}/calls/${call.id}/answers`, tjk, { answer: 'object' }))
          .status,
      ).toBe(201);
      const closed = await post(second.base, `/api/rooms/${room.id}/calls/${call.id}/close`, mod);
      expect(closed.json.call).toMatchObject({ result: 'blocked', objections: ['TJK'] });
      // Resuming from the last event seen gives the two new ones, once each.
      const resumed = await readEvents(`${second.base}/api/rooms/${room.id}/events?token=${tjk}`, 2, {
        'last-event-id': String(seen.at(-1)!.id),
      });
      expect(resumed.map((e) => [e.id, e.event])).toEqual([
        [13, 'answer.given'],
        [14, 'call.closed'],
      ]);
      const s2 = await openStore(db);
      const log = await s2.roomEvents(room.id);
      await s2.close();
      expect(log.map((e) => e.seq)).toEqual(Array.from({ length: 14 }, (_, k) => k + 1));
    } finally {
      await second.stop();
    }
  }, 60_000);
});
