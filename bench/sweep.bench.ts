/**
 * Sweep throughput and memory: the SCO cases (scenarios/sco/*.yaml) with the consensus, compromise
 * and median models, under the default uncertainty, one million runs per case.
 *
 * Store volume, decided deliberately: one million runs × 17 cases × 3 models would be 51 million
 * result rows (several GB of SQLite). The million-run figures are therefore measured with
 * `--keep summary` (batch aggregates only, which is what the summary is computed from), with one
 * and with two worker threads; the cost of keeping every row is measured separately at 100,000 runs
 * per case (5.1 million rows to a temporary SQLite file) and at one million runs of one case.
 * Peak memory (resident set of the process, worker threads included) is measured in a fresh
 * process per configuration, at 100,000 and at 1,000,000 runs, to show that it does not grow with N.
 *
 * CONCORD_BENCH_SCALE (default 1) scales the run counts, for a quick smoke run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../src/data/load.js';
import { adapterIds } from '../src/sweep/adapters.js';
import type { Benchmark } from './run.js';

interface Result {
  replicates: number;
  seconds: number;
  peakRssMiB: number;
  maxRssMiB: number;
  rows: number;
  storeBytes: number;
}

const here = dirname(fileURLToPath(import.meta.url));

function measure(cfg: Record<string, unknown>): Result {
  const out = execFileSync(process.execPath, [join(here, 'sweep-child.js'), JSON.stringify(cfg)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop()!) as Result;
}

export const benchmark: Benchmark = {
  name: 'sweep',
  description:
    'uncertainty sweeps of the SCO cases: runs per second with 1 and 2 workers, peak memory at 100k and 1M runs',
  run() {
    const scale = Number(process.env.CONCORD_BENCH_SCALE ?? '1');
    const scoDir = join(packageRoot(), 'scenarios', 'sco');
    const real = adapterIds().includes('forecast') && existsSync(scoDir);
    const files = real
      ? readdirSync(scoDir)
          .filter((f) => f.endsWith('.yaml'))
          .sort()
          .map((f) => join(scoDir, f))
      : [join(packageRoot(), 'test', 'fixtures', 'sweep', 'toy.yaml')];
    const adapter = real ? 'forecast' : 'synthetic';
    const models = real ? ['consensus', 'compromise', 'median'] : ['mean', 'vote'];
    if (!real)
      console.log(
        'NOTE: the SCO cases or the forecast models are missing: SYNTHETIC toy models measured instead',
      );
    console.log(
      `${files.length} scenario file(s); models ${models.join(', ')}; default uncertainty where a file has none`,
    );
    const dir = mkdtempSync(join(tmpdir(), 'concord-bench-sweep-'));
    const N = Math.max(1000, Math.round(1_000_000 * scale));
    const n = Math.max(1000, Math.round(100_000 * scale));
    const row = (label: string, r: Result) =>
      console.log(
        `${label.padEnd(46)} ${r.replicates.toLocaleString('en-US').padStart(12)} runs  ${r.seconds.toFixed(1).padStart(7)} s  ${Math.round(
          r.replicates / r.seconds,
        )
          .toLocaleString('en-US')
          .padStart(
            9,
          )} runs/s  peak RSS ${r.maxRssMiB.toFixed(0).padStart(5)} MiB${r.rows ? `  ${r.rows.toLocaleString('en-US')} rows, ${Math.round(r.rows / r.seconds).toLocaleString('en-US')} rows/s, store ${(r.storeBytes / 2 ** 20).toFixed(0)} MiB` : ''}`,
      );
    let k = 0;
    const cfg = (
      runs: number,
      workers: number,
      keep: 'rows' | 'summary',
      which = files,
      batchSize?: number,
    ) => ({
      files: which,
      runs,
      workers,
      keep,
      store: join(dir, `s${k++}.sqlite`),
      adapter,
      models,
      seed: 1,
      batchSize,
    });
    try {
      const heavy = files.find((f) => f.includes('17-tianjin')) ?? files[0]!;
      console.log(
        `\nsteady state of the thread pool (warm, no store): 40 batches of 5,000 runs of ${heavy.split('/').pop()}`,
      );
      for (const t of [1, 2]) {
        const out = execFileSync(
          process.execPath,
          [join(here, 'sweep-steady.js'), heavy, String(t), adapter, models.join(',')],
          {
            encoding: 'utf8',
          },
        );
        const r = JSON.parse(out.trim().split('\n').pop()!) as {
          threads: number;
          runs: number;
          seconds: number;
        };
        console.log(
          `${String(t).padStart(2)} thread${t > 1 ? 's' : ' '}: ${r.runs.toLocaleString('en-US')} runs in ${r.seconds.toFixed(2)} s, ${Math.round(r.runs / r.seconds).toLocaleString('en-US')} runs/s`,
        );
      }
      if (process.env.CONCORD_BENCH_SWEEP_PART === 'steady') return;
      console.log('\nkeep summary (aggregates only):');
      row(
        `${files.length} cases × ${N.toLocaleString('en-US')} runs, 1 worker`,
        measure(cfg(N, 1, 'summary')),
      );
      row(
        `${files.length} cases × ${N.toLocaleString('en-US')} runs, 2 workers`,
        measure(cfg(N, 2, 'summary')),
      );
      row(
        `${files.length} cases × ${n.toLocaleString('en-US')} runs, 2 workers`,
        measure(cfg(n, 2, 'summary')),
      );
      console.log('\nkeep rows (every result row to a temporary SQLite file):');
      row(`${files.length} cases × ${n.toLocaleString('en-US')} runs, 1 worker`, measure(cfg(n, 1, 'rows')));
      // Memory against N at a fixed batch size (the default batch size grows with N up to 10,000,
      // and what a process holds is a few batches, not the run).
      const one = [files[files.length > 5 ? 5 : 0]!];
      for (const w of [1, 2]) {
        row(
          `1 case × ${n.toLocaleString('en-US')} runs, ${w} worker${w > 1 ? 's' : ''}, batches of 5,000`,
          measure(cfg(n, w, 'rows', one, 5000)),
        );
        row(
          `1 case × ${N.toLocaleString('en-US')} runs, ${w} worker${w > 1 ? 's' : ''}, batches of 5,000`,
          measure(cfg(N, w, 'rows', one, 5000)),
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
