import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecastAll } from '../../src/bargaining/forecast.js';
import type { Rule } from '../../src/rules/schema.js';
import { consensusModel } from '../../src/spatial/consensus.js';
import { closestPoint, core, inside, type LineInput, LineWorkspace, winSet } from '../../src/spatial/line.js';
import { simple } from '../helpers/scenarios.js';

const RULES: Rule[] = [
  'consensus',
  { consensusMinus: ['A1'] },
  { count: { moreThanShare: 0.5 } },
  { count: { atLeast: 2 } },
  { count: { atLeastShare: 0.75 } },
  { sum: 'capability', atLeastShare: 0.6 },
  { all: [{ count: { moreThanShare: 0.5 } }, { sum: 'capability', moreThanShare: 0.5 }] },
  { any: ['consensus', { count: { atLeast: 3 } }] },
];

const actorsArb = fc.array(
  fc.record({
    x: fc.integer({ min: 0, max: 100 }),
    s: fc.constantFrom(0, 0.5, 1),
    c: fc.integer({ min: 1, max: 5 }),
  }),
  { minLength: 3, maxLength: 7 },
);

function setup(as: Array<{ x: number; s: number; c: number }>, rule: Rule, q: number) {
  const s = simple(
    as.map((a, i) => ({ id: `A${i}`, ...a })),
    { statusQuo: q, rule: rule as never },
  );
  const is = s.issues[0]!;
  const n = as.length;
  const inp: LineInput = {
    n,
    x: is.position,
    active: Uint8Array.from(as, (a) => (a.s > 0 ? 1 : 0)),
    lo: 0,
    hi: 100,
    rule: is.rule,
  };
  // the rule's verdict on z against q, straight from the definition
  const beats = (z: number) =>
    is.rule.test(as.map((a) => a.s === 0 || Math.abs(z - a.x) <= Math.abs(q - a.x) + 1e-9));
  return { s, is, inp, beats };
}

