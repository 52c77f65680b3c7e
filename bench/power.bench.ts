/**
 * Voting power, exact, index by index, against EPIC.
 *
 * Part 1 — per game and index, whole process: `node dist/bench/power-child.js` (start-up, module
 * loading and the computation of just that index, as `concord power --index NAME` does), its wall
 * time (median of up to 3 runs), the computation alone, and its peak memory; with `EPIC_BIN=…/epic`
 * the same for EPIC (Staudacher, Kóczy, Stach, Filipp, Kramer, Noffke, Olsson, Pichler & Singer
 * 2021, "Computing power indices for weighted voting games via dynamic programming", Operations
 * Research and Decisions 31(2); github.com/jhstaudacher/EPIC, one index per run, C++ with GMP),
 * the ratio Concord / EPIC, and whether the values agree (EPIC prints 6 significant digits).
 * Games: EEC-6; EU-27 Nice votes only, quota 255 of 345; 193 players with w_i = 1 + (7919·i mod
 * 200), i = 1…193, quota ⌈2/3 of the total⌉; 50 players with w_i = 1000 + (104729·i mod 50000),
 * quota half + 1. EPIC's own test games (AIIB; 266 to 3,434 players; uniform, normal and linear
 * weights) are `npm run bench -- power-epic` (./power-epic.bench.ts). `POWER_BENCH=large` runs
 * the two large games only. Works without EPIC: then only Concord's figures.
 *
 * Part 2 — every index at once, in this process: the two large games, then EU-27 Nice with its
 * three criteria, the 193 UN members by square-root population, the 50 most populous states.
 * Prints figures; never fails on timing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDataset } from '../src/data/load.js';
import { INDEX_FIELD, POWER_INDEX_NAMES, type PowerIndexName } from '../src/power/indices.js';
import { computePower, type PowerResult } from '../src/power/power.js';
import type { Game } from '../src/rules/game.js';
import { gameFromPlayers } from '../src/rules/game.js';
import { loadBuiltinGameFile } from '../src/rules/load.js';
import type { Benchmark } from './run.js';

const here = dirname(fileURLToPath(import.meta.url));
const CHILD = join(here, 'power-child.js');

/** EPIC's shortcut for each index (`epic --help`). */
export const EPIC_INDEX: Record<PowerIndexName, string> = {
  banzhaf: 'BZ',
  penrose: 'ABZ',
  'shapley-shubik': 'SH',
  'coleman-prevent': 'CP',
  'coleman-initiate': 'CI',
  passage: 'W',
  holler: 'PG',
  'deegan-packel': 'DP',
  johnston: 'J',
};

export interface BenchGame {
  readonly name: string;
  readonly weights: number[];
  readonly quota: number;
  readonly indices: readonly PowerIndexName[];
  readonly large: boolean;
}

export function benchmarkGames(): BenchGame[] {
  const eec = (loadBuiltinGameFile('eec-1958').players ?? []).map((p) => Number(p.votes));
  const nice = (loadBuiltinGameFile('eu27-nice').players ?? []).map((p) => Number(p.votes));
  const w193 = Array.from({ length: 193 }, (_, k) => 1 + ((7919 * (k + 1)) % 200));
  const w50 = Array.from({ length: 50 }, (_, k) => 1000 + ((104729 * (k + 1)) % 50000));
  const sum = (w: number[]) => w.reduce((a, b) => a + b, 0);
  const all = POWER_INDEX_NAMES;
  return [
    { name: 'EEC-6 (12 of 17)', weights: eec, quota: 12, indices: all, large: false },
    { name: 'EU-27 Nice votes (255 of 345)', weights: nice, quota: 255, indices: all, large: false },
    {
      name: `193 players, 1 + 7919i mod 200 (${Math.ceil((2 * sum(w193)) / 3)} of ${sum(w193)})`,
      weights: w193,
      quota: Math.ceil((2 * sum(w193)) / 3),
      indices: all,
      large: true,
    },
    {
      name: `50 players, 1000 + 104729i mod 50000 (${Math.floor(sum(w50) / 2) + 1} of ${sum(w50)})`,
      weights: w50,
      quota: Math.floor(sum(w50) / 2) + 1,
      indices: all,
      large: true,
    },
  ];
}

