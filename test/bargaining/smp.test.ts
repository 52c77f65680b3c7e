/**
 * Golden tests of KTAB's Spatial Model of Politics (src/bargaining/smp.ts) against KTAB's own
 * reference runs, examples/smp/doc/20170530_ref-*.txt in the KTAB repository (KAPSARC, MIT licence;
 * read at commit 3b5b063 of lsyaseen/KTAB, a copy of KAPSARC/KTAB). The numbers KTAB printed were
 * extracted from those logs into test/fixtures/ktab/ref-*.json (no KTAB code or log is in this
 * repository): the positions of every actor in every state (%5.1f on 0–100), the probability that
 * each actor's position wins in every state (%.4f), the risk attitudes of every state (%.3f), every
 * challenge of every turn (target, expected gain %.3f, both sides' estimates of the probability and
 * of the gains %.4f), the first bargains (%.3f), and the stop ratio of every turn (%.4f).
 * The inputs are KTAB's CSVs as shipped (test/fixtures/import/ktab-*.csv), read with Concord's KTAB
 * importer.
 *
 * - SOE-Pol-Comp (13 actors × 2 dimensions, 28 states) and dummyData_3Dim (7 × 3, 11 states), KTAB's
 *   defaults: reproduced in full. Numbers are printed as C's printf does (a tie such as 43.25 goes
 *   to the even digit, 43.2), not as JavaScript's toFixed (43.3).
 * - smpExample (5 × 3) runs KTAB's "Stochastic" transitions, whose draws KTAB takes from its own
 *   generator in the order its threads happen to run (so not even KTAB reproduces them), with an
 *   ideal-accommodation matrix Concord does not implement: only what precedes the first draw is
 *   compared — state 0's risk attitudes and win probabilities (MarkovIncentive elections, PropCbc
 *   votes) and every challenge and bargain of turn 0.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecastAll, SMP_DEFAULT_MAX_ACTORS } from '../../src/bargaining/forecast.js';
import { type SmpInput, type SmpOptions, type SmpResult, smpModel } from '../../src/bargaining/smp.js';
import { parseKtab } from '../../src/scenario/import/ktab.js';
import { resolveScenario } from '../../src/scenario/resolve.js';
import { ScenarioFileSchema } from '../../src/scenario/schema.js';

interface Ref {
  source: string;
  states: number;
  positions: Record<string, number[][]>;
  win: Record<string, number[]>;
  risk: number[][];
  ratios: number[];
  turns: Array<{
    turn: number;
    challenges: Array<{
      i: number;
      j: number;
      worth: number;
      est: Array<[number, number, number, number]>;
      bargain: [number[], number[]] | null;
    }>;
  }>;
  input?: {
    capability: number[];
    position: number[];
    salience: number[];
    dims: number;
    parameters: Record<string, string>;
  };
}

const ref = (name: string): Ref =>
  JSON.parse(readFileSync(`test/fixtures/ktab/ref-${name}.json`, 'utf8')) as Ref;

/** C's printf("%.{k}f"): the nearest decimal, an exact tie to the even digit. */
function printf(x: number, k: number): string {
  const s = x.toFixed(k);
  const exact = Math.abs(x).toFixed(Math.min(100, k + 30));
  const tail = exact.slice(exact.indexOf('.') + 1 + k);
  if (/^50*$/.test(tail)) {
    // exact tie: toFixed rounded away from zero; printf rounds to even
    const down = (Math.sign(x) * Math.floor(Math.abs(x) * 10 ** k)) / 10 ** k;
    const lastDigit = Math.round(Math.abs(down) * 10 ** k) % 10;
    if (lastDigit % 2 === 0) return down.toFixed(k);
  }
  return s;
}

