/**
 * `npm run bench -- power-epic`: EPIC's own test games, index by index, Concord against EPIC.
 *
 * The games EPIC ships in `test_cases/` (github.com/jhstaudacher/EPIC: the AIIB's votes, 87
 * members; 266 to 3,434 players with precoalitions ignored, quotas 50% and 75%; uniform, normal and
 * linear weights up to 2,000 players), each index Concord and EPIC both compute (`EPIC_INDEX` of
 * ./power.bench.ts), one whole process per run (up to 5 runs below 1 s, 3 below 3 s): Concord's
 * CPU time as a user runs it (`concord power GAME.json --index NAME`, package.json's "bin"), of which
 * computing (the time the CLI prints), its peak memory; EPIC's CPU time and peak memory; the ratios
 * (whole process, and Concord's computing alone against EPIC's whole process: Node's own start-up,
 * `node -e 0`, is printed as the floor, and exceeds EPIC's whole run on the small games); whether
 * the values agree to EPIC's printed precision (6 significant digits).
 *
 * Where: `EPIC_CASES=…/test_cases`, else `test_cases/` next to `EPIC_BIN` (or one folder up). With
 * `EPIC_CASES` and no `EPIC_BIN`: Concord's figures only. `EPIC_CASE_INDICES=banzhaf,holler,…`
 * (default: all nine), `EPIC_CASE_FILTER=REGEX` (game names), `EPIC_TIMEOUT=SECONDS` per run
 * (default 60, both programs). A program that ran out of time on an index is not run again on a
 * game of the same family and quota (in percent of the total) at least as large (as many players
 * or more, as much weight or more; the games run in that order): it would only run out again.
 * Prints figures; never fails on timing.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { POWER_INDEX_NAMES, type PowerIndexName, parseIndexList } from '../src/power/indices.js';
import {
  agree,
  type BenchGame,
  epicCases,
  fmtMb,
  fmtMs,
  type Run,
  runConcord,
  runEpic,
  startupFloor,
  writeGame,
} from './power.bench.js';
import type { Benchmark } from './run.js';

function casesDir(bin: string | null): string | null {
  if (process.env.EPIC_CASES) return existsSync(process.env.EPIC_CASES) ? process.env.EPIC_CASES : null;
  if (!bin) return null;
  for (const d of [join(dirname(bin), 'test_cases'), join(dirname(bin), '..', 'test_cases')])
    if (existsSync(d)) return d;
  return null;
}

const total = (g: BenchGame) => g.weights.reduce((a, b) => a + b, 0);
/**
 * The family of a test game (the precoalition games, uniform, normal, linear) and its quota in
 * percent of the total: a higher quota can be faster (a smaller table), so it is a family of its own.
 */
const family = (g: BenchGame) =>
  `${/^\d+players/.test(g.name) ? 'players' : g.name.split('.')[0]!} ${Math.round((100 * g.quota) / total(g))}%`;

