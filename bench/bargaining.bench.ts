/**
 * All models on a 10-actor, 10-issue scenario: once (cold), then 100,000 times in a loop — the
 * inner loop of the uncertainty sweeps (issue 5) — per model and all together. The scenario is
 * drawn from a seeded generator (no Math.random), so every run measures the same work.
 */

import { readFileSync } from 'node:fs';
import { EUM_VARIANTS } from '../src/bargaining/eum.js';
import { scenarioExchange } from '../src/bargaining/exchange.js';
import {
  ForecastWorkspace,
  type ForecastWorkspace as FW,
  forecastAll,
  MODEL_NAMES,
} from '../src/bargaining/forecast.js';
import { smpModel } from '../src/bargaining/smp.js';
import { parseKtab } from '../src/scenario/import/ktab.js';
import { resolveScenario } from '../src/scenario/resolve.js';
import type { ModelName } from '../src/scenario/schema.js';
import { ScenarioFileSchema } from '../src/scenario/schema.js';
import type { Benchmark } from './run.js';

/** A small seeded generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function benchScenario(seed = 42, actors = 10, issues = 10) {
  const r = rng(seed);
  const ids = Array.from({ length: actors }, (_, i) => `A${i}`);
  return resolveScenario(
    ScenarioFileSchema.parse({
      id: 'bench',
      rule: 'consensus',
      chair: 'A0',
      actors: Object.fromEntries(ids.map((id) => [id, { capability: 0.1 + r() }])),
      issues: Array.from({ length: issues }, (_, k) => ({
        id: `issue${k}`,
        statusQuo: Math.round(r() * 100),
        proposer: ids[k % actors],
        amendable: k % 3 !== 0,
        positions: Object.fromEntries(
          ids.map((id) => [id, { position: Math.round(r() * 1000) / 10, salience: 0.1 + 0.9 * r() }]),
        ),
      })),
    }),
  );
}

function time(label: string, runs: number, fn: () => void): number {
  const t = performance.now();
  for (let i = 0; i < runs; i++) fn();
  const ms = performance.now() - t;
  const per = (ms / runs) * 1000;
  console.log(
    `${label.padEnd(44)} ${runs.toLocaleString('en-US').padStart(8)} runs  ${(ms / 1000).toFixed(2).padStart(7)} s  ${per.toFixed(2).padStart(9)} µs/run  ${Math.round(
      (runs / ms) * 1000,
    )
      .toLocaleString('en-US')
      .padStart(10)} runs/s`,
  );
  return per;
}

/**
 * The exchange model (all issues at once) on a 15-actor × 10-issue scenario: one run cold, the
 * median of 21 warm runs, and 10,000 runs in a loop (BENCH_EXCHANGE_RUNS).
 */
