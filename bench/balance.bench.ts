/** The balance of power: every built-in organization on every yardstick, and the SCO report section. */
import { balance } from '../src/balance/balance.js';
import { MEASURE_IDS } from '../src/balance/yardsticks.js';
import { loadDataset } from '../src/data/load.js';
import { loadOrganizations } from '../src/org/load.js';
import type { Benchmark } from './run.js';

export const benchmark: Benchmark = {
  name: 'balance',
  description: 'balance() for every organization × yardstick (series and stages)',
  run() {
    const ds = loadDataset();
    const reg = loadOrganizations();
    const orgs = reg.all();
    const n = 50;
    let years = 0;
    const t = performance.now();
    for (let i = 0; i < n; i++)
      for (const org of orgs)
        for (const m of MEASURE_IDS) {
          const pred = org.predecessor && reg.has(org.predecessor) ? reg.get(org.predecessor) : undefined;
          years += balance(org, ds, { measure: m, ...(pred ? { predecessor: pred } : {}) }).years.length;
        }
    const ms = performance.now() - t;
    const calls = n * orgs.length * MEASURE_IDS.length;
    console.log(
      `balance(): ${((ms / calls) * 1000).toFixed(0)} µs per organization × yardstick (${calls} calls, ${(years / n).toLocaleString('en-US')} organization-years per round)`,
    );
  },
};