/** EPIC's shipped games without precoalitions: a weights file (quota on the first line or not). */
export function epicCases(dir: string, indices: readonly PowerIndexName[]): BenchGame[] {
  const out: BenchGame[] = [];
  const read = (f: string) =>
    readFileSync(f, 'utf8')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean)
      .map(Number);
  const pre = join(dir, 'precoalitions');
  if (existsSync(pre))
    for (const f of readdirSync(pre)
      .filter((f) => f.endsWith('-noCoalitions.csv'))
      .sort()) {
      const weights = read(join(pre, f));
      for (const share of ['50', '75']) {
        const withQuota = join(pre, f.replace('-noCoalitions.csv', `_${share}.csv`));
        if (!existsSync(withQuota)) continue;
        const quota = read(withQuota)[0]!;
        out.push({
          name: `${f.replace('-noCoalitions.csv', '')} (${share}%)`,
          weights,
          quota,
          indices,
          large: true,
        });
      }
    }
  for (const sub of ['uniform', 'normal_sqrd', 'linear_range_test_cases']) {
    const d = join(dir, sub);
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d)
      .filter((f) => f.endsWith('.csv'))
      .sort()) {
      const [quota, ...weights] = read(join(d, f));
      out.push({ name: f.replace('.csv', ''), weights, quota: quota!, indices, large: true });
    }
  }
  return out;
}

export interface Run {
  wallMs: number;
  /** CPU time of the whole process (user + system): what a loaded machine perturbs least. */
  cpuMs: number | null;
  computeMs: number | null;
  /** CPU time of the computation alone (Concord). */
  computeCpuMs?: number | null;
  maxRssKb: number | null;
  values: number[] | null;
  note: string | null;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export function runConcord(file: string, index: PowerIndexName | 'all', timeoutMs = 0): Run {
  const runs: Run[] = [];
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    const p = spawnSync(process.execPath, [CHILD, file, index], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      ...(timeoutMs ? { timeout: timeoutMs } : {}),
    });
    const wallMs = performance.now() - t;
    if (p.error || p.status !== 0)
      return {
        wallMs,
        cpuMs: null,
        computeMs: null,
        maxRssKb: null,
        values: null,
        note: p.error ? `over ${timeoutMs / 1000} s` : (p.stderr.split('\n')[0] ?? 'failed'),
      };
    const r = JSON.parse(p.stdout) as {
      ms: number;
      computeCpuMs: number;
      cpuMs: number;
      maxRssKb: number;
      passage: number;
      winning: string | null;
      players: Array<Record<string, unknown>>;
      notes: string[];
    };
    const values =
      index === 'all'
        ? null
        : index === 'passage'
          ? [Number(r.winning)]
          : r.players.map((pl) => pl[INDEX_FIELD[index]] as number | null).some((v) => v === null)
            ? null
            : r.players.map((pl) => pl[INDEX_FIELD[index]] as number);
    runs.push({
      wallMs,
      cpuMs: r.cpuMs,
      computeMs: r.ms,
      computeCpuMs: r.computeCpuMs,
      maxRssKb: r.maxRssKb,
      values,
      note:
        index !== 'all' && values === null
          ? (r.notes.find((n) => n.includes('not computed')) ?? 'not computed')
          : null,
    });
    if (wallMs > 3000) break;
  }
  return {
    ...runs[0]!,
    wallMs: median(runs.map((r) => r.wallMs)),
    cpuMs: median(runs.map((r) => r.cpuMs!)),
    computeMs: median(runs.map((r) => r.computeMs!)),
    computeCpuMs: median(runs.map((r) => r.computeCpuMs!)),
  };
}

