/**
 * Voting power, exact: (1) EU-27 under Nice (votes, states, population) with every index;
 * (2) the 193 UN members weighted by the square root of their population (Penrose's rule), integer
 * weights summing to about 20,000, quota half the weight; (3) the 50 most populous states weighted
 * by population in units of 5,400 people, weights summing to about 1.3 million, quota half.
 * Prints figures; never fails on timing.
 */
import { loadDataset } from '../src/data/load.js';
import { computePower, type PowerResult } from '../src/power/power.js';
import type { Game } from '../src/rules/game.js';
import { gameFromPlayers } from '../src/rules/game.js';
import { loadBuiltinGameFile } from '../src/rules/load.js';
import type { Benchmark } from './run.js';

function timed(label: string, game: Game): PowerResult {
  const t = performance.now();
  const c0 = process.cpuUsage();
  const r = computePower(game);
  const cpu = process.cpuUsage(c0);
  const ms = performance.now() - t;
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const top = [...r.players].sort((a, b) => b.banzhaf - a.banzhaf)[0]!;
  const computed = (['shapleyShubik', 'holler', 'deeganPackel', 'johnston'] as const).filter((k) =>
    r.players.every((p) => p[k] !== null),
  );
  console.log(
    `${label}: ${ms.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU — ${r.method} (${r.algorithm}); ${r.reason}`,
  );
  console.log(
    `  passage probability ${(r.passageProbability * 100).toFixed(4)}%, ${r.winningCoalitions} winning coalitions` +
      `${r.minimalWinningCoalitions ? `, ${r.minimalWinningCoalitions} minimal` : ''}`,
  );
  console.log(
    `  strongest: ${top.id} Banzhaf ${top.banzhaf.toFixed(5)}, Penrose ${top.penrose.toFixed(5)}, Shapley–Shubik ${top.shapleyShubik?.toFixed(5) ?? '–'}` +
      `; indices beyond Banzhaf/Coleman: ${computed.join(', ') || 'none'}`,
  );
  for (const n of r.notes) console.log(`  note: ${n}`);
  return r;
}

export const benchmark: Benchmark = {
  name: 'power',
  description: 'exact voting power: EU-27 Nice (all indices), 193-player and 50-player weighted games',
  run() {
    const ds = loadDataset();
    timed(
      'EU-27 Nice, 3 criteria, all indices',
      gameFromPlayers(loadBuiltinGameFile('eu27-nice'), 'eu27-nice'),
    );

    const un = [...ds.countries.keys()].filter((c) => ds.population.get(c, 2023) !== null);
    const root = un.map((c) => Math.sqrt(ds.population.get(c, 2023)!));
    const scale = 20000 / root.reduce((a, b) => a + b, 0);
    const unPlayers = un.map((c, i) => ({ id: c, w: Math.max(1, Math.round(root[i]! * scale)) }));
    const unTotal = unPlayers.reduce((a, p) => a + p.w, 0);
    timed(`${unPlayers.length} UN members, square-root weights (total ${unTotal}), quota > 1/2`, {
      name: 'UN sqrt',
      players: unPlayers,
      rule: { sum: 'w', moreThanShare: 0.5 },
      source: [],
      notes: [],
      literature: [],
    });

    const big = [...un]
      .sort((a, b) => ds.population.get(b, 2023)! - ds.population.get(a, 2023)!)
      .slice(0, 50);
    const fifty = big.map((c) => ({ id: c, w: Math.round(ds.population.get(c, 2023)! / 5400) }));
    const total = fifty.reduce((a, p) => a + p.w, 0);
    timed(`50 most populous states, population / 5,400 (total ${total}), quota > 1/2`, {
      name: '50 largest',
      players: fifty,
      rule: { sum: 'w', moreThanShare: 0.5 },
      source: [],
      notes: [],
      literature: [],
    });
  },
};
