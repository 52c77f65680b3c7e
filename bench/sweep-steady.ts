/**
 * Steady-state throughput of the worker-thread pool, without start-up: a warm pool of 1 or 2
 * threads computes 40 batches of 5,000 runs of one case (aggregates only, no store). Spawned by
 * sweep.bench.ts; prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { createPool } from '../src/sweep/executors/threads.js';
import { planSweep } from '../src/sweep/run.js';

const [file, threadsArg, adapter, modelsArg] = process.argv.slice(2);
const threads = Number(threadsArg);
const planned = planSweep({
  adapter: adapter!,
  file: file!,
  text: readFileSync(file!, 'utf8'),
  models: modelsArg!.split(','),
  runs: 1_000_000,
  seed: 1,
  keep: 'summary',
  batchSize: 5000,
  force: true,
});
const pool = createPool(threads);
// Warm up: every thread loads its modules and compiles the case.
await Promise.all(
  Array.from({ length: threads * 2 }, (_, i) =>
    pool.run({ params: planned.params, idx: i, first: i * 5000, count: 5000 }),
  ),
);
const batches = 40;
const t0 = performance.now();
await Promise.all(
  Array.from({ length: batches }, (_, i) =>
    pool.run({ params: planned.params, idx: i, first: i * 5000, count: 5000 }),
  ),
);
const seconds = (performance.now() - t0) / 1000;
await pool.destroy();
process.stdout.write(`${JSON.stringify({ threads, runs: batches * 5000, seconds })}\n`);