export function runEpic(
  bin: string,
  csv: string,
  quota: number,
  index: PowerIndexName,
  timeoutMs: number,
): Run {
  const runs: number[] = [];
  const cpus: number[] = [];
  let last: Run | null = null;
  const time = existsSync('/usr/bin/time');
  // /usr/bin/timeout stops EPIC itself (a timeout of spawnSync would stop /usr/bin/time, not EPIC)
  const stop = existsSync('/usr/bin/timeout') ? ['/usr/bin/timeout', String(timeoutMs / 1000)] : [];
  for (let k = 0; k < 3; k++) {
    const args = ['-i', EPIC_INDEX[index], '-w', csv, '-q', String(quota), '--quiet'];
    const t = performance.now();
    const p = time
      ? spawnSync('/usr/bin/time', ['-f', 'maxrss=%M cpu=%U+%S', ...stop, bin, ...args], {
          encoding: 'utf8',
          timeout: timeoutMs + 10_000,
          maxBuffer: 1 << 28,
        })
      : spawnSync(bin, args, { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 1 << 28 });
    const wallMs = performance.now() - t;
    if (p.error || p.status !== 0) {
      return {
        wallMs,
        cpuMs: null,
        computeMs: null,
        maxRssKb: null,
        values: null,
        note:
          p.error || p.status === 124
            ? `over ${timeoutMs / 1000} s`
            : `failed${/memory|alloc/i.test(`${p.stdout}${p.stderr}`) ? ' (memory)' : ''}`,
      };
    }
    const lines = p.stdout.split('\n').filter((l) => l.trim());
    const values = lines.filter((l) => /^P\d+:/.test(l)).map((l) => Number(l.split(':')[1]));
    const rss = /maxrss=(\d+)/.exec(p.stderr ?? '');
    const cpu = /cpu=([\d.]+)\+([\d.]+)/.exec(p.stderr ?? '');
    if (cpu) cpus.push((Number(cpu[1]) + Number(cpu[2])) * 1000);
    last = {
      wallMs,
      cpuMs: null,
      computeMs: null,
      maxRssKb: rss ? Number(rss[1]) : null,
      values: values.length ? values : [Number(lines[lines.length - 1])],
      note: null,
    };
    runs.push(wallMs);
    if (wallMs > 3000) break;
  }
  return { ...last!, wallMs: median(runs), cpuMs: cpus.length ? median(cpus) : null };
}

/** A bare Node process: the part of Concord's whole-process time that is not Concord's. */
export function startupFloor(): { wallMs: number; cpuMs: number } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t = performance.now();
    const p = spawnSync(
      process.execPath,
      ['-e', 'const c = process.cpuUsage(); console.log((c.user + c.system) / 1000)'],
      { encoding: 'utf8' },
    );
    wall.push(performance.now() - t);
    cpu.push(Number(p.stdout.trim()));
  }
  return { wallMs: median(wall), cpuMs: median(cpu) };
}

/** Concord's values (doubles from exact fractions) against EPIC's 6-digit prints. */
export function agree(a: number[] | null, b: number[] | null): string {
  if (!a || !b) return '';
  if (a.length !== b.length) return 'DIFFER (length)';
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (Math.abs(x - y) > 6e-6 * Math.max(Math.abs(x), Math.abs(y)) && Math.abs(x - y) > 1e-9)
      return `DIFFER (P${i + 1}: ${x} vs ${y})`;
  }
  return 'agree';
}

export const fmtMs = (ms: number | null) => (ms === null ? '–' : ms < 100 ? ms.toFixed(1) : ms.toFixed(0));
export const fmtMb = (kb: number | null) => (kb === null ? '–' : (kb / 1024).toFixed(0));

