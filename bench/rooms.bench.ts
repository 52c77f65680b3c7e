/**
 * Negotiation rooms under load, on loopback: `concord serve` in a child process (its own SQLite
 * store in a temporary directory; the request rate limits off, the rooms' per-participant limits
 * on), 20 rooms of the Iran 2019 case with 30 participants each, every participant on the room's
 * WebSocket and sending an action every 2 s for 60 s (a message to all and an amendment in turn,
 * each participant starting at a random moment of the first 2 s). Prints:
 *  - the latency from an action's POST to each other participant's receiving its event (p50, p99,
 *    max), and to the last of them receiving it (the action's "everyone has it"), in ms;
 *  - the server's memory (resident set, from /proc) before the load and at its peak;
 *  - the check of the log: each room's sequence numbers 1…N with no gap; every accepted action in
 *    the log exactly once; each participant's events are exactly the room's events after it
 *    connected, none lost, none twice.
 * Scale with CONCORD_ROOMS_BENCH="rooms,participants,seconds" (default "20,30,60"). The load
 * generator runs in this process, so on a loaded machine part of the latency is the client's: the
 * load average is printed beside the figures.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { packageRoot } from '../src/data/load.js';
import { openStore } from '../src/store/open.js';
import type { Benchmark } from './run.js';

const DELEGATIONS = ['RUS', 'CHN', 'KAZ', 'KGZ', 'TJK', 'UZB', 'IND', 'PAK'];

/** CPU time (user + system, seconds) a process has used, from /proc. */
function cpuSeconds(pid: number): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // fields 14 and 15 of stat (utime, stime), in clock ticks (100 a second on Linux)
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

