/**
 * The attacks of issue 12, rerun against a real `concord serve` (a child process on loopback with
 * its own store) and the real CLI: hostile requests (oversized scenarios and games, deep rules,
 * dates from huge numbers, oversized URLs and headers, path traversal, foreign Host headers, a
 * 2,000,000-run sweep, a burst of abandoned heavy requests) and hostile files (alias bombs, bad
 * cells, a 31.8 MB file, overflowing capabilities). Prints one line per attack and the figures
 * the issue asks for: no 5xx, no CLI exit 1, /api/health latency while the largest allowed
 * forecast and power requests run, the time to refuse or cancel the big sweep, memory after the
 * burst. `npm run bench -- attacks`; CONCORD_ATTACK_PORT picks the port (default: any free one).
 * Sets a non-zero exit code when an attack gets a 5xx or an exit 1, never on timings.
 *
 * The server runs with bench/server-probe.ts loaded (`--import`, bench only): it reports the
 * event-loop delay histogram over the window of the largest requests and of the burst (less noisy
 * than the probes' wall latency, which includes this process's own scheduling), and memory by
 * kind (JS heap, resident brk/anonymous/file mappings, threads). An idle node process with the
 * same probe is the control: its delay over the same window is what the machine alone costs.
 * CONCORD_ATTACK_CPU_PROF=DIR writes the server's CPU profile there.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../src/data/load.js';
import type { Benchmark } from './run.js';
import type { ProbeStats } from './server-probe.js';

const CLI = join(packageRoot(), 'bin', 'concord.js');

interface Outcome {
  readonly attack: string;
  readonly status: number | string;
  readonly ms: number;
  readonly note?: string;
  readonly bad: boolean;
}

/** Asks the server's probe (./server-probe.ts, loaded with --import) over the IPC channel. */
function ask(child: ChildProcess, q: 'eld-reset' | 'stats', gc = false): Promise<ProbeStats> {
  return new Promise((resolve) => {
    const on = (m: { q: string; stats: ProbeStats }) => {
      if (m.q !== q) return;
      child.off('message', on);
      resolve(m.stats);
    };
    child.on('message', on);
    child.send({ q, gc });
  });
}

function eldLine(s: ProbeStats): string {
  const e = s.eld;
  const f = (x: number) => x.toFixed(1);
  const bars = e.buckets
    .filter(([, n]) => n > 0)
    .map(([b, n]) => `${Number.isFinite(b) ? `≤${b}` : '>500'}:${n}`)
    .join(' ');
  return `event-loop delay (server, 1 ms timer): ${e.count} samples, mean ${f(e.mean)}, p50 ${f(e.p50)}, p90 ${f(e.p90)}, p99 ${f(e.p99)}, p99.9 ${f(e.p999)}, max ${f(e.max)} ms; by ms: ${bars}`;
}

function memLine(s: ProbeStats): string {
  const f = (x: number) => x.toFixed(0);
  return `RSS ${f(s.rssMiB)} MiB (JS heap ${f(s.heapUsedMiB)} used of ${f(s.heapTotalMiB)}, external ${f(s.externalMiB)}, array buffers ${f(s.arrayBuffersMiB)}, malloc'd by V8 ${f(s.mallocedMiB)}; resident: brk heap ${f(s.maps.brk)}, anonymous ${f(s.maps.anon)}, files ${f(s.maps.file)}), ${s.threads} threads`;
}

const outcomes: Outcome[] = [];
function record(o: Outcome): void {
  outcomes.push(o);
  console.log(
    `${o.bad ? 'FAIL' : 'ok  '} ${o.attack.padEnd(58)} ${String(o.status).padStart(6)} ${o.ms.toFixed(0).padStart(7)} ms${o.note ? `  ${o.note}` : ''}`,
  );
}