function csvInput(file: string): { input: SmpInput; names: string[] } {
  const f = parseKtab(readFileSync(file, 'utf8'), file);
  const names = Object.keys(f.actors ?? {});
  const issue = f.issues[0]!;
  const D = issue.dimensions?.length ?? 1;
  const n = names.length;
  const position = new Float64Array(n * D);
  const salience = new Float64Array(n * D);
  const capability = new Float64Array(n);
  names.forEach((id, a) => {
    capability[a] = f.actors![id]!.capability!;
    const p = issue.positions![id] as { position: number | number[]; salience: number | number[] };
    for (let d = 0; d < D; d++) {
      position[a * D + d] = (Array.isArray(p.position) ? p.position[d]! : p.position) / 100;
      salience[a * D + d] = Array.isArray(p.salience) ? p.salience[d]! : p.salience;
    }
  });
  return { input: { n, dims: D, position, salience, capability }, names };
}

function states(r: SmpResult) {
  return [...r.turns.map((t) => t.from), r.final];
}

function expectFullRun(r: SmpResult, R: Ref, names: string[]): void {
  const D = r.dims;
  const ss = states(r);
  expect(ss.length).toBe(R.states);
  expect(r.stop).toBe('quiet');
  const refNames = Object.keys(R.positions);
  expect(refNames).toEqual(names);
  names.forEach((name, a) => {
    for (let d = 0; d < D; d++) {
      expect(
        ss.map((s) => printf(s.position[a * D + d]! * 100, 1)),
        `${name} dim ${d}`,
      ).toEqual(R.positions[name]![d]!.map((x) => x.toFixed(1)));
    }
    expect(
      ss.map((s) => printf(s.winProbability[a]!, 4)),
      `${name} win probability`,
    ).toEqual(R.win[name]!.map((x) => x.toFixed(4)));
  });
  R.risk.forEach((rk, t) => {
    expect(
      Array.from(ss[t]!.risk, (x) => printf(x, 3)),
      `risk, state ${t}`,
    ).toEqual(rk.map((x) => x.toFixed(3)));
  });
  expect(r.turns.map((t) => printf(t.ratio, 4))).toEqual(R.ratios.map((x) => x.toFixed(4)));
  R.turns.forEach((T, t) => {
    const mine = r.turns[t]!;
    const challengers = mine.challenges.filter((c) => c !== null).map((c) => c.initiator);
    expect(
      challengers.sort((x, y) => x - y),
      `challengers of turn ${t}`,
    ).toEqual(T.challenges.map((c) => c.i).sort((x, y) => x - y));
    for (const c of T.challenges) {
      const m = mine.challenges[c.i]!;
      expect(m.target, `turn ${t}, target of ${c.i}`).toBe(c.j);
      expect(printf(m.gain, 3)).toBe(c.worth.toFixed(3));
      const [e0, e1, e2, e3] = c.est;
      expect([printf(m.pWin, 4), printf(m.gain, 4)]).toEqual([e0![1].toFixed(4), e0![3].toFixed(4)]);
      expect(printf(m.targetChange, 4)).toBe(e1![3].toFixed(4));
      expect([printf(m.targetPWin, 4), printf(m.targetGainEstimate, 4)]).toEqual([
        e2![1].toFixed(4),
        e2![3].toFixed(4),
      ]);
      expect(e3).toBeDefined();
      if (c.bargain) {
        const b = mine.bargains[m.bargain]!;
        expect(Array.from(b.posInit, (x) => printf(x * 100, 3))).toEqual(
          c.bargain[0].map((x) => x.toFixed(3)),
        );
        expect(Array.from(b.posRcvr, (x) => printf(x * 100, 3))).toEqual(
          c.bargain[1].map((x) => x.toFixed(3)),
        );
      }
    }
  });
}

