/**
 * Voting power, exact, index by index, against EPIC.
 *
 * Part 1 — per game and index, whole process: `concord power GAME.json --index NAME` as a user
 * runs it (package.json's "bin", bin/concord.cjs, from the build's V8 code cache: the first line
 * says whether it was used), its wall time (median of up to 5 runs) and CPU time (user + system, /usr/bin/time, mean of up to 5
 * runs), beside the CPU time of a bare `node -e 0` measured the same way just before each game (the
 * start-up floor no Node program goes below) and Concord's time over that floor; the computing
 * time the CLI prints, the CLI's own estimate of it (src/cli/power-estimate.ts: a stale calibration
 * shows here), and the peak memory. With `EPIC_BIN=…/epic` the same for EPIC (Staudacher, Kóczy,
 * Stach, Filipp, Kramer, Noffke, Olsson, Pichler & Singer 2021, "Computing power indices for
 * weighted voting games via dynamic programming", Operations Research and Decisions 31(2);
 * github.com/jhstaudacher/EPIC, one index per run, C++ with GMP), the ratios Concord / EPIC of the
 * whole process and of the part over the floor, and whether the values agree (EPIC prints 6
 * significant digits; Concord's from one more run with --json). Games: EEC-6; EU-27 Nice votes
 * only, quota 255 of 345; 193 players with w_i = 1 + (7919·i mod 200), i = 1…193, quota ⌈2/3 of the
 * total⌉; 50 players with w_i = 1000 + (104729·i mod 50000), quota half + 1. EPIC's own test games
 * (AIIB; 266 to 3,434 players; uniform, normal and linear weights) are `npm run bench -- power-epic`
 * (./power-epic.bench.ts). Works without EPIC: then only Concord's figures.
 *
 * Quicker runs: `POWER_BENCH=large` the two large games only (and part 2 on them only);
 * `POWER_BENCH=quick` the same, and EPIC is not run on the indices it took over 10 s on in
 * docs/rules.md's run (Deegan–Packel and Johnston of both games, Shapley–Shubik of the 50-player
 * game: the full comparison takes some 11 minutes, most of it those EPIC runs); `POWER_INDICES=
 * banzhaf,passage,…` only those indices in part 1 (no "all" row); `EPIC_TIMEOUT=SECONDS` per EPIC
 * run (default 300).
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
import { powerEstimateMs } from '../src/cli/power-estimate.js';
import { loadDataset } from '../src/data/load.js';
import { INDEX_FIELD, POWER_INDEX_NAMES, type PowerIndexName, parseIndexList } from '../src/power/indices.js';
import { computePower, type PowerResult } from '../src/power/power.js';
import type { Game } from '../src/rules/game.js';
import { gameFromPlayers } from '../src/rules/game.js';
import { loadBuiltinGameFile } from '../src/rules/load.js';
import type { Benchmark } from './run.js';

const here = dirname(fileURLToPath(import.meta.url));

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
  /** Indices EPIC took over 10 s on (docs/rules.md's run), with the figure: skipped by POWER_BENCH=quick. */
  readonly epicSlow?: Partial<Record<PowerIndexName, string>>;
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
      epicSlow: { 'deegan-packel': 'EPIC 42.5 s', johnston: 'EPIC over 30 s' },
    },
    {
      name: `50 players, 1000 + 104729i mod 50000 (${Math.floor(sum(w50) / 2) + 1} of ${sum(w50)})`,
      weights: w50,
      quota: Math.floor(sum(w50) / 2) + 1,
      indices: all,
      large: true,
      epicSlow: {
        'shapley-shubik': 'EPIC 19.3 s',
        'deegan-packel': 'EPIC 44 s',
        johnston: 'EPIC over 30 s',
      },
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
  /** The computation alone (Concord: the wall time `concord power` prints after the method). */
  computeMs: number | null;
  /** Kept for ./power-epic.bench.ts: the computation alone, as above. */
  computeCpuMs?: number | null;
  maxRssKb: number | null;
  values: number[] | null;
  note: string | null;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** One process, timed: wall time, and with /usr/bin/time its CPU time (user + system) and peak memory. */
interface Timed {
  wallMs: number;
  cpuMs: number | null;
  maxRssKb: number | null;
  ok: boolean;
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

const TIME = existsSync('/usr/bin/time');
const TIMEOUT = existsSync('/usr/bin/timeout');
const MARK = /^concord-bench maxrss=(\d+) cpu=([\d.]+)\+([\d.]+)$/m;

export function timedRun(
  cmd: string,
  args: readonly string[],
  timeoutMs = 0,
  env: NodeJS.ProcessEnv = process.env,
): Timed {
  // /usr/bin/timeout stops the program itself (a timeout of spawnSync would stop /usr/bin/time)
  const stop = timeoutMs && TIMEOUT ? ['/usr/bin/timeout', String(timeoutMs / 1000)] : [];
  const t = performance.now();
  const p = TIME
    ? spawnSync('/usr/bin/time', ['-f', 'concord-bench maxrss=%M cpu=%U+%S', ...stop, cmd, ...args], {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
        env,
        ...(timeoutMs ? { timeout: timeoutMs + 10_000 } : {}),
      })
    : spawnSync(cmd, args, {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
        env,
        ...(timeoutMs ? { timeout: timeoutMs } : {}),
      });
  const wallMs = performance.now() - t;
  const m = MARK.exec(p.stderr ?? '');
  const stderr = (p.stderr ?? '')
    .split('\n')
    .filter((l) => !MARK.test(l) && !/^Command (exited with non-zero status|terminated by signal)/.test(l))
    .join('\n');
  return {
    wallMs,
    cpuMs: m ? (Number(m[2]) + Number(m[3])) * 1000 : null,
    maxRssKb: m ? Number(m[1]) : null,
    ok: !p.error && p.status === 0,
    timedOut: Boolean(p.error) || p.status === 124,
    stdout: p.stdout ?? '',
    stderr,
  };
}

/** Runs: 5 below 1 s, 3 below 3 s, else one (CPU times from /usr/bin/time count in steps of 10 ms: their mean). */
function repeat(run: () => Timed): Timed[] {
  const out = [run()];
  while (out[out.length - 1]!.ok && out.length < (out[0]!.wallMs < 1000 ? 5 : out[0]!.wallMs < 3000 ? 3 : 1))
    out.push(run());
  return out;
}

/** What a user runs: `concord`, package.json's "bin" (with the V8 code cache of the build; English, no overrides). */
const packageRoot = join(here, '..', '..');
export const CONCORD_BIN = join(
  packageRoot,
  (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { bin: { concord: string } }).bin
    .concord,
);
const cliEnv = (): NodeJS.ProcessEnv => {
  const env = { ...process.env };
  for (const k of [
    'CONCORD_LANG',
    'CONCORD_CODE_CACHE',
    'CONCORD_UNBUNDLED',
    'CONCORD_ORG_PATH',
    'LANG',
    'LC_ALL',
  ])
    delete env[k];
  return env;
};

/** How the CLI is loaded in this build (`code cache: used` when the script's V8 cache fits this Node). */
export function cliLoading(file: string): string {
  const p = spawnSync(process.execPath, [CONCORD_BIN, 'power', file, '--index', 'banzhaf'], {
    encoding: 'utf8',
    env: { ...cliEnv(), CONCORD_CODE_CACHE: 'verbose' },
  });
  return /^code cache: .*$/m.exec(p.stderr)?.[0] ?? 'code cache: (no word from the entry)';
}

/** A game file as `concord power FILE` reads it: the weighted game's players and its quota. */
export function gameFileJson(g: { weights: readonly number[]; quota: number }, name = 'bench'): string {
  return JSON.stringify({
    name,
    players: g.weights.map((w, i) => ({ id: `P${i + 1}`, w })),
    rule: { sum: 'w', atLeast: g.quota },
  });
}

/**
 * `concord power FILE [--index INDEX]` as a user runs it (CONCORD_BIN), whole process: wall
 * and CPU time (mean of up to 5 runs), peak memory, the computing time the CLI prints, and with
 * `values` the index's values from one more run with --json (to compare with EPIC's).
 */
export function runConcord(
  file: string,
  index: PowerIndexName | 'all',
  timeoutMs = 0,
  opts: { values?: boolean } = { values: true },
): Run {
  const args = [CONCORD_BIN, 'power', file, ...(index === 'all' ? [] : ['--index', index])];
  const runs = repeat(() => timedRun(process.execPath, args, timeoutMs, cliEnv()));
  const bad = runs.find((r) => !r.ok);
  if (bad)
    return {
      wallMs: bad.wallMs,
      cpuMs: null,
      computeMs: null,
      maxRssKb: null,
      values: null,
      note: bad.timedOut ? `over ${timeoutMs / 1000} s` : (bad.stderr.trim().split('\n')[0] ?? 'failed'),
    };
  const computed = runs
    .map((r) => /^method: .*; ([\d.]+) ms$/m.exec(r.stdout))
    .map((m) => (m ? Number(m[1]) : NaN));
  const notComputed =
    index === 'all' ? null : (/^note: .*not computed.*$/m.exec(runs[0]!.stdout)?.[0] ?? null);
  let values: number[] | null = null;
  if (opts.values && index !== 'all' && !notComputed) {
    const p = spawnSync(process.execPath, [...args, '--json'], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      env: cliEnv(),
    });
    if (p.status === 0) {
      const r = JSON.parse(p.stdout) as {
        winningCoalitions: string | null;
        players: Array<Record<string, unknown>>;
      };
      const field = INDEX_FIELD[index];
      values =
        index === 'passage'
          ? [Number(r.winningCoalitions)]
          : r.players.some((pl) => pl[field] === null)
            ? null
            : r.players.map((pl) => pl[field] as number);
    }
  }
  const cpus = runs.map((r) => r.cpuMs).filter((x): x is number => x !== null);
  const computeMs = computed.every(Number.isFinite) ? median(computed) : null;
  return {
    wallMs: median(runs.map((r) => r.wallMs)),
    cpuMs: cpus.length === runs.length ? mean(cpus) : null,
    computeMs,
    computeCpuMs: computeMs,
    maxRssKb: Math.max(...runs.map((r) => r.maxRssKb ?? 0)) || null,
    values,
    // "Johnston not computed: it needs every one of the …": the words before the reason
    note: notComputed ? notComputed.replace(/^note: /, '').split(':')[0]! : null,
  };
}

export function runEpic(
  bin: string,
  csv: string,
  quota: number,
  index: PowerIndexName,
  timeoutMs: number,
): Run {
  const args = ['-i', EPIC_INDEX[index], '-w', csv, '-q', String(quota), '--quiet'];
  const runs = repeat(() => timedRun(bin, args, timeoutMs));
  const bad = runs.find((r) => !r.ok);
  if (bad)
    return {
      wallMs: bad.wallMs,
      cpuMs: null,
      computeMs: null,
      maxRssKb: null,
      values: null,
      note: bad.timedOut
        ? `over ${timeoutMs / 1000} s`
        : `failed${/memory|alloc/i.test(`${bad.stdout}${bad.stderr}`) ? ' (memory)' : ''}`,
    };
  const lines = runs[0]!.stdout.split('\n').filter((l) => l.trim());
  const values = lines.filter((l) => /^P\d+:/.test(l)).map((l) => Number(l.split(':')[1]));
  const cpus = runs.map((r) => r.cpuMs).filter((x): x is number => x !== null);
  return {
    wallMs: median(runs.map((r) => r.wallMs)),
    cpuMs: cpus.length ? mean(cpus) : null,
    computeMs: null,
    maxRssKb: Math.max(...runs.map((r) => r.maxRssKb ?? 0)) || null,
    values: values.length ? values : [Number(lines[lines.length - 1])],
    note: null,
  };
}

/**
 * A bare Node process, `node -e 0`, measured as Concord's runs are (/usr/bin/time, mean of 10): the
 * part of Concord's whole-process time that is Node's start-up, not Concord's.
 */
export function startupFloor(): { wallMs: number; cpuMs: number } {
  // without /usr/bin/time, the CPU time the bare process reports of itself
  const runs = Array.from({ length: 10 }, () =>
    timedRun(
      process.execPath,
      TIME ? ['-e', '0'] : ['-e', 'const c = process.cpuUsage(); console.log((c.user + c.system) / 1000)'],
    ),
  );
  const cpus = runs.map((r) => r.cpuMs ?? Number(r.stdout.trim()));
  return { wallMs: median(runs.map((r) => r.wallMs)), cpuMs: mean(cpus) };
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

/** POWER_BENCH=quick|large: the two large games only; quick also skips EPIC's runs known to take over 10 s. */
const MODE = process.env.POWER_BENCH ?? '';

/** POWER_INDICES=banzhaf,passage,…: only these indices in part 1 (default: all nine). */
function indexFilter(): ReadonlySet<PowerIndexName> | null {
  return process.env.POWER_INDICES
    ? new Set(parseIndexList(process.env.POWER_INDICES, 'POWER_INDICES'))
    : null;
}

const ratio = (a: number | null, b: number | null) =>
  a === null || b === null ? '–' : (a / Math.max(b, 1)).toFixed(2);

function compareWithEpic(): void {
  const bin = process.env.EPIC_BIN;
  const epic = bin && existsSync(bin) ? bin : null;
  if (bin && !epic) console.log(`EPIC_BIN=${bin} does not exist: Concord's figures only`);
  if (!epic)
    console.log('(set EPIC_BIN=/path/to/epic to compare with EPIC; build: make all in jhstaudacher/EPIC)');
  const timeoutMs = Number(process.env.EPIC_TIMEOUT ?? 300) * 1000;
  const only = indexFilter();
  const games = benchmarkGames().filter((g) => !MODE || g.large);
  const dir = mkdtempSync(join(tmpdir(), 'concord-power-bench-'));
  try {
    console.log(
      `Whole processes: \`concord power GAME.json --index INDEX\` as a user runs it (${CONCORD_BIN.replace(`${packageRoot}/`, '')}; ${cliLoading(writeGame(dir, 'probe', games[0]!).json)}), and EPIC; wall ms (median) and CPU ms (user + system from /usr/bin/time, in steps of 10 ms: mean of up to 5 runs). "node -e 0" is a bare Node process measured the same way just before each game: the part of Concord's time that is Node's start-up; "over the floor" is Concord's CPU time minus it. The ratios are of CPU times. "computing" is the time the CLI prints after the method (wall); "estimate" the CLI's own forecast of it (src/cli/power-estimate.ts; a note is printed above 3,000 ms).`,
    );
    if (MODE === 'quick')
      console.log(
        "POWER_BENCH=quick: EPIC is not run where it took over 10 s in docs/rules.md's run (marked 'skipped').",
      );
    console.log(
      'game | index | Concord wall ms | Concord CPU ms | node -e 0 CPU ms | Concord over the floor | of which computing | estimate | peak MB | EPIC wall ms | EPIC CPU ms | EPIC peak MB | Concord / EPIC | over the floor / EPIC | values',
    );
    const summary: string[] = [];
    games.forEach((g, gi) => {
      const { json, csv } = writeGame(dir, `game${gi}`, g);
      const floor = startupFloor();
      const game = weightedGame(g.name, g.weights, g.quota);
      let epicCpuTotal = 0;
      let epicAll = true;
      for (const index of g.indices) {
        if (only && !only.has(index)) continue;
        const c = runConcord(json, index, 0, { values: Boolean(epic) });
        const slow = MODE === 'quick' && g.epicSlow?.[index];
        const e = epic && !slow ? runEpic(epic, csv, g.quota, index, timeoutMs) : null;
        if (!e || e.note !== null || e.cpuMs === null) epicAll = false;
        else epicCpuTotal += e.cpuMs;
        const over = c.cpuMs === null ? null : c.cpuMs - floor.cpuMs;
        const both = e && e.note === null && c.note === null;
        const estimate = powerEstimateMs(game, { indices: [index] });
        console.log(
          [
            g.name,
            index,
            c.note ? `– (${c.note})` : fmtMs(c.wallMs),
            fmtMs(c.cpuMs),
            fmtMs(floor.cpuMs),
            fmtMs(over),
            fmtMs(c.computeMs),
            fmtMs(estimate),
            fmtMb(c.maxRssKb),
            e ? (e.note ? `– (${e.note})` : fmtMs(e.wallMs)) : slow ? `– (skipped: ${slow})` : '–',
            fmtMs(e?.cpuMs ?? null),
            fmtMb(e?.maxRssKb ?? null),
            both ? ratio(c.cpuMs, e.cpuMs) : '–',
            both ? ratio(over, e.cpuMs) : '–',
            agree(c.values, e?.values ?? null),
          ].join(' | '),
        );
        if (g.large && both && c.cpuMs !== null && e.cpuMs !== null && c.cpuMs > e.cpuMs)
          summary.push(
            `${g.name} ${index}: Concord / EPIC = ${ratio(c.cpuMs, e.cpuMs)} (${fmtMs(c.cpuMs)} against ${fmtMs(e.cpuMs)} ms CPU); over the floor of ${fmtMs(floor.cpuMs)} ms, ${fmtMs(over)} ms = ${ratio(over, e.cpuMs)}× EPIC's whole run`,
          );
        if (g.large && e && e.note !== null && c.note === null)
          summary.push(`${g.name} ${index}: Concord exact, EPIC ${e.note}`);
      }
      if (g.indices.length > 1 && !only) {
        const c = runConcord(json, 'all', 0, { values: false });
        const over = c.cpuMs === null ? null : c.cpuMs - floor.cpuMs;
        console.log(
          [
            g.name,
            'all, one process',
            fmtMs(c.wallMs),
            fmtMs(c.cpuMs),
            fmtMs(floor.cpuMs),
            fmtMs(over),
            fmtMs(c.computeMs),
            fmtMs(powerEstimateMs(game)),
            fmtMb(c.maxRssKb),
            '–',
            epic ? `${epicAll ? '' : '≥ '}${fmtMs(epicCpuTotal)} (sum of the runs)` : '–',
            '–',
            epic ? ratio(c.cpuMs, epicCpuTotal) : '–',
            epic ? ratio(over, epicCpuTotal) : '–',
            '',
          ].join(' | '),
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

/** The game as a CLI game file (JSON) and as EPIC's weights file (CSV). */
export function writeGame(dir: string, base: string, g: BenchGame): { json: string; csv: string } {
  const json = join(dir, `${base}.json`);
  const csv = join(dir, `${base}.csv`);
  writeFileSync(json, gameFileJson(g, g.name));
  writeFileSync(csv, `${g.weights.join('\n')}\n`);
  return { json, csv };
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
    if (MODE) return;

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