function percentile(xs: number[], p: number): number {
  if (!xs.length) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

/** Sends `/api/health` every 25 ms until stopped; returns the latencies. */
function healthProbe(base: string): { stop(): Promise<number[]> } {
  const lat: number[] = [];
  let on = true;
  const loop = (async () => {
    while (on) {
      const t = performance.now();
      try {
        await (await fetch(`${base}/api/health`)).arrayBuffer();
        lat.push(performance.now() - t);
      } catch {
        lat.push(Number.POSITIVE_INFINITY);
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  return {
    async stop() {
      on = false;
      await loop;
      return lat;
    },
  };
}

/** A scenario of `n` actors (capabilities given) and `issues` issues. */
function bigScenario(n: number, issues = 1): unknown {
  const actors: Record<string, { capability: number }> = {};
  for (let i = 0; i < n; i++) actors[`A${i}`] = { capability: 1 + (i % 7) };
  return {
    id: `big-${n}`,
    capability: 'equal',
    actors,
    issues: Array.from({ length: issues }, (_, k) => ({
      id: `i${k}`,
      statusQuo: 0,
      positions: Object.fromEntries(
        Object.keys(actors).map((a, i) => [a, { position: (i * 37) % 101, salience: 0.3 + (i % 5) / 10 }]),
      ),
    })),
  };
}

function bigGame(n: number): unknown {
  return {
    name: `weighted-${n}`,
    players: Array.from({ length: n }, (_, i) => ({ id: `P${i}`, weight: 1 + ((i * 7919) % 97) })),
    rule: { sum: 'weight', moreThanShare: 0.5 },
  };
}

function deepRule(levels: number): unknown {
  let r: unknown = 'consensus';
  for (let i = 0; i < levels; i++) r = { any: [r] };
  return r;
}

const ADD30 =
  'AFG,ARM,AZE,BGD,BHR,EGY,KHM,KWT,LKA,MMR,MDV,NPL,QAT,SAU,TUR,ARE,TKM,MNG,MYS,IDN,THA,VNM,LAO,PHL,SGP,BRN,GEO,UKR,MDA,SYR';

async function listen(child: ChildProcess): Promise<{ base: string; token: string }> {
  return new Promise((resolve, reject) => {
    let out = '';
    const check = () => {
      const m = /listening on (http:\/\/\S+)/.exec(out);
      const t = /#token=(\S+)/.exec(out);
      if (m && t) resolve({ base: m[1]!, token: t[1]! });
    };
    // The session token comes on standard error.
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      check();
    });
    child.stderr!.on('data', (d: Buffer) => {
      out += d.toString();
      check();
    });
    child.on('exit', (code) => reject(new Error(`concord serve exited with ${code}: ${out}`)));
  });
}

/** A raw HTTP request (for what fetch refuses to send): the status line and the body. */
function raw(base: string, text: string): Promise<{ status: number; body: string }> {
  const u = new URL(base);
  return new Promise((resolve) => {
    const s = connect(Number(u.port), u.hostname);
    let data = '';
    s.on('data', (d) => {
      data += d.toString();
    });
    s.on('error', () => resolve({ status: 0, body: data }));
    s.on('close', () => {
      const status = Number(/^HTTP\/1\.1 (\d+)/.exec(data)?.[1] ?? 0);
      resolve({ status, body: data.slice(data.indexOf('\r\n\r\n') + 4) });
    });
    s.write(text);
    setTimeout(() => s.end(), 2000);
  });
}

function errorShaped(body: string): boolean {
  try {
    const e = (JSON.parse(body) as { error?: { code?: string; message?: string; path?: unknown } }).error;
    return !!e && /^E_[A-Z_]+$/.test(e.code ?? '') && typeof e.message === 'string' && 'path' in e;
  } catch {
    return false;
  }
}

export const benchmark: Benchmark = {
  name: 'attacks',
  description: 'the hostile requests and files of issue 12, against `concord serve` and the CLI',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'concord-attacks-'));
    const store = join(dir, 'attacks.sqlite');
    const probeFile = pathToFileURL(join(packageRoot(), 'dist', 'bench', 'server-probe.js')).href;
    const child = spawn(
      process.execPath,
      [
        '--expose-gc',
        '--import',
        probeFile,
        ...(process.env.CONCORD_ATTACK_CPU_PROF
          ? ['--cpu-prof', '--cpu-prof-dir', process.env.CONCORD_ATTACK_CPU_PROF]
          : []),
        CLI,
        'serve',
        '--port',
        process.env.CONCORD_ATTACK_PORT ?? '0',
        '--store',
        store,
        '--workspace',
        'alice',
      ],
      { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], env: { ...process.env, CONCORD_DATA_DIR: dir } },
    );
    // A control: an idle node process with the same probe. Its event-loop delay over the same
    // window is what the machine alone (other processes, the scheduler) costs a thread that
    // does nothing, the floor under the server's figure.
    const control = spawn(process.execPath, ['--import', probeFile, '-e', 'setInterval(() => {}, 1e9)'], {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    try {
      const { base, token } = await listen(child);
      const auth = { authorization: `Bearer ${token}` };
      const post = (
        path: string,
        body: unknown,
        headers: Record<string, string> = {},
        signal?: AbortSignal,
      ) =>
        fetch(`${base}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify(body),
          ...(signal ? { signal } : {}),
        });
      const hit = async (
        attack: string,
        f: () => Promise<Response>,
        expect?: (s: number) => boolean,
        note = '',
      ) => {
        const t = performance.now();
        const r = await f();
        const text = await r.text();
        const ms = performance.now() - t;
        const shaped = r.status < 400 || errorShaped(text);
        const code = r.status >= 400 ? (JSON.parse(text) as { error: { code: string } }).error?.code : '';
        record({
          attack,
          status: r.status,
          ms,
          note: `${code ?? ''} ${note}`.trim(),
          bad: r.status >= 500 && r.status !== 503 ? true : !shaped || (expect ? !expect(r.status) : false),
        });
        return { status: r.status, text, ms };
      };
      // Warm up (the first computation starts a worker thread).
      await (await fetch(`${base}/api/scenarios/sco-rats-2002/forecast`)).text();
      await new Promise((r) => setTimeout(r, 1000));
      const rss0 = rssMiB(child.pid!);
      console.log(`server ${base}, pid ${child.pid}, at start: ${memLine(await ask(child, 'stats'))}`);

      // ── the stalls ───────────────────────────────────────────────────────────────────────
      await hit(
        'POST /api/forecast, 1,000 actors',
        () => post('/api/forecast', bigScenario(1000)),
        (s) => s === 413,
      );
      await hit(
        'POST /api/forecast, 3,000 actors',
        () => post('/api/forecast', bigScenario(3000)),
        (s) => s === 413,
      );
      await hit(
        'POST /api/power, 400 players, 10^6 Monte Carlo draws',
        () => post('/api/power?method=montecarlo&samples=1000000', bigGame(400)),
        (s) => s === 413,
      );
      // The largest allowed forecast and power requests, with /api/health probed meanwhile.
      // Bodies built before the probe starts (building them would stall this process's own loop),
      // and the requests one after the other, as one client sends them.
      const largestForecast = JSON.stringify(bigScenario(200, 2));
      const largestGame = JSON.stringify(bigGame(400));
      const postText = (path: string, body: string) =>
        fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      await Promise.all([ask(child, 'eld-reset'), ask(control, 'eld-reset')]);
      let probe = healthProbe(base);
      const largest = [
        await hit('POST /api/forecast, largest allowed (200 actors × 2 issues)', () =>
          postText('/api/forecast', largestForecast),
        ),
        await hit('POST /api/power, largest allowed Monte Carlo (400 × 50,000)', () =>
          postText('/api/power?method=montecarlo&samples=50000', largestGame),
        ),
        await hit('POST /api/power, 400 players, exact', () => postText('/api/power', largestGame)),
      ];
      let lat = await probe.stop();
      console.log(eldLine(await ask(child, 'stats')));
      console.log(
        `  control, ${eldLine(await ask(control, 'stats')).replace('(server, ', '(an idle node process, ')}`,
      );
      const healthP99 = percentile(lat, 99);
      console.log(
        `/api/health while the largest allowed requests ran: ${lat.length} probes, p50 ${percentile(lat, 50).toFixed(1)} ms, p99 ${healthP99.toFixed(1)} ms, max ${Math.max(...lat).toFixed(1)} ms (the requests took ${largest.map((x) => x.ms.toFixed(0)).join(', ')} ms)`,
      );
      record({
        attack: '/api/health p99 under the largest allowed requests',
        status: '',
        ms: healthP99,
        bad: !(healthP99 < 50),
      });

      const first = await hit(`GET /api/orgs/sco/power?add=<30 states>&rule=eu-qmv`, () =>
        fetch(`${base}/api/orgs/sco/power?add=${ADD30}&rule=eu-qmv`),
      );
      const reordered = ADD30.split(',').reverse().join(',');
      const again = await hit('  the same, codes reordered (cached)', () =>
        fetch(`${base}/api/orgs/sco/power?add=${reordered}&rule=eu-qmv`),
      );
      console.log(
        `  cache: ${first.ms.toFixed(0)} ms, then ${again.ms.toFixed(1)} ms reordered; same answer: ${first.text === again.text}`,
      );

      // ── 500s ─────────────────────────────────────────────────────────────────────────────
      const deep = deepRule(1000);
      await hit('POST /api/power, rule nested 1,000 deep', () =>
        post('/api/power', { players: [{ id: 'A' }, { id: 'B' }], rule: deep }),
      );
      await hit('POST /api/orgs/sco/capacity, rule nested 1,000 deep', () =>
        post('/api/orgs/sco/capacity', { rules: [{ rule: deep }] }),
      );
      await hit('POST /api/forecast, rule nested 1,000 deep', () =>
        post('/api/forecast', { ...(bigScenario(3) as object), rule: deep }),
      );
      await hit('GET /api/orgs/sco/alignment?stageYears=7976', () =>
        fetch(`${base}/api/orgs/sco/alignment?stageYears=7976`),
      );
      await hit('GET /api/orgs/sco/alignment?stageYears=1e300', () =>
        fetch(`${base}/api/orgs/sco/alignment?stageYears=1e300`),
      );

      // ── the error shape ──────────────────────────────────────────────────────────────────
      for (const [attack, text, want] of [
        ['GET a 60 KB URL', `GET /api/orgs?x=${'a'.repeat(60_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`, 431],
        [
          'GET with a NUL in a header',
          'GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-A: a\u0000b\r\n\r\n',
          400,
        ],
        [
          'GET /../../etc/passwd',
          'GET /../../etc/passwd HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n',
          0,
        ],
        [
          'GET /%2e%2e/%2e%2e/etc/passwd',
          'GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n',
          0,
        ],
        [
          'GET /assets/..%2f..%2fpackage.json',
          'GET /assets/..%2f..%2fpackage.json HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n',
          0,
        ],
        [
          'GET /api/health with Host: evil.example',
          'GET /api/health HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n',
          403,
        ],
      ] as const) {
        const t = performance.now();
        const r = await raw(base, text);
        const shaped = errorShaped(r.body);
        const leaked = /root:|"name":\s*"concord"/.test(r.body);
        record({
          attack,
          status: r.status,
          ms: performance.now() - t,
          note: shaped ? JSON.parse(r.body).error.code : r.body.slice(0, 60),
          bad: r.status >= 500 || r.status < 400 || !shaped || leaked || (want !== 0 && r.status !== want),
        });
      }

      // ── sweeps ───────────────────────────────────────────────────────────────────────────
      await hit(
        'POST /api/sweeps, 2,000,000 runs, batchSize 1',
        () => post('/api/sweeps', { scenario: 'sco-rats-2002', runs: 2_000_000, batchSize: 1 }, auth),
        (s) => s >= 400 && s < 500,
      );
      const big = await hit('POST /api/sweeps, 2,000,000 runs, keep summary', () =>
        post('/api/sweeps', { scenario: 'sco-rats-2002', runs: 2_000_000, keep: 'summary' }, auth),
      );
      if (big.status === 202) {
        const id = (JSON.parse(big.text) as { run: { id: string } }).run.id;
        await new Promise((r) => setTimeout(r, 1500));
        const t = performance.now();
        const del = await fetch(`${base}/api/runs/${id}`, { method: 'DELETE', headers: auth });
        await del.text();
        let status = '';
        for (let i = 0; i < 40; i++) {
          const r = (await (await fetch(`${base}/api/runs/${id}`, { headers: auth })).json()) as {
            status: string;
            progress: { active: boolean; batchesDone: number };
          };
          status = `${r.status}${r.progress.active ? ' (active)' : ''}, ${r.progress.batchesDone} batches kept`;
          if (r.status === 'cancelled' && !r.progress.active) break;
          await new Promise((res) => setTimeout(res, 50));
        }
        const ms = performance.now() - t;
        record({
          attack: '  DELETE /api/runs/{id} while it runs: cancelled',
          status: del.status,
          ms,
          note: status,
          bad: del.status >= 500 || !status.startsWith('cancelled') || status.includes('active') || ms > 1000,
        });
        const resume = await fetch(`${base}/api/runs/${id}/resume`, { method: 'POST', headers: auth });
        await resume.text();
        record({
          attack: '  POST /api/runs/{id}/resume of the cancelled run',
          status: resume.status,
          ms: 0,
          bad: resume.status !== 202,
        });
        // Cancel the resumed run, then delete it (a DELETE of a stopped run deletes).
        await fetch(`${base}/api/runs/${id}`, { method: 'DELETE', headers: auth }).then((r) => r.text());
        await new Promise((r) => setTimeout(r, 1000));
        const gone = await fetch(`${base}/api/runs/${id}`, { method: 'DELETE', headers: auth }).then((r) =>
          r.text(),
        );
        console.log(`  then: ${gone}`);
      }

      // ── leaks ────────────────────────────────────────────────────────────────────────────
      const pub = await hit('POST /api/sweeps, a small public run', () =>
        post(
          '/api/sweeps',
          { scenario: 'sco-rats-2002', runs: 200, visibility: 'public', keep: 'summary' },
          auth,
        ),
      );
      if (pub.status === 202) {
        const id = (JSON.parse(pub.text) as { run: { id: string } }).run.id;
        await new Promise((r) => setTimeout(r, 1500));
        const r = await fetch(`${base}/api/runs/${id}`);
        const text = await r.text();
        const leaks = [
          '"host"',
          '"pid"',
          '"commit"',
          '"node"',
          '"platform"',
          '"hostname"',
          '"alice"',
          dir,
        ].filter((k) => text.includes(k));
        record({
          attack: '  anonymous GET /api/runs/{id} of the public run',
          status: r.status,
          ms: 0,
          note: leaks.length ? `leaks ${leaks.join(', ')}` : 'parameters, seed, version, summary only',
          bad: leaks.length > 0,
        });
        const list = await (await fetch(`${base}/api/runs`)).text();
        record({
          attack: '  anonymous GET /api/runs: no workspace names',
          status: 200,
          ms: 0,
          bad: list.includes('alice'),
        });
      }

      // ── a burst of abandoned heavy requests, then memory ─────────────────────────────────
      const burstSeconds = Number(process.env.CONCORD_ATTACK_BURST_SECONDS ?? 20);
      const end = Date.now() + burstSeconds * 1000;
      let sent = 0;
      const codes = new Map<string, number>();
      await ask(child, 'eld-reset');
      probe = healthProbe(base);
      const worker = async (k: number) => {
        while (Date.now() < end) {
          const ctrl = new AbortController();
          // Half the clients give up after 300 ms, as the attack's did.
          const timer = setTimeout(() => ctrl.abort(), k % 2 ? 300 : 15_000);
          sent++;
          try {
            const r =
              k % 3 === 0
                ? await post('/api/forecast', bigScenario(150 + (sent % 50), 2), {}, ctrl.signal)
                : k % 3 === 1
                  ? await post(
                      `/api/power?method=montecarlo&samples=${40_000 + sent}`,
                      bigGame(400),
                      {},
                      ctrl.signal,
                    )
                  : await fetch(
                      `${base}/api/orgs/sco/power?add=${ADD30.split(',')
                        .slice(0, 10 + (sent % 20))
                        .join(',')}&rule=eu-qmv`,
                      { signal: ctrl.signal },
                    );
            await r.text();
            codes.set(String(r.status), (codes.get(String(r.status)) ?? 0) + 1);
          } catch {
            codes.set('aborted', (codes.get('aborted') ?? 0) + 1);
          } finally {
            clearTimeout(timer);
          }
        }
      };
      await Promise.all(Array.from({ length: 24 }, (_, k) => worker(k)));
      lat = await probe.stop();
      const atBurst = await ask(child, 'stats');
      console.log(eldLine(atBurst));
      console.log(`after the burst: ${memLine(atBurst)}`);
      const rssBurst = rssMiB(child.pid!);
      const fivexx = [...codes].filter(([c]) => /^5/.test(c) && c !== '503').reduce((a, [, n]) => a + n, 0);
      console.log(
        `burst: ${burstSeconds} s, 24 clients, ${sent} heavy requests: ${[...codes].map(([c, n]) => `${c} ×${n}`).join(', ')}; /api/health meanwhile p50 ${percentile(lat, 50).toFixed(1)} ms, p99 ${percentile(lat, 99).toFixed(1)} ms; RSS ${rssBurst.toFixed(0)} MiB`,
      );
      record({ attack: 'burst of heavy requests: no 5xx but 503', status: fivexx, ms: 0, bad: fivexx > 0 });
      const t0 = performance.now();
      await (await fetch(`${base}/api/health`)).text();
      const after = performance.now() - t0;
      record({ attack: '/api/health right after the burst', status: 200, ms: after, bad: after > 1000 });
      // Idle compute threads leave after 20 s.
      await new Promise((r) => setTimeout(r, 30_000));
      const rss1 = rssMiB(child.pid!);
      console.log(`30 s later: ${memLine(await ask(child, 'stats'))}`);
      // Diagnostic only (the figure above is without it): what a full collection gives back.
      console.log(`  after a forced full GC: ${memLine(await ask(child, 'stats', true))}`);
      console.log(
        `RSS: ${rss0.toFixed(0)} MiB at start, ${rssBurst.toFixed(0)} MiB after the burst, ${rss1.toFixed(0)} MiB 30 s later`,
      );
      record({
        attack: 'memory 30 s after the burst, within 50 MiB of the start',
        status: `${(rss1 - rss0).toFixed(0)} MiB`,
        ms: 0,
        bad: rss1 - rss0 > 50,
      });
    } finally {
      control.kill('SIGTERM');
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }

    // ── the CLI ────────────────────────────────────────────────────────────────────────────
    const bomb =
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n';
    const file = (name: string, text: string) => {
      const p = join(dir, name);
      writeFileSync(p, text);
      return p;
    };
    const bombFile = file('bomb.yaml', bomb);
    const bombDir = join(dir, 'bombs');
    spawnSync('mkdir', ['-p', bombDir]);
    writeFileSync(join(bombDir, 'bomb.yaml'), bomb);
    const deepFile = file(
      'deep.json',
      JSON.stringify({ players: [{ id: 'A' }, { id: 'B' }], rule: deepRule(1000) }),
    );
    const deu = file('bad-rule.tsv', 'id\tpA\tsA\tpB\tsB\trule\ncase1\t0\t100\t100\t100\tnot-a-rule\n');
    const overflow = file(
      'overflow.yaml',
      'id: overflow\ncapability: equal\nactors:\n  A: { capability: 1.7e308 }\n  B: { capability: 1.7e308 }\nissues:\n  - id: x\n    statusQuo: 0\n    positions:\n      A: { position: 0, salience: 1 }\n      B: { position: 100, salience: 1 }\n',
    );
    // A 1,000,000-player game file: 31.8 MB.
    const players = file(
      'players-1e6.json',
      `{"name":"huge","rule":{"sum":"weight","moreThanShare":0.5},"players":[${Array.from({ length: 1_000_000 }, (_, i) => `{"id":"P${String(i).padStart(9, '0')}","weight":${1 + (i % 97)}}`).join(',')}]}`,
    );
    console.log(`CLI: a ${(statSync(players).size / 1e6).toFixed(1)} MB game file`);
    // The CLI's own start-up, to tell it from the time an input takes to be refused: the same
    // command on a 3-player game.
    const small = file('small.json', JSON.stringify(bigGame(3)));
    const t0 = performance.now();
    spawnSync(process.execPath, [CLI, 'power', small], { cwd: dir });
    const startup = performance.now() - t0;
    console.log(
      `CLI: \`concord power\` on a 3-player game takes ${startup.toFixed(0)} ms (start-up); the times below include it`,
    );
    const cli = (
      attack: string,
      args: string[],
      limitMs = 20_000,
      check?: (out: string) => string | null,
    ) => {
      const t = performance.now();
      const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
      const ms = performance.now() - t;
      const wrong = check ? check(r.stdout) : null;
      const code = /error \[(E_[A-Z_]+)\]/.exec(r.stderr)?.[1] ?? '';
      record({
        attack: `concord ${attack}`,
        status: r.status ?? 'killed',
        ms,
        note: wrong ?? (code || r.stderr.split('\n')[0]!.slice(0, 60)),
        bad:
          r.status === 1 ||
          r.status === null ||
          ms > limitMs ||
          (wrong !== null && !wrong.startsWith('ok')) ||
          /ZodError|at .*\.js:\d+/.test(r.stderr),
      });
    };
    cli('forecast <YAML alias bomb>', ['forecast', bombFile]);
    cli('backtest <dir with a YAML alias bomb>', ['backtest', bombDir]);
    cli('power <YAML alias bomb>', ['power', bombFile]);
    cli('claims <YAML alias bomb>', ['claims', bombFile]);
    cli('power <rule nested 1,000 deep>', ['power', deepFile]);
    cli('forecast <DEU table, bad rule cell>', ['forecast', deu, '--capabilities', 'equal']);
    cli('forecast <two capabilities of 1.7e308>', ['forecast', overflow, '--json'], 20_000, (out) => {
      if (!out) return null; // refused: fine
      const shares = (JSON.parse(out) as { scenario: { capability: { shares: Record<string, number> } } })
        .scenario.capability.shares;
      return shares.A === 0.5 && shares.B === 0.5
        ? 'ok: shares 0.5 and 0.5'
        : `wrong shares ${JSON.stringify(shares)}`;
    });
    cli('power <31.8 MB, 1,000,000 players>', ['power', players], startup + 1000);
    cli('alignment sco --stage-years 300000', ['alignment', 'sco', '--stage-years', '300000']);
    rmSync(dir, { recursive: true, force: true });

    const bad = outcomes.filter((o) => o.bad);
    console.log(
      `attacks: ${outcomes.length}, failed: ${bad.length}${bad.length ? ` (${bad.map((b) => b.attack.trim()).join('; ')})` : ''}`,
    );
    if (bad.length) process.exitCode = 1;
  },
};