function rss(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

const pct = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! : Number.NaN;
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;

interface Client {
  room: number;
  id: string;
  token: string;
  ws: WebSocket;
  /** seq → times received (a duplicate shows as 2). */
  seqs: Map<number, number>;
  /** The first seq received (the client connected after the earlier ones). */
  first: number;
}

export const benchmark: Benchmark = {
  name: 'rooms',
  description:
    'Negotiation rooms: 20 rooms × 30 participants on WebSockets, an action every 2 s each for 60 s (latency to every other participant, memory, no event lost or twice)',
  async run() {
    const scale = (process.env.CONCORD_ROOMS_BENCH ?? '20,30,60').split(',').map((x) => Number(x));
    const [ROOMS, PEOPLE, SECONDS] = [scale[0] ?? 20, scale[1] ?? 30, scale[2] ?? 60];
    const dir = mkdtempSync(join(tmpdir(), 'concord-rooms-bench-'));
    const storeFile = join(dir, 'rooms.sqlite');
    const store = await openStore(storeFile);
    const { token: workspaceToken } = await store.createToken('bench');
    await store.close();
    const child = spawn(
      process.execPath,
      [
        join(packageRoot(), 'bin', 'concord.js'),
        'serve',
        '--port',
        '0',
        '--store',
        storeFile,
        '--no-session-token',
        // The request limits off (600 joins come from one address); the rooms' own limits stay on.
        '--rate-limit',
        '0',
        '--cost-limit',
        '0',
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const clients: Client[] = [];
    try {
      const base = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout!.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /listening on (http:\/\/\S+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.on('exit', (code) => reject(new Error(`concord serve exited with ${code}: ${out}`)));
      });
      const post = async (path: string, token: string, body?: unknown) => {
        const r = await fetch(`${base}${path}`, {
          method: 'POST',
          headers: {
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(body ? { 'content-type': 'application/json' } : {}),
          },
          ...(body ? { body: JSON.stringify(body) } : {}),
        });
        const text = await r.text();
        return { status: r.status, json: () => JSON.parse(text) };
      };
      console.log(
        `rooms: ${ROOMS} rooms × ${PEOPLE} participants, an action every 2 s each for ${SECONDS} s; server ${base}; load average ${loadavg()
          .map((x) => x.toFixed(2))
          .join(' ')} on ${availableParallelism()} cores`,
      );

      // Set-up: the rooms, the joins, the sockets.
      const rooms: Array<{ id: string; code: string; moderator: string }> = [];
      for (let k = 0; k < ROOMS; k++) {
        const r = await post('/api/rooms', workspaceToken, {
          scenario: 'sco-iran-membership-2019',
          seatsPerDelegation: 50,
        });
        if (r.status !== 201) throw new Error(`create room: ${r.status}`);
        const j = r.json();
        rooms.push({ id: j.room.id, code: j.room.code, moderator: j.moderatorToken });
      }
      /** Arrival times of each event (by action id) at each client, and when each action was sent. */
      const sent = new Map<string, { at: number; room: number; by: string }>();
      const arrivals = new Map<string, Array<{ client: string; at: number }>>();
      for (const [k, room] of rooms.entries()) {
        for (let p = 0; p < PEOPLE; p++) {
          const r = await post('/api/rooms/join', '', {
            code: room.code,
            name: `p${p}`,
            delegation: DELEGATIONS[p % DELEGATIONS.length],
          });
          if (r.status !== 201) throw new Error(`join: ${r.status}`);
          const part = r.json().participant as { token: string; id: string };
          const ws = new WebSocket(
            `${base.replace('http', 'ws')}/api/rooms/${room.id}/events?token=${part.token}`,
          );
          const c: Client = { room: k, id: part.id, token: part.token, ws, seqs: new Map(), first: 0 };
          ws.on('message', (raw) => {
            const now = performance.now();
            const f = JSON.parse(raw.toString()) as {
              seq?: number;
              type: string;
              data?: { message?: string; amendment?: string };
            };
            if (typeof f.seq !== 'number' || f.type === 'ready') return;
            if (!c.first) c.first = f.seq;
            c.seqs.set(f.seq, (c.seqs.get(f.seq) ?? 0) + 1);
            const action = f.data?.message ?? f.data?.amendment;
            if (action) {
              const a = arrivals.get(action) ?? [];
              if (a.length === 0) arrivals.set(action, a);
              a.push({ client: c.id, at: now });
            }
          });
          clients.push(c);
        }
      }
      await Promise.all(
        clients.map(
          (c) =>
            new Promise<void>((ok, fail) => {
              if (c.ws.readyState === c.ws.OPEN) ok();
              c.ws.once('open', () => ok());
              c.ws.once('error', fail);
            }),
        ),
      );
      for (const room of rooms) {
        const r = await post(`/api/rooms/${room.id}/phase`, room.moderator, { phase: 'round' });
        if (r.status !== 200) throw new Error(`phase: ${r.status}`);
      }
      await new Promise((ok) => setTimeout(ok, 1000));
      const rssBefore = rss(child.pid!);
      const serverCpu0 = cpuSeconds(child.pid!);
      const clientCpu0 = process.cpuUsage();
      const wall0 = performance.now();
      let rssPeak = rssBefore;
      const sampler = setInterval(() => {
        rssPeak = Math.max(rssPeak, rss(child.pid!));
      }, 500);

      // The load: each participant acts every 2 s, from a random start in the first 2 s.
      let accepted = 0;
      const refused = new Map<number, number>();
      let failures = 0;
      /** Ticks at which the participant's previous action had not been answered yet (skipped, not bunched). */
      let skipped = 0;
      const end = performance.now() + SECONDS * 1000;
      const inflight: Promise<void>[] = [];
      const act = async (c: Client, n: number) => {
        const room = rooms[c.room]!;
        const at = performance.now();
        try {
          const r =
            n % 2 === 0
              ? await post(`/api/rooms/${room.id}/messages`, c.token, { body: `m ${c.id} ${n}` })
              : await post(`/api/rooms/${room.id}/amendments`, c.token, {
                  positions: { 'iran-procedure': (n * 7 + c.room) % 101 },
                });
          if (r.status === 201) {
            const j = r.json();
            const id = (j.message ?? j.amendment).id as string;
            sent.set(id, { at, room: c.room, by: c.id });
            accepted++;
          } else refused.set(r.status, (refused.get(r.status) ?? 0) + 1);
        } catch {
          failures++;
        }
      };
      await Promise.all(
        clients.map(async (c) => {
          await new Promise((ok) => setTimeout(ok, Math.random() * 2000));
          let n = 0;
          let busy: Promise<void> | null = null;
          for (let next = performance.now(); next < end; next += 2000) {
            const wait = next - performance.now();
            if (wait > 0) await new Promise((ok) => setTimeout(ok, wait));
            // On time, every 2 s; a tick while the last action is unanswered is skipped (counted),
            // never sent late in a bunch (which the per-participant limit would refuse).
            if (busy) {
              skipped++;
              continue;
            }
            const p = act(c, n++).finally(() => {
              busy = null;
            });
            busy = p;
            inflight.push(p);
          }
        }),
      );
      await Promise.all(inflight);
      const wall = (performance.now() - wall0) / 1000;
      const serverCpu = cpuSeconds(child.pid!) - serverCpu0;
      const cu = process.cpuUsage(clientCpu0);
      const clientCpu = (cu.user + cu.system) / 1e6;
      // Let the last events arrive.
      await new Promise((ok) => setTimeout(ok, 2000));
      clearInterval(sampler);
      const rssAfter = rss(child.pid!);

      // Latency: from the POST to each other participant of the room, and to the last of them.
      const each: number[] = [];
      const all: number[] = [];
      let missingDeliveries = 0;
      for (const [id, s] of sent) {
        const a = (arrivals.get(id) ?? []).filter((x) => x.client !== s.by);
        missingDeliveries += PEOPLE - 1 - a.length;
        let last = 0;
        for (const x of a) {
          each.push(x.at - s.at);
          last = Math.max(last, x.at - s.at);
        }
        if (a.length === PEOPLE - 1) all.push(last);
      }
      each.sort((x, y) => x - y);
      all.sort((x, y) => x - y);

      // The log: 1…N in each room; every accepted action once; each client has exactly the events
      // from its first one on (none lost, none twice).
      let gaps = 0;
      let lost = 0;
      let twice = 0;
      let inLog = 0;
      for (const [k, room] of rooms.entries()) {
        const r = await fetch(`${base}/api/rooms/${room.id}/log`, {
          headers: { authorization: `Bearer ${room.moderator}` },
        });
        const log = ((await r.json()) as { events: Array<{ seq: number; data: Record<string, unknown> }> })
          .events;
        log.forEach((e, i) => {
          if (e.seq !== i + 1) gaps++;
          const id = (e.data.message ?? e.data.amendment) as string | undefined;
          if (id && sent.has(id)) inLog++;
        });
        for (const c of clients.filter((x) => x.room === k)) {
          for (const e of log) {
            if (e.seq < c.first) continue;
            const got = c.seqs.get(e.seq) ?? 0;
            if (got === 0) lost++;
            if (got > 1) twice++;
          }
        }
      }
      const f = (x: number) => x.toFixed(1);
      console.log(
        `actions: ${accepted} accepted (${(accepted / SECONDS).toFixed(0)}/s), refused ${[...refused].map(([s, n]) => `${n}×${s}`).join(', ') || '0'}, failed ${failures}, ticks skipped (the previous action still unanswered) ${skipped} of ${accepted + skipped + failures + [...refused.values()].reduce((a, b) => a + b, 0)}`,
      );
      console.log(
        `CPU over the ${wall.toFixed(0)} s of load: server ${serverCpu.toFixed(1)} s (${((100 * serverCpu) / wall).toFixed(0)}% of a core), load generator ${clientCpu.toFixed(1)} s (${((100 * clientCpu) / wall).toFixed(0)}% of a core)`,
      );
      console.log(
        `latency to each other participant (${each.length} deliveries): p50 ${f(pct(each, 0.5))} ms, p99 ${f(pct(each, 0.99))} ms, max ${f(each.at(-1) ?? Number.NaN)} ms`,
      );
      console.log(
        `latency until every other participant has it (${all.length} actions): p50 ${f(pct(all, 0.5))} ms, p99 ${f(pct(all, 0.99))} ms, max ${f(all.at(-1) ?? Number.NaN)} ms`,
      );
      console.log(
        `server memory (RSS): ${mb(rssBefore)} after the set-up, peak ${mb(rssPeak)}, ${mb(rssAfter)} at the end`,
      );
      console.log(
        `log: ${gaps} gaps in the sequence numbers; ${inLog} of ${accepted} accepted actions in the log; events lost ${lost}, received twice ${twice}; deliveries missing ${missingDeliveries}`,
      );
      console.log(
        `load average at the end ${loadavg()
          .map((x) => x.toFixed(2))
          .join(' ')}`,
      );
      if (gaps || lost || twice || inLog !== accepted || missingDeliveries) process.exitCode = 1;
    } finally {
      for (const c of clients) c.ws.terminate();
      child.kill('SIGTERM');
      await new Promise((ok) => child.once('exit', ok));
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
