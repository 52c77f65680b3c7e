/**
 * The expected-utility model's `scholz` variant against reference trajectories computed by running
 * the public replication of Scholz, Calbert & Smith's code (dmasad/bdm-scholz-expected-utility-model
 * at d7c7bbab, a Python 3 port of jmckib/bdm-scholz-expected-utility-model; how the fixture was made
 * is in its `source` field), the tolerance that decides "same position", and the 16 combinations.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EUM_CHOICES,
  eumChoices,
  eumSensitivity,
  expectedUtility,
  SAME_POSITION,
} from '../../src/bargaining/eum.js';
import { run } from '../helpers/cli.js';
import { simple } from '../helpers/scenarios.js';

interface RefCase {
  actors: Array<{ name: string; c: number; s: number; x: number }>;
  trajectory: Array<{
    round: number;
    positions: Record<string, number>;
    risk?: Record<string, number>;
    median: number;
    mean: number;
  }>;
}
const REF = JSON.parse(
  readFileSync(new URL('../fixtures/bargaining/scholz-replication.json', import.meta.url), 'utf8'),
) as { car: RefCase; random: RefCase[] };

function runCase(cs: RefCase, opts = {}) {
  const n = cs.actors.length;
  return expectedUtility(
    n,
    cs.actors.map((a) => a.x),
    cs.actors.map((a) => a.c),
    cs.actors.map((a) => a.s),
    new Uint8Array(n).fill(1),
    0,
    100,
    { variant: 'scholz', maxRounds: 10, tolerance: 0, trace: true, ...opts },
  )!;
}

function expectMatches(cs: RefCase) {
  const r = runCase(cs);
  expect(r.rounds).toBe(10);
  expect(r.history).toHaveLength(cs.trajectory.length);
  cs.trajectory.forEach((t, k) => {
    cs.actors.forEach((a, i) => {
      expect(Math.abs(r.history![k]![i]! - t.positions[a.name]!)).toBeLessThan(1e-9);
      if (t.risk) expect(Math.abs(r.risks![k]![i]! - t.risk[a.name]!)).toBeLessThan(1e-9);
    });
    expect(Math.abs(r.medians![k]! - t.median)).toBeLessThan(1e-9);
    expect(Math.abs(r.means![k]! - t.mean)).toBeLessThan(1e-9);
  });
}

describe('the scholz variant reproduces the public replication', () => {
  it('car emissions: positions, risk exponents, median and mean in each of 10 rounds (to 1e-9)', () => {
    expectMatches(REF.car);
    // the replication's round 1: Belgium compromises with France to 8.4159…, Luxembourg moves to 7, Ireland to 4
    const r = runCase(REF.car);
    expect(r.history![1]![1]).toBeCloseTo(8.415932315426764, 12);
    expect(r.history![1]![2]).toBe(7);
    expect(r.history![1]![7]).toBe(4);
  });

  it.each(REF.random.map((c, k) => [k, c] as const))('random case %i, round by round (to 1e-9)', (_k, cs) => {
    expectMatches(cs);
  });

  it('the text variant does not reproduce it (the choices matter)', () => {
    const r = runCase(REF.car, { variant: 'text' });
    const last = REF.car.trajectory[10]!;
    const diff = Math.max(
      ...REF.car.actors.map((a, i) => Math.abs(r.history![10]![i]! - last.positions[a.name]!)),
    );
    expect(diff).toBeGreaterThan(0.1);
  });

  it('through the CLI: forecast car.yaml --model eum --eum-variant scholz --max-rounds 10 --trace --json', async () => {
    const res = await run(
      'forecast',
      'scenarios/examples/car.yaml',
      '--model',
      'eum',
      '--eum-variant',
      'scholz',
      '--max-rounds',
      '10',
      '--trace',
      '--json',
    );
    expect(res.code).toBe(0);
    const eum = JSON.parse(res.out).issues[0].models.eum;
    expect(eum.variant).toBe('scholz');
    expect(eum.rounds).toBe(10);
    expect(eum.trace).toHaveLength(11);
    const ids = ['NLD', 'BEL', 'LUX', 'DEU', 'FRA', 'ITA', 'GBR', 'IRL', 'DNK', 'GRC'];
    REF.car.trajectory.forEach((t, k) => {
      expect(eum.trace[k].round).toBe(k);
      REF.car.actors.forEach((a, i) => {
        expect(Math.abs(eum.trace[k].positions[ids[i]!] - t.positions[a.name]!)).toBeLessThan(1e-9);
      });
      expect(Math.abs(eum.trace[k].median - t.median)).toBeLessThan(1e-9);
      expect(Math.abs(eum.trace[k].mean - t.mean)).toBeLessThan(1e-9);
    });
  });
});

describe('choices (a)–(d)', () => {
  it('the variant sets the defaults and each choice can be set on its own', () => {
    expect(eumChoices()).toEqual(EUM_CHOICES.text);
    expect(eumChoices({ variant: 'scholz' })).toEqual(EUM_CHOICES.scholz);
    expect(eumChoices({ variant: 'scholz', selection: 'smallest-move' })).toEqual({
      ...EUM_CHOICES.scholz,
      selection: 'smallest-move',
    });
  });

  it('the scenario file sets them (modelOptions.eum), the command line overrides', async () => {
    const res = await run('forecast', 'scenarios/examples/car.yaml', '--model', 'eum', '--json');
    expect(JSON.parse(res.out).issues[0].models.eum.variant).toBe('text');
  });

  it('the 16 combinations on the car case: 7 in seven, 10 in seven (to 1e-5), 5.69 and 6.48 in the others', () => {
    const s = simple(
      REF.car.actors.map((a) => ({ id: a.name, x: a.x, s: a.s, c: a.c })),
      { scale: [1, 10] },
    );
    const sens = eumSensitivity(s.issues[0]!, s.capability)!;
    const outs = sens.combinations.map((c) => c.outcome!);
    expect(outs.filter((v) => Math.abs(v - 7) < 1e-9)).toHaveLength(7);
    expect(outs.filter((v) => Math.abs(v - 10) < 1e-5)).toHaveLength(7);
    expect(outs.filter((v) => Math.abs(v - 5.688) < 1e-3)).toHaveLength(1);
    expect(outs.filter((v) => Math.abs(v - 6.477) < 1e-3)).toHaveLength(1);
    expect(sens.min).toBeCloseTo(5.688269, 5);
    expect(sens.median).toBe(7);
    expect(sens.max).toBeCloseTo(10, 9);
    expect(sens.moving).toEqual(['probability', 'perspective', 'voterRisk', 'selection']);
  });
});

describe('one tolerance decides "same position"', () => {
  // actors drawn from a few positions, so that groups form; each then perturbed by up to 1e-9
  const caseArb = fc
    .tuple(
      fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 4 }),
      fc.array(
        fc.record({
          g: fc.nat(3),
          c: fc.double({ min: 0.05, max: 1, noNaN: true }),
          s: fc.double({ min: 0.1, max: 1, noNaN: true }),
          e: fc.double({ min: -1e-9, max: 1e-9, noNaN: true }),
        }),
        { minLength: 3, maxLength: 9 },
      ),
      fc.constantFrom('text' as const, 'scholz' as const),
    )
    .filter(([xs]) => new Set(xs).size >= 2);

  it('positions perturbed by 1e-9 give the same trajectory', () => {
    fc.assert(
      fc.property(caseArb, ([xs, actors, variant]) => {
        const n = actors.length;
        const x = actors.map((a) => xs[a.g % xs.length]!);
        const xp = actors.map((a, i) => Math.min(100, Math.max(0, x[i]! + a.e)));
        const c = actors.map((a) => a.c);
        const s = actors.map((a) => a.s);
        const has = new Uint8Array(n).fill(1);
        const opts = { variant, maxRounds: 20, trace: true };
        const a = expectedUtility(n, x, c, s, has, 0, 100, opts)!;
        const b = expectedUtility(n, xp, c, s, has, 0, 100, opts)!;
        expect(b.rounds).toBe(a.rounds);
        for (let k = 0; k < a.history!.length; k++)
          for (let i = 0; i < n; i++)
            expect(Math.abs(a.history![k]![i]! - b.history![k]![i]!)).toBeLessThan(1e-4);
        expect(Math.abs(a.outcome - b.outcome)).toBeLessThan(1e-4);
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('an actor 5e-10 from a group is at the group’s position (the tolerance is relative to the range)', () => {
    expect(SAME_POSITION * 100).toBeGreaterThan(5e-10);
    const x = [10, 10 + 5e-10, 60, 90];
    const r = expectedUtility(4, x, [1, 1, 1, 1], [0.5, 0.5, 0.9, 0.4], new Uint8Array(4).fill(1), 0, 100, {
      trace: true,
      maxRounds: 1,
    })!;
    const exact = expectedUtility(
      4,
      [10, 10, 60, 90],
      [1, 1, 1, 1],
      [0.5, 0.5, 0.9, 0.4],
      new Uint8Array(4).fill(1),
      0,
      100,
      {
        trace: true,
        maxRounds: 1,
      },
    )!;
    for (let i = 0; i < 4; i++) expect(r.history![1]![i]!).toBeCloseTo(exact.history![1]![i]!, 6);
  });
});