function compareWithEpic(): void {
  const bin = process.env.EPIC_BIN;
  const epic = bin && existsSync(bin) ? bin : null;
  if (bin && !epic) console.log(`EPIC_BIN=${bin} does not exist: Concord's figures only`);
  if (!epic)
    console.log('(set EPIC_BIN=/path/to/epic to compare with EPIC; build: make all in jhstaudacher/EPIC)');
  const timeoutMs = Number(process.env.EPIC_TIMEOUT ?? 300) * 1000;
  // POWER_BENCH=large: only the two large games (and no part 2 beyond them)
  const games = benchmarkGames().filter((g) => process.env.POWER_BENCH !== 'large' || g.large);
  const dir = mkdtempSync(join(tmpdir(), 'concord-power-bench-'));
  try {
    console.log(
      'Whole processes, median of up to 3 runs: wall ms, and CPU ms (user + system, start-up included: the fairer figure on a shared machine); the ratio is of CPU times (of wall times without /usr/bin/time).',
    );
    console.log(
      'game | index | Concord wall ms | Concord CPU ms | of which computing (CPU ms) | peak MB | EPIC wall ms | EPIC CPU ms | EPIC peak MB | Concord / EPIC | values',
    );
    const floor = startupFloor();
    console.log(
      `start-up floor: node -e 0 takes ${fmtMs(floor.cpuMs)} ms CPU (${fmtMs(floor.wallMs)} ms wall); /usr/bin/time counts CPU in steps of 10 ms`,
    );
    const summary: string[] = [];
    games.forEach((g, gi) => {
      const json = join(dir, `game${gi}.json`);
      const csv = join(dir, `game${gi}.csv`);
      writeFileSync(json, JSON.stringify({ weights: g.weights, quota: g.quota }));
      writeFileSync(csv, `${g.weights.join('\n')}\n`);
      let epicTotal = 0;
      let epicCpuTotal = 0;
      let epicAll = true;
      for (const index of g.indices) {
        const c = runConcord(json, index);
        const e = epic ? runEpic(epic, csv, g.quota, index, timeoutMs) : null;
        if (e && e.note === null) epicTotal += e.wallMs;
        else epicAll = false;
        const ratioOf = (a: Run, b: Run) =>
          a.cpuMs !== null && b.cpuMs !== null ? a.cpuMs / Math.max(b.cpuMs, 1) : a.wallMs / b.wallMs;
        const ratio = e && e.note === null && c.note === null ? ratioOf(c, e).toFixed(2) : '–';
        const values =
          index === 'passage' ? agree(c.values, e?.values ?? null) : agree(c.values, e?.values ?? null);
        console.log(
          `${g.name} | ${index} | ${c.note ? `– (${c.note})` : fmtMs(c.wallMs)} | ${fmtMs(c.cpuMs)} | ${fmtMs(c.computeCpuMs ?? null)} | ${fmtMb(c.maxRssKb)} | ${e ? (e.note ? `– (${e.note})` : fmtMs(e.wallMs)) : '–'} | ${fmtMs(e?.cpuMs ?? null)} | ${fmtMb(e?.maxRssKb ?? null)} | ${ratio} | ${values}`,
        );
        if (g.large && e && e.note === null && c.note === null && ratioOf(c, e) > 1) {
          const alone =
            c.computeCpuMs != null && e.cpuMs !== null
              ? `; computing alone ${fmtMs(c.computeCpuMs)} ms CPU against EPIC's whole ${fmtMs(e.cpuMs)} ms`
              : '';
          summary.push(`${g.name} ${index}: Concord / EPIC = ${ratioOf(c, e).toFixed(2)}${alone}`);
        }
        if (g.large && e && e.note !== null && c.note === null)
          summary.push(`${g.name} ${index}: Concord exact, EPIC ${e.note}`);
        if (e && e.note === null) epicCpuTotal += e.cpuMs ?? e.wallMs;
      }
      if (g.indices.length > 1) {
        const c = runConcord(json, 'all');
        console.log(
          `${g.name} | all, one process | ${fmtMs(c.wallMs)} | ${fmtMs(c.cpuMs)} | ${fmtMs(c.computeCpuMs ?? null)} | ${fmtMb(c.maxRssKb)} | ${epic ? `${epicAll ? '' : '≥ '}${fmtMs(epicTotal)} (sum of runs)` : '–'} | ${epic ? fmtMs(epicCpuTotal) : '–'} | – | ${epic && c.cpuMs !== null ? (c.cpuMs / Math.max(epicCpuTotal, 1)).toFixed(2) : '–'} |`,
        );
      }
    });
    if (epic)
      console.log(
        summary.length
          ? `large games where Concord's whole process is slower than EPIC's, or EPIC did not finish:\n  ${summary.join('\n  ')}`
          : 'large games: every index computed by both at or below EPIC (CPU time, whole process)',
      );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function timed(label: string, game: Game): PowerResult {
  const t = performance.now();
  const c0 = process.cpuUsage();
  const r = computePower(game);
  const cpu = process.cpuUsage(c0);
  const ms = performance.now() - t;
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const top = [...r.players].sort((a, b) => b.banzhaf! - a.banzhaf!)[0]!;
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
    `  strongest: ${top.id} Banzhaf ${top.banzhaf!.toFixed(5)}, Penrose ${top.penrose!.toFixed(5)}, Shapley–Shubik ${top.shapleyShubik?.toFixed(5) ?? '–'}` +
      `; indices beyond Banzhaf/Coleman: ${computed.join(', ') || 'none'}`,
  );
  for (const n of r.notes) console.log(`  note: ${n}`);
  return r;
}

function weightedGame(name: string, weights: number[], quota: number): Game {
  return {
    name,
    players: weights.map((w, i) => ({ id: `P${i + 1}`, w })),
    rule: { sum: 'w', atLeast: quota },
    source: [],
    notes: [],
    literature: [],
  };
}

export const benchmark: Benchmark = {
  name: 'power',
  description:
    'exact voting power index by index against EPIC (EPIC_BIN), then every index at once on five games',
  run() {
    compareWithEpic();

    console.log('\nevery index at once, in this process:');
    const t0 = performance.now();
    for (const g of benchmarkGames().filter((g) => g.large))
      timed(g.name, weightedGame(g.name, g.weights, g.quota));
    console.log(`both large games, all indices: ${(performance.now() - t0).toFixed(0)} ms`);
    if (process.env.POWER_BENCH === 'large') return;

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
