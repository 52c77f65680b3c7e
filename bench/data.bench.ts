/** Baseline: load the built-in data and compute the SCO's facts at every stage. */
import { loadDataset } from '../src/data/load.js';
import { loadOrganizations } from '../src/org/load.js';
import { stages } from '../src/org/organization.js';
import { snapshot } from '../src/org/snapshot.js';
import type { Benchmark } from './run.js';

export const benchmark: Benchmark = {
  name: 'data',
  description: 'load the data set and organizations; SCO snapshot per stage',
  run() {
    let t = performance.now();
    const ds = loadDataset();
    const reg = loadOrganizations();
    console.log(`load data + organizations: ${(performance.now() - t).toFixed(1)} ms`);
    const st = stages(reg.get('sco'));
    const n = 2000;
    t = performance.now();
    for (let i = 0; i < n; i++) snapshot(reg, ds, 'sco', st[i % st.length]!.from);
    console.log(`snapshot: ${(((performance.now() - t) / n) * 1000).toFixed(1)} µs each (${n} runs)`);
  },
};
