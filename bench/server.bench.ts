/**
 * Load on the HTTP API, on loopback: `concord serve` in a child process (its own store in a
 * temporary directory; rate limiting on, with a limit above the load), and autocannon with 100
 * concurrent connections for 20 seconds cycling through the public read endpoints. Prints the
 * latency percentiles, requests per second, and every error, timeout and non-2xx answer. Then a
 * mixed load: the same reads with POSTs that compute (forecasts, power indices, capacity under
 * rules of one's own, each with a varying input so that most miss the cache and run on the worker
 * pool), with /api/health probed meanwhile. `npm run load` runs only this; CONCORD_LOAD_SECONDS
 * shortens it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { packageRoot } from '../src/data/load.js';
import type { Benchmark } from './run.js';

const DATES = [
  '1997-01-01',
  '2001-06-15',
  '2005-07-05',
  '2010-01-01',
  '2017-06-09',
  '2021-04-29',
  '2023-07-04',
  '2024-07-04',
];

export const benchmark: Benchmark = {
  name: 'server',
  description: 'HTTP API under load: 100 connections × 20 s on the read endpoints (autocannon, loopback)',
  async run() {
    const seconds = Number(process.env.CONCORD_LOAD_SECONDS ?? 20);
    const dir = mkdtempSync(join(tmpdir(), 'concord-load-'));
    const child = spawn(
      process.execPath,
      [
        join(packageRoot(), 'bin', 'concord.js'),
        'serve',
        '--port',
        '0',
        '--store',
        join(dir, 'load.sqlite'),
        '--no-session-token',
        '--rate-limit',
        '10000000',
        // The cost-aware limit off too: this measures what the server sustains.
        '--cost-limit',
        '0',
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
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
      const requests = [
        { path: '/api/orgs' },
        ...DATES.map((d) => ({ path: `/api/orgs/sco?at=${d}` })),
        { path: '/api/orgs/csto?at=2010-01-01' },
        { path: '/api/orgs/sco/timeline' },
        { path: '/api/orgs/sco/stages' },
        { path: '/api/orgs/sco/history' },
        { path: '/api/countries/KAZ?at=2015-01-01' },
        { path: '/api/claims' },
        { path: '/api/runs' },
        { path: '/api/health' },
      ];
      console.log(
        `server: ${base}; ${requests.length} read endpoints in rotation; a 2 s warm-up first; load average ${loadavg()
          .map((x) => x.toFixed(2))
          .join(' ')} on ${availableParallelism()} cores`,
      );
      await autocannon({ url: base, connections: 20, duration: 2, requests });
      const r = await autocannon({ url: base, connections: 100, duration: seconds, requests, timeout: 10 });
      console.log(`connections: 100, duration: ${r.duration} s`);
      console.log(
        `requests: ${r.requests.total} (${r.requests.average.toFixed(0)} req/s on average), 2xx: ${r['2xx']}`,
      );
      console.log(
        `latency: p50 ${r.latency.p50} ms, p90 ${r.latency.p90} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms, mean ${r.latency.mean.toFixed(1)} ms`,
      );
      console.log(`errors: ${r.errors}, timeouts: ${r.timeouts}, non-2xx: ${r.non2xx}`);
      console.log(`throughput: ${(r.throughput.average / 1e6).toFixed(1)} MB/s`);
      if (r.errors || r.timeouts || r.non2xx) process.exitCode = 1;

      // The mixed load: reads and computing POSTs.
      let k = 0;
      const json = { 'content-type': 'application/json' };
      const scenario = (x: number) =>
        JSON.stringify({
          id: 'load',
          organization: 'sco',
          date: '2021-04-29',
          capability: 'gdp',
          issues: [
            {
              id: 'i',
              statusQuo: 0,
              positions: Object.fromEntries(
                ['CHN', 'RUS', 'KAZ', 'KGZ', 'TJK', 'UZB', 'IND', 'PAK'].map((a, i) => [
                  a,
                  { position: ((x * (i + 3)) % 10007) / 100.07, salience: 0.2 + (i % 5) / 10 },
                ]),
              ),
            },
          ],
        });
      const gameBody = (x: number) =>
        JSON.stringify({
          players: Array.from({ length: 12 + (x % 8) }, (_, i) => ({
            id: `P${i}`,
            weight: 1 + ((i * x) % 1009),
          })),
          rule: { sum: 'weight', moreThanShare: 0.5 },
        });
      const mixed = [
        ...requests,
        {
          method: 'POST',
          path: '/api/forecast',
          headers: json,
          setupRequest: (q: { path: string }) => ({ ...q, method: 'POST', body: scenario(++k) }),
        },
        {
          method: 'POST',
          path: '/api/power',
          headers: json,
          setupRequest: (q: { path: string }) => ({ ...q, method: 'POST', body: gameBody(++k) }),
        },
        {
          method: 'POST',
          path: '/api/orgs/sco/capacity',
          headers: json,
          setupRequest: (q: { path: string }) => ({
            ...q,
            method: 'POST',
            body: JSON.stringify({
              rules: [{ rule: { count: { atLeastShare: `${++k}/${2 * k + 1}` } } }],
              eu: false,
            }),
          }),
        },
        { method: 'GET', path: '/api/scenarios/sco-rats-2002/forecast' },
      ];
      const health: number[] = [];
      let probing = true;
      const probe = (async () => {
        while (probing) {
          const t = performance.now();
          await (await fetch(`${base}/api/health`)).arrayBuffer();
          health.push(performance.now() - t);
          await new Promise((res) => setTimeout(res, 50));
        }
      })();
      const m = await autocannon({
        url: base,
        connections: 50,
        duration: seconds,
        requests: mixed,
        timeout: 20,
      });
      probing = false;
      await probe;
      health.sort((a, b) => a - b);
      const hp = (p: number) =>
        health[Math.min(health.length - 1, Math.floor(p * health.length))]!.toFixed(1);
      console.log(
        `mixed load with POSTs (forecast, power, capacity: every input distinct, so computed on the worker pool): 50 connections, ${m.duration} s`,
      );
      console.log(
        `requests: ${m.requests.total} (${m.requests.average.toFixed(0)} req/s on average), 2xx: ${m['2xx']}`,
      );
      console.log(
        `latency: p50 ${m.latency.p50} ms, p90 ${m.latency.p90} ms, p99 ${m.latency.p99} ms, max ${m.latency.max} ms`,
      );
      console.log(`errors: ${m.errors}, timeouts: ${m.timeouts}, non-2xx: ${m.non2xx}`);
      console.log(`/api/health meanwhile: ${health.length} probes, p50 ${hp(0.5)} ms, p99 ${hp(0.99)} ms`);
      if (m.errors || m.timeouts || m.non2xx) process.exitCode = 1;
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
