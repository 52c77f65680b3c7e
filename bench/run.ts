/**
 * `npm run bench [-- NAME…]`: runs the benchmarks in bench/*.bench.ts (compiled to dist/bench/)
 * and prints their figures. Benchmarks print figures; they never fail on timing (shared machines
 * are noisy): compare ratios within one run.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface Benchmark {
  readonly name: string;
  readonly description: string;
  run(): Promise<void> | void;
}

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.js'))
  .sort();
for (const f of files) {
  const mod = (await import(pathToFileURL(join(here, f)).href)) as { benchmark: Benchmark };
  const b = mod.benchmark;
  if (wanted.length && !wanted.includes(b.name)) continue;
  console.log(`\n## ${b.name}: ${b.description}`);
  const t0 = performance.now();
  await b.run();
  console.log(`(${b.name} took ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