function benchExchange(defaultRuns: number): void {
  const s = benchScenario(7, 15, 10);
  let t = performance.now();
  const first = scenarioExchange(s).result!;
  const cold = performance.now() - t;
  const made = first.rounds.map((r) => r.exchanges.length);
  console.log(
    `exchange model, 15 actors × 10 issues, 10 rounds: first run (cold) ${cold.toFixed(2)} ms; exchanges per round ${made.join(' ')}`,
  );
  const once: number[] = [];
  for (let k = 0; k < 21; k++) {
    t = performance.now();
    scenarioExchange(s);
    once.push(performance.now() - t);
  }
  once.sort((a, b) => a - b);
  console.log(`exchange model, one run (warm, median of 21): ${once[10]!.toFixed(3)} ms`);
  // CPU time (the machine is shared: wall time is noisy), median of 21 runs
  const cpu: number[] = [];
  for (let k = 0; k < 21; k++) {
    const c = process.cpuUsage();
    scenarioExchange(s);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  cpu.sort((a, b) => a - b);
  console.log(`exchange model, one run, CPU time (median of 21): ${cpu[10]!.toFixed(3)} ms`);
  const runs = Number(process.env.BENCH_EXCHANGE_RUNS ?? Math.min(defaultRuns, 10_000));
  time('exchange (15 actors × 10 issues per run)', runs, () => scenarioExchange(s));
  // the randomised Equal Gain (p = 0.5): one seeded repetition per run, beside the plain one above
  time('exchange, randomised Equal Gain p = 0.5 (one seeded run)', runs, () =>
    scenarioExchange(s, { p: 0.5, seed: 1 }),
  );
}

/** A KTAB CSV (positions on 0–100, saliences on 0–100, raw powers) as SMP's input. */
function ktabInput(file: string) {
  const f = parseKtab(readFileSync(file, 'utf8'), file);
  const ids = Object.keys(f.actors ?? {});
  const issue = f.issues[0]!;
  const D = issue.dimensions?.length ?? 1;
  const n = ids.length;
  const position = new Float64Array(n * D);
  const salience = new Float64Array(n * D);
  const capability = new Float64Array(n);
  ids.forEach((id, a) => {
    capability[a] = f.actors![id]!.capability!;
    const p = issue.positions![id] as { position: number | number[]; salience: number | number[] };
    for (let d = 0; d < D; d++) {
      position[a * D + d] = (Array.isArray(p.position) ? p.position[d]! : p.position) / 100;
      salience[a * D + d] = Array.isArray(p.salience) ? p.salience[d]! : p.salience;
    }
  });
  return { n, dims: D, position, salience, capability };
}

function median(fn: () => void, k: number): number {
  const xs: number[] = [];
  for (let i = 0; i < k; i++) {
    const t = performance.now();
    fn();
    xs.push(performance.now() - t);
  }
  xs.sort((a, b) => a - b);
  return xs[Math.floor(k / 2)]!;
}

/**
 * KTAB's SMP (issue 14): on KTAB's reference run SOE-Pol-Comp (13 actors × 2 dimensions, 27 turns;
 * KTAB's log reports 1.21 s for it in C++), on a 15-actor × 10-issue scenario (one SMP run per
 * issue: one run cold, the median of 5 warm, and 10,000 runs in a loop, BENCH_SMP_RUNS), and on
 * KTAB's 160-actor dummy data (dummyData-a160.csv, when BENCH_KTAB_A160 names it: KTAB's file is not
 * in this repository), once.
 */
function benchSmp(defaultRuns: number): void {
  const soe = ktabInput('test/fixtures/import/ktab-SOE-Pol-Comp.csv');
  let t = performance.now();
  const r0 = smpModel(soe);
  const cold = performance.now() - t;
  const warm = median(() => smpModel(soe), 11);
  console.log(
    `smp, KTAB's SOE-Pol-Comp (13 actors × 2 dimensions, ${r0.turns.length} turns): first run (cold) ${cold.toFixed(1)} ms, warm (median of 11) ${warm.toFixed(2)} ms; KTAB's log: 1.21 s`,
  );
  const s = benchScenario(7, 15, 10);
  const ws = new ForecastWorkspace();
  t = performance.now();
  const f = forecastAll(s, { models: ['smp'], workspace: ws });
  const cold2 = performance.now() - t;
  const turns = f.map((x) => x.smp!.run.turns.length);
  console.log(
    `smp, 15 actors × 10 issues: first run (cold) ${cold2.toFixed(1)} ms; turns per issue ${turns.join(' ')}; warm (median of 5) ${median(() => forecastAll(s, { models: ['smp'], workspace: ws }), 5).toFixed(2)} ms`,
  );
  const runs = Number(process.env.BENCH_SMP_RUNS ?? Math.min(defaultRuns, 10_000));
  time('smp (15 actors × 10 issues per run)', runs, () => forecastAll(s, { models: ['smp'], workspace: ws }));
  const a160 = process.env.BENCH_KTAB_A160;
  if (a160) {
    const big = ktabInput(a160);
    t = performance.now();
    const rb = smpModel(big);
    console.log(
      `smp, KTAB's dummyData-a160 (${big.n} actors × ${big.dims} dimension, ${rb.turns.length} turns): one run ${(performance.now() - t).toFixed(0)} ms`,
    );
  } else
    console.log(
      'smp, KTAB dummyData-a160: set BENCH_KTAB_A160=path/to/dummyData-a160.csv (KTAB examples/smp/doc/)',
    );
}

export const benchmark: Benchmark = {
  name: 'bargaining',
  description: 'all models on a 10-actor, 10-issue scenario: once, then 100,000 times in a loop',
  run() {
    const s = benchScenario();
    const ws: FW = new ForecastWorkspace();
    const N = Number(process.env.BENCH_RUNS ?? 100_000);
    let t = performance.now();
    forecastAll(s, { workspace: ws });
    console.log(
      `first call, all models, 10 issues (cold, includes JIT warm-up): ${(performance.now() - t).toFixed(2)} ms`,
    );
    // the per-issue models of the 100,000-run loop; SMP (turn after turn of n³ work) has its own below
    for (const m of MODEL_NAMES.filter((m) => m !== 'exchange' && m !== 'smp'))
      time(`${m} (10 issues per run)`, N, () => forecastAll(s, { models: [m as ModelName], workspace: ws }));
    const perIssue = MODEL_NAMES.filter((m) => m !== 'exchange' && m !== 'smp');
    time('all five per-issue models (10 issues per run)', N, () =>
      forecastAll(s, { models: perIssue, workspace: ws }),
    );
    // the expected-utility model's variants (issue 11): the text's choices, Scholz's code's, and
    // all 16 combinations of choices (a)–(d) (the sensitivity run: 16 model runs per issue)
    // and each variant without the shortcuts (`reference`: every round run, every expected utility
    // by the general formula), the work before they were added: same results to the last bit
    // (test/bargaining/eum-speed.test.ts), so the ratio is the shortcuts' gain within this run
    for (const variant of EUM_VARIANTS) {
      time(`eum, variant ${variant} (10 issues per run)`, N, () =>
        forecastAll(s, { models: ['eum'], eum: { variant }, workspace: ws }),
      );
      time(`eum, variant ${variant}, no shortcuts (reference)`, N, () =>
        forecastAll(s, { models: ['eum'], eum: { variant, reference: true }, workspace: ws }),
      );
    }
    const NS = Math.max(1, Math.round(N / 16));
    time('eum --eum-sensitivity, 16 combinations (10 issues)', NS, () =>
      forecastAll(s, { models: ['eum'], eumSensitivity: true, workspace: ws }),
    );
    const once: number[] = [];
    for (let k = 0; k < 21; k++) {
      t = performance.now();
      forecastAll(s, { models: perIssue, workspace: ws });
      once.push(performance.now() - t);
    }
    once.sort((a, b) => a - b);
    console.log(
      `one call, the five per-issue models, 10 issues (warm, median of 21): ${once[10]!.toFixed(3)} ms`,
    );
    for (const variant of EUM_VARIANTS) {
      const eum = forecastAll(s, { models: ['eum'], eum: { variant } }).map((f) => f.eum!.rounds);
      console.log(`expected-utility rounds per issue (${variant}): ${eum.join(' ')}`);
    }
    benchExchange(N);
    benchSmp(N);
    console.log(`heap used after the loops: ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(1)} MiB`);
  },
};