describe("KTAB's SMP reference runs", () => {
  it('SOE-Pol-Comp (13 actors × 2 dimensions): every state, challenge and bargain as KTAB printed them', () => {
    const { input, names } = csvInput('test/fixtures/import/ktab-SOE-Pol-Comp.csv');
    const r = smpModel(input);
    expectFullRun(r, ref('SOE-Pol-Comp'), names);
  });

  it('dummyData_3Dim (7 actors × 3 dimensions): every state, challenge and bargain as KTAB printed them', () => {
    const { input, names } = csvInput('test/fixtures/import/ktab-dummyData_3Dim.csv');
    const r = smpModel(input);
    expectFullRun(r, ref('dummyData_3Dim'), names);
  });

  it('smpExample (Stochastic, MarkovIncentive, PropCbc): state 0 and turn 0, before the first draw', () => {
    const R = ref('smpExample');
    const x = R.input!;
    const n = x.capability.length;
    const opts: SmpOptions = {
      victoryProbModel: x.parameters.VictoryProbModel as SmpOptions['victoryProbModel'],
      pceModel: x.parameters.PCEModel as SmpOptions['pceModel'],
      stateTransitions: x.parameters.StateTransitions as SmpOptions['stateTransitions'],
      votingRule: x.parameters.VotingRule as SmpOptions['votingRule'],
      bigRAdjust: x.parameters.BigRAdjust as SmpOptions['bigRAdjust'],
      bigRRange: x.parameters.BigRRange as SmpOptions['bigRRange'],
      thirdPartyCommit: x.parameters.ThirdPartyCommit as SmpOptions['thirdPartyCommit'],
      interVecBrgn: x.parameters.InterVecBrgn as SmpOptions['interVecBrgn'],
      bargainModel: x.parameters.BargnModel as SmpOptions['bargainModel'],
      seed: 1,
    };
    const r = smpModel(
      {
        n,
        dims: x.dims,
        position: x.position.map((p) => p / 100),
        salience: x.salience.map((s) => s / 100),
        capability: x.capability,
      },
      opts,
    );
    const s0 = r.turns[0]!.from;
    expect(Array.from(s0.risk, (v) => printf(v, 3))).toEqual(R.risk[0]!.map((v) => v.toFixed(3)));
    expect(Array.from(s0.winProbability, (v) => printf(v, 4))).toEqual(
      Object.values(R.win).map((w) => w[0]!.toFixed(4)),
    );
    const T = R.turns[0]!;
    for (const c of T.challenges) {
      const m = r.turns[0]!.challenges[c.i]!;
      expect(m.target).toBe(c.j);
      expect([printf(m.pWin, 4), printf(m.gain, 4), printf(m.targetChange, 4)]).toEqual([
        c.est[0]![1].toFixed(4),
        c.est[0]![3].toFixed(4),
        c.est[1]![3].toFixed(4),
      ]);
      expect([printf(m.targetPWin, 4), printf(m.targetGainEstimate, 4)]).toEqual([
        c.est[2]![1].toFixed(4),
        c.est[2]![3].toFixed(4),
      ]);
      const b = r.turns[0]!.bargains[m.bargain]!;
      expect(Array.from(b.posInit, (v) => printf(v * 100, 3))).toEqual(
        c.bargain![0].map((v) => v.toFixed(3)),
      );
    }
    expect(r.turns[0]!.challenges.filter((c) => c).length).toBe(T.challenges.length);
  });

  it('printf rounds exact ties to even, as C does', () => {
    expect(printf(43.25, 1)).toBe('43.2');
    expect(printf(43.35, 1)).toBe((43.35).toFixed(1)); // 43.35 is not exactly representable
    expect(printf(0.125, 2)).toBe('0.12');
    expect(printf(0.375, 2)).toBe('0.38');
  });
});

// ───────────────────────── invariants ─────────────────────────

const arbInput = fc
  .record({ n: fc.integer({ min: 2, max: 7 }), dims: fc.integer({ min: 1, max: 3 }) })
  .chain(({ n, dims }) =>
    fc.record({
      n: fc.constant(n),
      dims: fc.constant(dims),
      position: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: n * dims, maxLength: n * dims }),
      salience: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: n * dims, maxLength: n * dims }),
      capability: fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: n, maxLength: n }),
    }),
  )
  .map(({ n, dims, position, salience, capability }) => {
    const sal = new Float64Array(n * dims);
    for (let a = 0; a < n; a++) {
      let s = 0;
      for (let d = 0; d < dims; d++) s += salience[a * dims + d]!;
      for (let d = 0; d < dims; d++) sal[a * dims + d] = salience[a * dims + d]! / Math.max(s, 100);
    }
    return {
      n,
      dims,
      position: Float64Array.from(position, (p) => p / 100),
      salience: sal,
      capability: Float64Array.from(capability),
    } satisfies SmpInput;
  });

