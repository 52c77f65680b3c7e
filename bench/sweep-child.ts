/**
 * One measured configuration of the sweep benchmark, in a fresh process (so that its peak memory is
 * its own): runs the given scenario files as sweeps into one store and prints one JSON line with
 * the replicates, wall time, peak resident memory and store size. Spawned by sweep.bench.ts.
 */
import { readFileSync, statSync } from 'node:fs';
import { openStore } from '../src/store/open.js';
import { inlineExecutor } from '../src/sweep/executors/inline.js';
import { threadsExecutor } from '../src/sweep/executors/threads.js';
import { createSweepRun, executeSweep, planSweep } from '../src/sweep/run.js';

interface Config {
  files: string[];
  runs: number;
  workers: number;
  keep: 'rows' | 'summary';
  store: string;
  adapter: string;
  models: string[];
  seed: number;
  batchSize?: number;
}

const cfg = JSON.parse(process.argv[2]!) as Config;
let peak = 0;
const sample = () => {
  peak = Math.max(peak, process.memoryUsage().rss);
};
const timer = setInterval(sample, 25);
const store = await openStore(cfg.store);
const t0 = performance.now();
let replicates = 0;
let rows = 0;
for (const file of cfg.files) {
  const planned = planSweep({
    adapter: cfg.adapter,
    file,
    text: readFileSync(file, 'utf8'),
    models: cfg.models,
    runs: cfg.runs,
    seed: cfg.seed,
    keep: cfg.keep,
    batchSize: cfg.batchSize,
    force: true,
  });
  const run = await createSweepRun(store, planned);
  const executor = cfg.workers > 1 ? threadsExecutor(cfg.workers) : inlineExecutor();
  await executeSweep(store, run.id, executor);
  replicates += planned.params.total;
  if (cfg.keep === 'rows') rows += await store.countResults(run.id);
}
const seconds = (performance.now() - t0) / 1000;
sample();
clearInterval(timer);
await store.close();
let storeBytes = 0;
for (const suffix of ['', '-wal', '-shm']) {
  try {
    storeBytes += statSync(cfg.store + suffix).size;
  } catch {}
}
process.stdout.write(
  `${JSON.stringify({ replicates, seconds, peakRssMiB: peak / 2 ** 20, maxRssMiB: process.resourceUsage().maxRSS / 1024, rows, storeBytes })}\n`,
);
