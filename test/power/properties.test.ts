/**
 * Property tests (fast-check): the exact counting algorithms agree with enumeration on random games
 * of up to 15 players, single- and multi-criteria; and the indices obey the axioms they should.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addFrac, type Fraction, frac } from '../../src/power/exact.js';
import { computePower, type PowerOptions, type PowerResult } from '../../src/power/power.js';
import type { Game } from '../../src/rules/game.js';
import type { Rule } from '../../src/rules/schema.js';

const parse = (s: string): Fraction => {
  const [a, b] = s.split('/');
  return frac(BigInt(a!), BigInt(b ?? '1'));
};

const share = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }).map((x) => Math.round(x * 1000) / 1000),
  fc
    .tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 12 }))
    .filter(([a, b]) => a <= b)
    .map(([a, b]) => `${a}/${b}`),
);
const field = fc.constantFrom('a', 'b', 'c');
const atom = (n: number): fc.Arbitrary<Rule> =>
  fc.oneof(
    fc.record({ sum: field, atLeastShare: share }) as fc.Arbitrary<Rule>,
    fc.record({
      sum: field,
      moreThanShare: share.filter((s) => (typeof s === 'number' ? s < 1 : parse(s).num < parse(s).den)),
    }) as fc.Arbitrary<Rule>,
    fc.integer({ min: 0, max: n }).map((k) => ({ count: { atLeast: k } }) as Rule),
    fc.integer({ min: 0, max: 3 }).map((k) => ({ count: { atMostAgainst: k } }) as Rule),
    fc.constant('consensus' as Rule),
  );
const rule = (n: number, multi: boolean): fc.Arbitrary<Rule> =>
  multi
    ? fc.oneof(
        fc.array(atom(n), { minLength: 1, maxLength: 3 }).map((all) => ({ all }) as Rule),
        fc.array(atom(n), { minLength: 1, maxLength: 3 }).map((any) => ({ any }) as Rule),
        fc
          .tuple(fc.array(atom(n), { minLength: 2, maxLength: 2 }), atom(n))
          .map(([all, other]) => ({ any: [{ all }, other] }) as Rule),
      )
    : fc.oneof(
        fc.record({ sum: fc.constant('a'), atLeastShare: share }) as fc.Arbitrary<Rule>,
        fc
          .tuple(fc.constant('a'), share, fc.integer({ min: 0, max: n }))
          .map(([f, s, k]) => ({ all: [{ sum: f, atLeastShare: s }, { count: { atLeast: k } }] }) as Rule),
      );

const game = (maxN: number, multi: boolean) =>
  fc.integer({ min: 1, max: maxN }).chain((n) =>
    fc.record({
      players: fc.array(
        fc.record({
          a: fc.integer({ min: 0, max: 12 }),
          b: fc.integer({ min: 0, max: 100000 }).map((x) => x / 100), // decimals, e.g. populations in millions
          c: fc.constantFrom(0, 1),
        }),
        { minLength: n, maxLength: n },
      ),
      rule: rule(n, multi),
    }),
  );

const toGame = (g: { players: Array<Record<string, number>>; rule: Rule }): Game => ({
  name: 'random',
  players: g.players.map((p, i) => ({ id: `p${i}`, ...p })),
  rule: g.rule,
  source: [],
  notes: [],
  literature: [],
});

const tryPower = (g: Game, opts: PowerOptions): PowerResult | null => {
  try {
    return computePower(g, opts);
  } catch (e) {
    if ((e as { code?: string }).code === 'E_VALIDATION') return null; // e.g. a quota above the total
    throw e;
  }
};

const KEYS = [
  'penrose',
  'banzhaf',
  'shapleyShubik',
  'colemanPrevent',
  'colemanInitiate',
  'holler',
  'deeganPackel',
  'johnston',
];

describe('exact algorithms agree with enumeration', () => {
  const compare = (multi: boolean, opts: PowerOptions, algorithm: string) => {
    let compared = 0;
    fc.assert(
      fc.property(game(15, multi), (raw) => {
        const g = toGame(raw);
        const e = tryPower(g, { method: 'enumerate' });
        if (!e) return;
        const x = computePower(g, opts);
        if (x.algorithm !== algorithm) return; // e.g. several weights: generating functions do not apply
        compared++;
        expect(x.winningCoalitions).toBe(e.winningCoalitions);
        expect(x.minimalWinningCoalitions).toBe(e.minimalWinningCoalitions);
        for (let i = 0; i < g.players.length; i++) {
          expect(x.players[i]!.veto).toBe(e.players[i]!.veto);
          for (const k of KEYS)
            expect(x.players[i]!.fractions![k], `${k} of p${i}`).toBe(e.players[i]!.fractions![k]);
        }
      }),
      { numRuns: 60, seed: 20240704, endOnFailure: true },
    );
    expect(compared).toBeGreaterThan(20);
  };
  it('generating functions (one weight and the count)', () =>
    compare(false, { method: 'exact', budgets: { enumerateBelow: 0 } }, 'generating functions'));
  it('generating functions on multi-criteria rules over one weight', () =>
    compare(true, { method: 'exact', budgets: { enumerateBelow: 0 } }, 'generating functions'));
  it('decision diagram (several weights at once)', () =>
    compare(true, { method: 'exact', budgets: { enumerateBelow: 0, gfOps: -1 } }, 'decision diagram'));
});

describe('Holler without sizes (pure weighted voting) agrees with enumeration', () => {
  it('on random weighted games of up to 15 players', () => {
    let compared = 0;
    fc.assert(
      fc.property(game(15, false), (raw) => {
        const g = toGame({
          players: raw.players,
          rule: { sum: 'a', atLeastShare: (raw.rule as { atLeastShare?: number }).atLeastShare ?? 0.5 },
        });
        const e = tryPower(g, { method: 'enumerate' });
        if (!e) return;
        const x = computePower(g, {
          method: 'exact',
          budgets: { enumerateBelow: 0, gfMinimalOps: -1, sizeMinimalOps: -1 },
        });
        expect(x.players.every((p) => p.deeganPackel === null)).toBe(true);
        if (x.players.some((p) => p.holler === null)) return;
        compared++;
        expect(x.minimalWinningCoalitions).toBe(e.minimalWinningCoalitions);
        expect(x.players.map((p) => p.fractions!.holler)).toEqual(e.players.map((p) => p.fractions!.holler));
      }),
      { numRuns: 60, seed: 11, endOnFailure: true },
    );
    expect(compared).toBeGreaterThan(20);
  });
});

describe('axioms', () => {
  const exact = (g: Game) => tryPower(g, { method: 'exact', budgets: { enumerateBelow: 0 } });
  it('efficiency: normalised indices sum to exactly 1 (when some player has a swing)', () => {
    fc.assert(
      fc.property(game(12, true), (raw) => {
        const r = exact(toGame(raw));
        if (!r || r.players.every((p) => p.swings === '0')) return;
        for (const k of ['banzhaf', 'shapleyShubik', 'holler', 'deeganPackel', 'johnston']) {
          const vals = r.players.map((p) => p.fractions![k]);
          if (vals.some((v) => v === null)) continue;
          const sum = vals.reduce((s, v) => addFrac(s, parse(v!)), frac(0n, 1n));
          expect(`${sum.num}/${sum.den}`, k).toBe('1/1');
        }
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it('null player: a player with no swing has zero power under every index', () => {
    fc.assert(
      fc.property(game(12, true), (raw) => {
        const r = exact(toGame(raw));
        if (!r) return;
        for (const p of r.players) {
          if (p.swings !== '0') continue;
          for (const k of KEYS) if (p.fractions![k] !== null) expect(p.fractions![k], k).toBe('0');
        }
      }),
      { numRuns: 60, seed: 8 },
    );
  });

  it('symmetry: players with the same fields have the same power', () => {
    fc.assert(
      fc.property(game(11, true), (raw) => {
        const players = [...raw.players, { ...raw.players[0]! }];
        const r = exact(toGame({ players, rule: raw.rule }));
        if (!r) return;
        const a = r.players[0]!;
        const b = r.players[players.length - 1]!;
        expect(b.fractions).toEqual(a.fractions);
        expect(b.veto).toBe(a.veto);
      }),
      { numRuns: 60, seed: 9 },
    );
  });

  it("β' = 2·A·CP = 2·(1−A)·CI exactly", () => {
    fc.assert(
      fc.property(game(12, true), (raw) => {
        const r = exact(toGame(raw));
        if (!r) return;
        const A = parse(r.passageProbabilityFraction!);
        for (const p of r.players) {
          const beta = parse(p.fractions!.penrose!);
          const cp = parse(p.fractions!.colemanPrevent!);
          const lhs = frac(2n * A.num * cp.num, A.den * cp.den);
          expect(`${lhs.num}/${lhs.den}`).toBe(`${beta.num}/${beta.den}`);
          if (p.fractions!.colemanInitiate !== null) {
            const ci = parse(p.fractions!.colemanInitiate!);
            const rhs = frac(2n * (A.den - A.num) * ci.num, A.den * ci.den);
            expect(`${rhs.num}/${rhs.den}`).toBe(`${beta.num}/${beta.den}`);
          }
        }
      }),
      { numRuns: 60, seed: 10 },
    );
  });
});

describe('Monte Carlo', () => {
  it('is reproducible with a seed and its 95% intervals cover the exact values', () => {
    const g: Game = {
      name: 'twenty',
      players: Array.from({ length: 20 }, (_, i) => ({ id: `p${i}`, w: 1 + ((i * 7) % 11) })),
      rule: { sum: 'w', moreThanShare: 0.6 },
      source: [],
      notes: [],
      literature: [],
    };
    const exact = computePower(g, { method: 'exact' });
    const a = computePower(g, { method: 'montecarlo', samples: 40000, seed: 3 });
    const b = computePower(g, { method: 'montecarlo', samples: 40000, seed: 3 });
    expect(a).toEqual(b);
    expect(a.method).toBe('montecarlo');
    const [lo, hi] = a.passageProbabilityCI!;
    expect(exact.passageProbability).toBeGreaterThanOrEqual(lo);
    expect(exact.passageProbability).toBeLessThanOrEqual(hi);
    let outside = 0;
    for (let i = 0; i < 20; i++) {
      for (const k of ['penrose', 'shapleyShubik', 'colemanPrevent'] as const) {
        const [l, h] = a.players[i]!.ci![k]!;
        const v = exact.players[i]![k]!;
        if (v < l || v > h) outside++;
      }
    }
    // 60 intervals at 95%: a handful may miss; far more would mean biased estimators
    expect(outside).toBeLessThanOrEqual(8);
  });
});

describe('beyond 2^53: the multi-prime generating functions agree with the BigInt decision diagram', () => {
  it('on random weighted games of 55 to 72 players', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 55, max: 72 }).chain((n) =>
          fc.record({
            w: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: n, maxLength: n }),
            share: fc.integer({ min: 1, max: 99 }).map((x) => x / 100),
            k: fc.integer({ min: 0, max: n }),
          }),
        ),
        ({ w, share, k }) => {
          const g = toGame({
            players: w.map((x) => ({ w: x })),
            rule: { all: [{ sum: 'w', atLeastShare: share }, { count: { atLeast: k } }] },
          });
          const gf = tryPower(g, { method: 'exact', budgets: { enumerateBelow: 0 } });
          if (!gf) return;
          const dd = computePower(g, {
            method: 'exact',
            budgets: { enumerateBelow: 0, gfOps: -1, diagramNodes: 2e6, diagramCells: 1e9 },
            basicOnly: true,
          });
          expect(gf.algorithm).toBe('generating functions');
          expect(dd.algorithm).toBe('decision diagram');
          expect(BigInt(gf.winningCoalitions!)).toBeGreaterThan(0n);
          expect(gf.winningCoalitions).toBe(dd.winningCoalitions);
          // the cache-blocked build (no per-player minimal counts) gives the same table
          const wave = computePower(g, { method: 'exact', budgets: { enumerateBelow: 0 }, basicOnly: true });
          expect(wave.minimalWinningCoalitions).toBe(gf.minimalWinningCoalitions);
          for (let i = 0; i < w.length; i++) {
            expect(gf.players[i]!.swings).toBe(dd.players[i]!.swings);
            expect(wave.players[i]!.swings).toBe(dd.players[i]!.swings);
            expect(gf.players[i]!.fractions!.shapleyShubik).toBe(dd.players[i]!.fractions!.shapleyShubik);
          }
        },
      ),
      { numRuns: 5, seed: 42, endOnFailure: true },
    );
  });
});

describe('weights near the largest and the smallest double', () => {
  it('weights scaled by 1e300 or 1e-300 give the same power as the plain weights (property)', () => {
    fc.assert(
      fc.property(game(10, false), fc.constantFrom(290, 300, -290, -300), (raw, e) => {
        const g = toGame(raw);
        const plain = tryPower(g, { method: 'exact' });
        if (!plain) return;
        // scaled by a power of ten (written as a decimal: 7e-290, not 7 × 1e-290), the decimals are exactly the plain ones times 10^e: sums are
        // exact integers (BigInt), so the winning coalitions and every index are identical
        const scaled: Game = { ...g, players: g.players.map((p) => ({ ...p, a: Number(`${p.a}e${e}`) })) };
        const x = computePower(scaled, { method: 'exact' });
        expect(x.winningCoalitions).toBe(plain.winningCoalitions);
        for (let i = 0; i < g.players.length; i++)
          for (const key of KEYS)
            expect(x.players[i]!.fractions![key]).toBe(plain.players[i]!.fractions![key]);
      }),
      { numRuns: 80, seed: 20261201 },
    );
  });

  it('40 players of 1.7e308 each: the total (6.8e309) overflows a double but not the count', () => {
    const g: Game = {
      name: 'huge',
      players: Array.from({ length: 40 }, (_, i) => ({
        id: `p${i}`,
        population: i < 20 ? 1.7e308 : 0.85e308,
      })),
      rule: { sum: 'population', moreThanShare: 0.5 },
      source: [],
      notes: [],
      literature: [],
    };
    const plain: Game = {
      ...g,
      players: g.players.map((p, i) => ({ id: p.id, population: i < 20 ? 2 : 1 })),
    };
    const x = computePower(g, { method: 'exact' });
    const y = computePower(plain, { method: 'exact' });
    expect(x.winningCoalitions).toBe(y.winningCoalitions);
    expect(x.players.map((p) => p.fractions!.banzhaf)).toEqual(y.players.map((p) => p.fractions!.banzhaf));
    // heavy players have more power than light ones
    expect(x.players[0]!.banzhaf!).toBeGreaterThan(x.players[39]!.banzhaf!);
  });
});