describe('SMP invariants', () => {
  it('positions stay in the hull of the start positions (so in the scale), probabilities are distributions, the run stops', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const r = smpModel(input);
        const D = input.dims;
        expect(r.turns.length).toBeGreaterThanOrEqual(1);
        expect(r.turns.length).toBeLessThanOrEqual(100);
        for (let d = 0; d < D; d++) {
          let lo = 1;
          let hi = 0;
          for (let a = 0; a < input.n; a++) {
            lo = Math.min(lo, input.position[a * D + d]!);
            hi = Math.max(hi, input.position[a * D + d]!);
          }
          for (const s of [...r.turns.map((t) => t.from), r.final])
            for (let a = 0; a < input.n; a++) {
              const p = s.position[a * D + d]!;
              expect(p).toBeGreaterThanOrEqual(lo - 1e-4);
              expect(p).toBeLessThanOrEqual(hi + 1e-4);
            }
          expect(r.forecast[d]!).toBeGreaterThanOrEqual(lo - 1e-4);
          expect(r.forecast[d]!).toBeLessThanOrEqual(hi + 1e-4);
        }
        for (const t of r.turns) {
          for (const c of t.choices) {
            expect(c.probability).toBeGreaterThan(0);
            expect(c.probability).toBeLessThanOrEqual(1);
          }
          for (const x of t.from.risk) {
            expect(x).toBeGreaterThanOrEqual(-0.5 - 1e-12);
            expect(x).toBeLessThanOrEqual(1 + 1e-12);
          }
          for (const c of t.challenges) if (c) expect(c.gain).toBeGreaterThan(1e-5);
          // an actor moves only to a bargain it is party to
          t.choices.forEach((c, k) => {
            if (c.bargain >= 0) {
              const b = t.bargains[c.bargain]!;
              expect(b.initiator === k || b.receiver === k).toBe(true);
            }
          });
        }
      }),
      { numRuns: 60 },
    );
  });

  it('does not depend on the order of the actors (deterministic transitions, positions apart)', () => {
    fc.assert(
      fc.property(arbInput, fc.integer({ min: 0, max: 1000 }), (input, seed) => {
        const n = input.n;
        const D = input.dims;
        // a rotation of the actors
        const k = seed % n;
        const perm = Array.from({ length: n }, (_, i) => (i + k) % n);
        const pick = (arr: ArrayLike<number>, w: number) =>
          Float64Array.from({ length: n * w }, (_, x) => arr[perm[Math.floor(x / w)]! * w + (x % w)]!);
        const r1 = smpModel(input);
        const r2 = smpModel({
          n,
          dims: D,
          position: pick(input.position, D),
          salience: pick(input.salience, D),
          capability: pick(input.capability, 1),
        });
        // same first turn, actor by actor
        const t1 = r1.turns[0]!;
        const t2 = r2.turns[0]!;
        for (let a = 0; a < n; a++)
          expect(t2.from.winProbability[a]!).toBeCloseTo(t1.from.winProbability[perm[a]!]!, 9);
      }),
      { numRuns: 40 },
    );
  });

  it('a lone actor with all the capability and salience barely moves; equal actors at one point stay there', () => {
    const r = smpModel({
      n: 3,
      dims: 1,
      position: [0.5, 0.5, 0.5],
      salience: [0.5, 0.5, 0.5],
      capability: [1, 1, 1],
    });
    expect(Array.from(r.final.position)).toEqual([0.5, 0.5, 0.5]);
    expect(r.forecast[0]).toBeCloseTo(0.5, 12);
    expect(r.turns[0]!.challenges.every((c) => c === null)).toBe(true);
  });

  it('Stochastic transitions are reproducible from the seed', () => {
    const input = {
      n: 4,
      dims: 2,
      position: [0.1, 0.9, 0.5, 0.5, 0.9, 0.2, 0.3, 0.3],
      salience: [0.5, 0.4, 0.6, 0.3, 0.2, 0.7, 0.5, 0.5],
      capability: [3, 2, 2, 1],
    };
    const a = smpModel(input, { stateTransitions: 'Stochastic', seed: 7 });
    const b = smpModel(input, { stateTransitions: 'Stochastic', seed: 7 });
    expect(Array.from(a.final.position)).toEqual(Array.from(b.final.position));
    expect(a.turns.length).toBe(b.turns.length);
  });

  it('every KTAB parameter runs', () => {
    const input = {
      n: 5,
      dims: 2,
      position: [0.1, 0.9, 0.5, 0.5, 0.9, 0.2, 0.3, 0.3, 0.7, 0.6],
      salience: [0.5, 0.4, 0.6, 0.3, 0.2, 0.7, 0.5, 0.5, 0.3, 0.3],
      capability: [3, 2, 2, 1, 4],
    };
    const variants: SmpOptions[] = [
      { victoryProbModel: 'Square' },
      { victoryProbModel: 'Quartic' },
      { victoryProbModel: 'Octic' },
      { victoryProbModel: 'Binary' },
      { pceModel: 'MarkovIncentive' },
      { pceModel: 'MarkovUniform' },
      { votingRule: 'Binary' },
      { votingRule: 'PropBin' },
      { votingRule: 'PropCbc' },
      { votingRule: 'Cubic' },
      { votingRule: 'ASymProsp' },
      { bigRAdjust: 'None' },
      { bigRAdjust: 'Half' },
      { bigRAdjust: 'TwoThirds' },
      { bigRAdjust: 'Full' },
      { bigRRange: 'Min' },
      { bigRRange: 'Max' },
      { thirdPartyCommit: 'NoCommit' },
      { thirdPartyCommit: 'FullCommit' },
      { interVecBrgn: 'S1P1' },
      { interVecBrgn: 'S2PMax' },
      { bargainModel: 'InitRcvrInterp' },
      { bargainModel: 'PWCompInterp' },
      { maxTurns: 3, minDeltaRatio: 0 },
    ];
    const base = smpModel(input);
    for (const v of variants) {
      const r = smpModel(input, v);
      for (const x of r.final.position) {
        expect(x).toBeGreaterThanOrEqual(0.1 - 1e-9);
        expect(x).toBeLessThanOrEqual(0.9 + 1e-9);
      }
      expect(r.options).toMatchObject(v);
    }
    expect(smpModel(input, { maxTurns: 3, minDeltaRatio: 0 }).turns.length).toBe(3);
    expect(base.options.victoryProbModel).toBe('Linear');
    expect(() => smpModel(input, { votingRule: 'Nope' as never })).toThrow(/votingRule/);
  });
});

