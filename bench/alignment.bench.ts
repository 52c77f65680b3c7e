/** Alignment: decoding the UN vote data, the agreement matrix over all states, camps, the SCO analysis. */
import {
  alignOrganization,
  allPairs,
  campsOf,
  campsUncertaintyOf,
  selectRollCalls,
} from '../src/alignment/analysis.js';
import { decodeVoteData, type UngaVotesFile } from '../src/alignment/data.js';
import { readJson } from '../src/data/load.js';
import { loadOrganizations } from '../src/org/load.js';
import type { Benchmark } from './run.js';

function time<T>(label: string, f: () => T, runs = 1): T {
  let out: T | undefined;
  const t = performance.now();
  for (let i = 0; i < runs; i++) out = f();
  const ms = (performance.now() - t) / runs;
  console.log(`${label}: ${ms.toFixed(1)} ms${runs > 1 ? ` (mean of ${runs})` : ''}`);
  return out as T;
}

export const benchmark: Benchmark = {
  name: 'alignment',
  description: 'UN votes: decode, agreement matrix over all states, Louvain camps, SCO analysis',
  run() {
    const file = time('read + parse unga-votes.json', () =>
      readJson<UngaVotesFile>('data/generated/unga-votes.json'),
    );
    const data = time(
      `decode ${file.rollCalls.rcid.length.toLocaleString('en-US')} roll calls × ${file.states.length} states`,
      () => decodeVoteData(file),
      5,
    );
    for (const [from, to] of [
      [2001, 2019],
      [1946, 2019],
      [1946, 2026],
    ] as const) {
      const w = selectRollCalls(data, { from, to });
      const states = data.states.filter((s) => w.indices.some((i) => data.codes.get(s)![i] !== 3));
      const pairs = time(
        `all ${states.length} states, ${w.indices.length} roll calls ${from}–${to}: ${(states.length * (states.length - 1)) / 2} pairs (agreement, κ, S)`,
        () => allPairs(data, states, w.indices),
        3,
      );
      time(
        `Louvain camps of ${states.length} states (κ weights)`,
        () => campsOf(states, pairs, new Set()),
        3,
      );
    }
    const sco = loadOrganizations().get('sco');
    time(
      'concord alignment sco --from 2001 --to 2019 (the analysis, no printing)',
      () => alignOrganization(data, sco, { from: 2001, to: 2019 }),
      5,
    );
    const w = selectRollCalls(data, { from: '2001-06-15', to: '2026-06-04' });
    const members = ['CHN', 'RUS', 'KAZ', 'KGZ', 'TJK', 'UZB', 'IND', 'PAK', 'IRN', 'BLR'];
    const observed = campsOf(members, allPairs(data, members, w.indices), new Set(members)).modularity;
    for (const n of [100, 1000])
      time(
        `bootstrap + null model of the camps, 10 states × ${w.indices.length} roll calls, ${n} resamples and ${n} permutations`,
        () => campsUncertaintyOf(data, members, w.indices, observed, { bootstrap: n }),
      );
    time(
      'concord alignment sco --from 2017-06-09 --to 2026-06-04 --bootstrap 1000 (the analysis, no printing)',
      () => alignOrganization(data, sco, { from: '2017-06-09', to: '2026-06-04', bootstrap: 1000 }),
    );
  },
};
