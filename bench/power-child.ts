/**
 * One whole-process power computation for bench/power.bench.ts: `node dist/bench/power-child.js
 * GAME.json INDEX[,INDEX…]` computes the indices of a weighted game exactly and prints one JSON line
 * (compute time, the whole process's CPU time, peak memory, the values). GAME.json: { "weights": [...], "quota": q }.
 */
import { readFileSync } from 'node:fs';
import { parseIndexList } from '../src/power/indices.js';
import { computePower } from '../src/power/power.js';

const [file, spec] = process.argv.slice(2);
const game = JSON.parse(readFileSync(file!, 'utf8')) as { weights: number[]; quota: number };
const t0 = performance.now();
const c0 = process.cpuUsage();
const r = computePower(
  {
    name: 'bench',
    players: game.weights.map((w, i) => ({ id: `P${i + 1}`, w })),
    rule: { sum: 'w', atLeast: game.quota },
    source: [],
    notes: [],
    literature: [],
  },
  { indices: parseIndexList(spec), method: 'exact' },
);
const ms = performance.now() - t0;
const computing = process.cpuUsage(c0);
const cpu = process.cpuUsage();
process.stdout.write(
  `${JSON.stringify({
    ms,
    computeCpuMs: (computing.user + computing.system) / 1000,
    // CPU time of the whole process (start-up and module loading included)
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssKb: process.resourceUsage().maxRSS,
    algorithm: r.algorithm,
    winning: r.winningCoalitions,
    passage: r.passageProbability,
    players: r.players,
    notes: r.notes,
  })}\n`,
);