describe('SMP among the other models', () => {
  const big = (n: number) =>
    resolveScenario(
      ScenarioFileSchema.parse({
        id: 'big',
        rule: 'consensus',
        actors: Object.fromEntries(
          Array.from({ length: n }, (_, i) => [`A${i}`, { capability: 1 + (i % 5) }]),
        ),
        issues: [
          {
            id: 'x',
            statusQuo: 0,
            positions: Object.fromEntries(
              Array.from({ length: n }, (_, i) => [`A${i}`, { position: (i * 37) % 101, salience: 0.5 }]),
            ),
          },
        ],
      }),
    );
  it('runs by default up to SMP_DEFAULT_MAX_ACTORS actors, beyond that only when named', () => {
    const s = big(SMP_DEFAULT_MAX_ACTORS + 1);
    const [byDefault] = forecastAll(s, {});
    expect(byDefault!.smp).toBeNull();
    expect(byDefault!.notes.smp).toMatch(/not run by default on 61 actors/);
    expect(byDefault!.compromise).not.toBeNull();
    const [named] = forecastAll(s, { models: ['smp'] });
    expect(named!.smp!.run.n).toBe(61);
    const [small] = forecastAll(big(12), {});
    expect(small!.smp!.outcome[0]).toBeGreaterThanOrEqual(0);
  });
});