describe('the win-set of the status quo in one dimension', () => {
  it('is exact: a point is inside iff the actors weakly preferring it to q win (grid check, every rule)', () => {
    fc.assert(
      fc.property(actorsArb, fc.constantFrom(...RULES), fc.integer({ min: 0, max: 100 }), (as, rule, q) => {
        const { inp, beats } = setup(as, rule, q);
        const W = winSet(inp, new LineWorkspace(), q);
        expect(inside(W, q, 1e-9)).toBe(true);
        for (let z = 0; z <= 100; z += 0.25) {
          // skip points within rounding of an interval end
          if (W.some((iv) => Math.abs(z - iv.lo) < 1e-6 || Math.abs(z - iv.hi) < 1e-6)) continue;
          if (z === q) continue;
          expect(inside(W, z, 1e-9), `z=${z}`).toBe(inp.rule.passable && beats(z));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('under consensus is the intersection [q, 2·min x − q] when everyone is above q', () => {
    const { inp } = setup(
      [
        { x: 30, s: 1, c: 1 },
        { x: 80, s: 1, c: 1 },
      ],
      'consensus',
      10,
    );
    expect(winSet(inp, new LineWorkspace(), 10)).toEqual([{ lo: 10, hi: 50 }]);
  });

  it('is just the status quo when members stand on both sides of it under consensus', () => {
    const { inp } = setup(
      [
        { x: 30, s: 1, c: 1 },
        { x: 80, s: 1, c: 1 },
      ],
      'consensus',
      50,
    );
    expect(winSet(inp, new LineWorkspace(), 50)).toEqual([{ lo: 50, hi: 50 }]);
  });
});

describe('the core in one dimension', () => {
  it('is the Pareto set [min, max] under consensus and the median under simple majority', () => {
    const as = [
      { x: 10, s: 1, c: 1 },
      { x: 40, s: 1, c: 1 },
      { x: 90, s: 1, c: 1 },
    ];
    expect(core(setup(as, 'consensus', 0).inp, new LineWorkspace())).toEqual([{ lo: 10, hi: 90 }]);
    expect(core(setup(as, { count: { moreThanShare: 0.5 } }, 0).inp, new LineWorkspace())).toEqual([
      { lo: 40, hi: 40 },
    ]);
  });

  it('holds exactly the points no winning coalition can move (brute force over a grid)', () => {
    fc.assert(
      fc.property(actorsArb, fc.constantFrom(...RULES), (as, rule) => {
        const { inp } = setup(as, rule, 0);
        const C = core(inp, new LineWorkspace());
        const dominated = (z: number) => {
          for (let y = 0; y <= 100; y += 0.5) {
            if (Math.abs(y - z) < 1e-9) continue;
            const supporters = as.map((a) => a.s === 0 || Math.abs(y - a.x) <= Math.abs(z - a.x) + 1e-9);
            const strict = as.some((a) => a.s > 0 && Math.abs(y - a.x) < Math.abs(z - a.x) - 1e-9);
            if (strict && inp.rule.passable && inp.rule.test(supporters)) return true;
          }
          return false;
        };
        for (let z = 0; z <= 100; z += 0.5) {
          if (C.some((iv) => Math.abs(z - iv.lo) < 1e-6 || Math.abs(z - iv.hi) < 1e-6)) continue;
          expect(inside(C, z, 1e-9), `z=${z}`).toBe(!dominated(z));
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('the agenda setter (Romer & Rosenthal 1978)', () => {
  it('takes the point of the win-set closest to its ideal', () => {
    expect(closestPoint([{ lo: 0, hi: 30 }], 100, 0)).toBe(30);
    expect(closestPoint([{ lo: 0, hi: 30 }], 20, 0)).toBe(20);
    expect(
      closestPoint(
        [
          { lo: 0, hi: 0 },
          { lo: 60, hi: 80 },
        ],
        50,
        0,
      ),
    ).toBe(60);
  });

  it('under consensus, no member ends up worse off than under the status quo', () => {
    fc.assert(
      fc.property(
        actorsArb,
        fc.integer({ min: 0, max: 100 }),
        fc.nat(),
        fc.boolean(),
        (as, q, k, amendable) => {
          const proposer = `A${k % as.length}`;
          const s = simple(
            as.map((a, i) => ({ id: `A${i}`, ...a })),
            { statusQuo: q, proposer, amendable },
          );
          const r = consensusModel(s.issues[0]!, as.length);
          const z = r.outcome![0]!;
          as.forEach((a) => {
            if (a.s > 0) expect(Math.abs(z - a.x)).toBeLessThanOrEqual(Math.abs(q - a.x) + 1e-9);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the consensus model', () => {
  const five = [
    { id: 'CHN', x: 100 },
    { id: 'RUS', x: 15 },
    { id: 'KAZ', x: 45 },
    { id: 'KGZ', x: 70 },
    { id: 'UZB', x: 35 },
  ];

  it('take it or leave it: not adopted when a member prefers the status quo; blockers named', () => {
    const s = simple(five, { statusQuo: 0, proposer: 'CHN', proposal: 100, amendable: false });
    const r = consensusModel(s.issues[0]!, 5);
    expect(r.adopted).toBe(false);
    expect(r.outcome![0]).toBe(0);
    expect(r.blockers.map((i) => s.actors[i]!.id).sort()).toEqual(['KAZ', 'RUS', 'UZB']);
  });

  it('an indifferent member does not block', () => {
    // KAZ at 50 is exactly halfway between 0 and 100
    const s = simple(
      [
        { id: 'CHN', x: 100 },
        { id: 'KAZ', x: 50 },
      ],
      { statusQuo: 0, proposer: 'CHN', proposal: 100, amendable: false },
    );
    const r = consensusModel(s.issues[0]!, 2);
    expect(r.blockers).toEqual([]);
    expect(r.adopted).toBe(true);
  });

  it('amendable: the proposer gets the most the blockers accept', () => {
    const s = simple(five, { statusQuo: 0, proposer: 'CHN', proposal: 100 });
    const r = consensusModel(s.issues[0]!, 5);
    expect(r.outcome![0]).toBe(30);
    expect(r.adopted).toBe(true);
    expect(r.proposalPasses).toBe(false);
    expect(r.winSet).toEqual([{ lo: 0, hi: 30 }]);
    expect(r.core).toEqual([{ lo: 15, hi: 100 }]);
  });

  it('opt-out: the members preferring the proposal adopt it; the others stay out', () => {
    const s = simple(five, { statusQuo: 0, proposer: 'CHN', proposal: 100, optOut: true });
    const r = consensusModel(s.issues[0]!, 5);
    expect(r.adopted).toBe(true);
    expect(r.participants!.map((i) => s.actors[i]!.id).sort()).toEqual(['CHN', 'KGZ']);
    expect(r.nonParticipants!.map((i) => s.actors[i]!.id).sort()).toEqual(['KAZ', 'RUS', 'UZB']);
    // with only the proposer willing, nothing is adopted
    const alone = simple(
      [
        { id: 'CHN', x: 100 },
        { id: 'RUS', x: 10 },
        { id: 'KAZ', x: 20 },
      ],
      { statusQuo: 0, proposer: 'CHN', proposal: 100, optOut: true },
    );
    expect(consensusModel(alone.issues[0]!, 3).adopted).toBe(false);
  });

  it('under majority rule the proposal passes over a minority of blockers', () => {
    const s = simple(five, {
      statusQuo: 0,
      proposer: 'CHN',
      proposal: 100,
      amendable: false,
      rule: { count: { moreThanShare: 0.5 } } as never,
    });
    const r = consensusModel(s.issues[0]!, 5);
    // supporters CHN and KGZ only: 2 of 5; with KAZ at 60 they are 3 of 5
    expect(r.adopted).toBe(false);
    const s2 = simple(
      five.map((a) => (a.id === 'KAZ' ? { ...a, x: 60 } : a)),
      {
        statusQuo: 0,
        proposer: 'CHN',
        proposal: 100,
        amendable: false,
        rule: { count: { moreThanShare: 0.5 } } as never,
      },
    );
    expect(consensusModel(s2.issues[0]!, 5).adopted).toBe(true);
  });

  it('says so instead of guessing when there is no status quo', () => {
    const s = simple(five, {});
    const [f] = forecastAll(s);
    expect(f!.consensus!.outcome).toBeNull();
    expect(f!.consensus!.note).toMatch(/status quo/);
    expect(f!.compromise).not.toBeNull();
  });
});