export const benchmark: Benchmark = {
  name: 'power-epic',
  description:
    "EPIC's shipped test games (test_cases/), index by index: Concord's CPU time and memory against EPIC's (EPIC_BIN, EPIC_CASES)",
  run() {
    const bin = process.env.EPIC_BIN && existsSync(process.env.EPIC_BIN) ? process.env.EPIC_BIN : null;
    if (process.env.EPIC_BIN && !bin) console.log(`EPIC_BIN=${process.env.EPIC_BIN} does not exist`);
    const dir = casesDir(bin);
    if (!dir) {
      console.log(
        "EPIC's test games not found: set EPIC_CASES=/path/to/EPIC/test_cases (github.com/jhstaudacher/EPIC), and EPIC_BIN=/path/to/epic to compare",
      );
      return;
    }
    if (!bin) console.log("(no EPIC_BIN: Concord's figures only)");
    const indices = process.env.EPIC_CASE_INDICES
      ? parseIndexList(process.env.EPIC_CASE_INDICES, 'EPIC_CASE_INDICES')
      : POWER_INDEX_NAMES;
    const filter = process.env.EPIC_CASE_FILTER ? new RegExp(process.env.EPIC_CASE_FILTER) : null;
    const timeoutMs = Number(process.env.EPIC_TIMEOUT ?? 60) * 1000;
    const games = epicCases(dir, indices)
      .filter((g) => !filter || filter.test(g.name))
      .sort((a, b) => a.weights.length - b.weights.length || total(a) - total(b) || a.quota - b.quota);
    const floor = startupFloor();
    console.log(
      `start-up floor: node -e 0 takes ${fmtMs(floor.cpuMs)} ms CPU (${fmtMs(floor.wallMs)} ms wall) before Concord loads or computes anything; CPU times from /usr/bin/time count in steps of 10 ms`,
    );
    console.log(
      'game | players | total weight | quota | index | Concord CPU ms | of which computing | Concord peak MB | EPIC CPU ms | EPIC peak MB | Concord / EPIC | computing / EPIC | values',
    );
    // (family, index) → the games on which a program ran out of time
    const outOfTime = { concord: new Map<string, BenchGame[]>(), epic: new Map<string, BenchGame[]>() };
    const covered = (who: 'concord' | 'epic', g: BenchGame, index: PowerIndexName) =>
      (outOfTime[who].get(`${family(g)} ${index}`) ?? []).some(
        (h) => h.weights.length <= g.weights.length && total(h) <= total(g),
      );
    const remember = (who: 'concord' | 'epic', g: BenchGame, index: PowerIndexName) => {
      const key = `${family(g)} ${index}`;
      outOfTime[who].set(key, [...(outOfTime[who].get(key) ?? []), g]);
    };
    const slower: string[] = [];
    const notExact: string[] = [];
    const tmp = mkdtempSync(join(tmpdir(), 'concord-power-epic-'));
    try {
      games.forEach((g, gi) => {
        const { json, csv } = writeGame(tmp, `game${gi}`, g);
        for (const index of g.indices) {
          const skipped = (who: string): Run => ({
            wallMs: 0,
            cpuMs: null,
            computeMs: null,
            maxRssKb: null,
            values: null,
            note: `skipped: ${who} ran over ${timeoutMs / 1000} s on a smaller game`,
          });
          const c = covered('concord', g, index) ? skipped('Concord') : runConcord(json, index, timeoutMs);
          if (c.note?.startsWith('over')) remember('concord', g, index);
          const e = bin
            ? covered('epic', g, index)
              ? skipped('EPIC')
              : runEpic(bin, csv, g.quota, index, timeoutMs)
            : null;
          if (e?.note?.startsWith('over')) remember('epic', g, index);
          const both = e && e.note === null && c.note === null && e.cpuMs !== null && c.cpuMs !== null;
          const ratio = both ? c.cpuMs! / Math.max(e.cpuMs!, 1) : null;
          const alone = both && c.computeCpuMs != null ? c.computeCpuMs / Math.max(e.cpuMs!, 1) : null;
          console.log(
            [
              g.name,
              g.weights.length,
              total(g),
              g.quota,
              index,
              c.note ? `– (${c.note})` : fmtMs(c.cpuMs),
              fmtMs(c.computeCpuMs ?? null),
              fmtMb(c.maxRssKb),
              e ? (e.note ? `– (${e.note})` : fmtMs(e.cpuMs)) : '–',
              fmtMb(e?.maxRssKb ?? null),
              ratio === null ? '–' : ratio.toFixed(2),
              alone === null ? '–' : alone.toFixed(2),
              agree(c.values, e?.values ?? null),
            ].join(' | '),
          );
          if (ratio !== null && ratio > 1)
            slower.push(
              `${g.name} ${index}: ${fmtMs(c.cpuMs)} ms against ${fmtMs(e!.cpuMs)} (${ratio.toFixed(2)}×; computing alone ${fmtMs(c.computeCpuMs ?? null)} ms, ${alone?.toFixed(2)}×)`,
            );
          if (e && e.note === null && c.note !== null)
            notExact.push(`${g.name} ${index}: EPIC exact, Concord ${c.note}`);
        }
      });
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    if (!bin) return;
    console.log(
      slower.length
        ? `Concord's whole process slower than EPIC's (CPU):\n  ${slower.join('\n  ')}`
        : "every index both computed: Concord's whole process at or below EPIC's (CPU)",
    );
    console.log(
      notExact.length
        ? `EPIC exact where Concord is not:\n  ${notExact.join('\n  ')}`
        : 'every index EPIC computed exactly, Concord computed exactly too',
    );
  },
};
