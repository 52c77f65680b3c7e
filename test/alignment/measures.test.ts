import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/alignment/camps.js';
import {
  agreement,
  agreementIndex,
  cohenKappa,
  crossTable,
  crossTableDense,
  meanAndSe,
  riceIndex,
  signorinoRitterS,
  tableOfVotes,
} from '../../src/alignment/measures.js';

const vote = fc.constantFrom(-1, 0, 1);

describe('pairwise measures on a hand-computed example', () => {
  // x and y over five roll calls: identical on 1, 3, 4 (yes–yes, 0–0, no–no), differ on 2 (yes–0) and 5 (yes–no).
  const t = tableOfVotes([1, 1, 0, -1, 1], [1, 0, 0, -1, -1]);

  it('agreement: 3 of 5 with 0 as a vote; 2 of the 3 roll calls where both voted yes or no', () => {
    expect(agreement(t, 'category')).toBeCloseTo(3 / 5, 12);
    expect(agreement(t, 'exclude')).toBeCloseTo(2 / 3, 12);
  });

  it("Cohen's κ: (p_o − p_e)/(1 − p_e) with p_e from the marginals", () => {
    // p_o = 0.6; x: yes 3/5, 0 1/5, no 1/5; y: yes 1/5, 0 2/5, no 2/5 → p_e = (3 + 2 + 2)/25 = 0.28.
    expect(cohenKappa(t, 'category', 'nominal')).toBeCloseTo((0.6 - 0.28) / 0.72, 12);
    // yes/no only: pairs (1,1), (−1,−1), (1,−1): p_o = 2/3; x yes 2/3, no 1/3; y yes 1/3, no 2/3 → p_e = 4/9.
    expect(cohenKappa(t, 'exclude', 'nominal')).toBeCloseTo((2 / 3 - 4 / 9) / (5 / 9), 12);
  });

  it('weighted κ with the linear distance: 1 − D_o/D_e', () => {
    // D_o = (0 + 1 + 0 + 0 + 2)/5 = 0.6; D_e = Σ p_x(a) p_y(b) |a − b| =
    // x yes .6: y yes .2·0, 0 .4·1, no .4·2 → .6·1.2 = .72; x 0 .2: .2·1 + .4·0 + .4·1 = .6 → .12;
    // x no .2: .2·2 + .4·1 + .4·0 = .8 → .16. D_e = 1.0.
    expect(cohenKappa(t, 'category', 'linear')).toBeCloseTo(1 - 0.6 / 1.0, 12);
  });

  it('Signorino–Ritter S: 1 − 2·Σd/(n·d_max)', () => {
    expect(signorinoRitterS(t, 'category', 'linear')).toBeCloseTo(1 - (2 * 3) / (5 * 2), 12);
    expect(signorinoRitterS(t, 'category', 'squared')).toBeCloseTo(1 - (2 * 5) / (5 * 4), 12);
    // yes/no only: one opposite vote in three → 1 − 2/3.
    expect(signorinoRitterS(t, 'exclude', 'linear')).toBeCloseTo(1 / 3, 12);
  });

  it('missing votes are skipped, never counted as 0', () => {
    const u = tableOfVotes([1, null, 0], [1, 0, null]);
    expect(agreement(u)).toBe(1);
    expect(u.reduce((s, x) => s + x, 0)).toBe(1);
  });

  it('gives null, not 0, when there is nothing to compare', () => {
    const empty = tableOfVotes([null, 0], [1, null]);
    expect(agreement(empty)).toBeNull();
    expect(cohenKappa(empty)).toBeNull();
    expect(signorinoRitterS(empty)).toBeNull();
    // Both always vote yes: κ undefined (D_e = 0).
    expect(cohenKappa(tableOfVotes([1, 1, 1], [1, 1, 1]))).toBeNull();
  });

  it('the dense and indexed cross tables agree', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })), { maxLength: 60 }),
        (pairs) => {
          const a = Uint8Array.from(pairs.map((p) => p[0]));
          const b = Uint8Array.from(pairs.map((p) => p[1]));
          expect(crossTableDense(a, b)).toEqual(
            crossTable(
              [...a],
              [...b],
              pairs.map((_, i) => i),
            ),
          );
        },
      ),
    );
  });
});

describe('properties of the pairwise measures', () => {
  it('κ = 1 and S = 1 on identical vectors (with at least two kinds of vote)', () => {
    fc.assert(
      fc.property(fc.array(vote, { minLength: 2, maxLength: 80 }), (x) => {
        fc.pre(new Set(x).size >= 2);
        const t = tableOfVotes(x, x);
        for (const m of ['nominal', 'linear', 'squared'] as const)
          expect(cohenKappa(t, 'category', m)).toBeCloseTo(1, 12);
        expect(signorinoRitterS(t)).toBe(1);
        expect(agreement(t)).toBe(1);
      }),
    );
  });

  it('κ ≈ 0 for independent votes (20,000 seeded random roll calls)', () => {
    const rnd = seededRandom(42);
    const draw = (p: [number, number]) => {
      const u = rnd();
      return u < p[0] ? 1 : u < p[0] + p[1] ? 0 : -1;
    };
    const x = Array.from({ length: 20000 }, () => draw([0.7, 0.2]));
    const y = Array.from({ length: 20000 }, () => draw([0.5, 0.1]));
    const t = tableOfVotes(x, y);
    expect(Math.abs(cohenKappa(t, 'category', 'nominal')!)).toBeLessThan(0.02);
    expect(Math.abs(cohenKappa(t, 'category', 'squared')!)).toBeLessThan(0.02);
    expect(Math.abs(cohenKappa(t, 'exclude', 'nominal')!)).toBeLessThan(0.02);
    // ... while raw agreement is far from 0: chance agreement is what κ removes.
    expect(agreement(t)).toBeGreaterThan(0.35);
  });

  it('all measures are symmetric; S and κ ≤ 1, S ≥ −1, agreement in [0, 1]', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(vote, vote), { minLength: 1, maxLength: 80 }), (pairs) => {
        const x = pairs.map((p) => p[0]);
        const y = pairs.map((p) => p[1]);
        const t = tableOfVotes(x, y);
        const u = tableOfVotes(y, x);
        for (const z of ['category', 'exclude'] as const) {
          expect(agreement(u, z)).toEqual(agreement(t, z));
          const k1 = cohenKappa(t, z);
          const k2 = cohenKappa(u, z);
          if (k1 === null) expect(k2).toBeNull();
          else expect(k2).toBeCloseTo(k1, 12);
          const s = signorinoRitterS(t, z);
          expect(signorinoRitterS(u, z)).toEqual(s);
          if (s !== null) {
            expect(s).toBeGreaterThanOrEqual(-1 - 1e-12);
            expect(s).toBeLessThanOrEqual(1 + 1e-12);
          }
          if (k1 !== null) expect(k1).toBeLessThanOrEqual(1 + 1e-12);
          const a = agreement(t, z);
          if (a !== null) expect(a >= 0 && a <= 1).toBe(true);
        }
      }),
    );
  });

  it('nominal κ equals the brute-force pairing definition (Cohen 1960)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(vote, vote), { minLength: 1, maxLength: 30 }), (pairs) => {
        const n = pairs.length;
        const po = pairs.filter(([a, b]) => a === b).length / n;
        let pe = 0;
        for (const [a] of pairs) for (const [, b] of pairs) pe += a === b ? 1 : 0;
        pe /= n * n;
        const k = cohenKappa(
          tableOfVotes(
            pairs.map((p) => p[0]),
            pairs.map((p) => p[1]),
          ),
        );
        if (pe >= 1 - 1e-12) expect(k).toBeNull();
        else expect(k).toBeCloseTo((po - pe) / (1 - pe), 10);
      }),
    );
  });

  it('S = −1 for opposite yes/no votes', () => {
    expect(signorinoRitterS(tableOfVotes([1, -1, 1], [-1, 1, -1]))).toBe(-1);
  });
});

describe('group cohesion', () => {
  it('Agreement Index on hand-computed votes (Hix, Noury & Roland 2005)', () => {
    expect(agreementIndex(5, 3, 2)).toBeCloseTo((5 - 0.5 * 5) / 10, 12);
    expect(agreementIndex(4, 4, 4)).toBe(0);
    expect(agreementIndex(7, 0, 0)).toBe(1);
    expect(agreementIndex(0, 0, 0)).toBeNull();
    expect(riceIndex(5, 3)).toBeCloseTo(0.25, 12);
    expect(riceIndex(0, 0)).toBeNull();
  });

  it('the Agreement Index is in [0, 1] and the Rice index too', () => {
    fc.assert(
      fc.property(fc.nat(50), fc.nat(50), fc.nat(50), (y, n, a) => {
        fc.pre(y + n + a > 0);
        const ai = agreementIndex(y, n, a)!;
        expect(ai).toBeGreaterThanOrEqual(0);
        expect(ai).toBeLessThanOrEqual(1);
        const r = riceIndex(y, n);
        if (r !== null) expect(r >= 0 && r <= 1).toBe(true);
      }),
    );
  });

  it('mean and standard error', () => {
    const m = meanAndSe([1, 2, 3, null])!;
    expect(m.mean).toBe(2);
    expect(m.n).toBe(3);
    expect(m.se).toBeCloseTo(1 / Math.sqrt(3), 12);
    expect(meanAndSe([null])).toBeNull();
  });
});

describe('meanAndSe with extreme values (overflow audit)', () => {
  const extreme = fc.oneof(
    fc.double({ min: -1.7e308, max: 1.7e308, noNaN: true, noDefaultInfinity: true }),
    fc.double({ min: -1e-300, max: 1e-300, noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(1.7e308, -1.7e308, Number.MAX_VALUE, Number.MIN_VALUE, 5e-324, 0),
  );

  it('is finite, within the values, and scales with them (a power of two)', () => {
    fc.assert(
      fc.property(fc.array(extreme, { minLength: 1, maxLength: 40 }), (xs) => {
        const r = meanAndSe(xs)!;
        expect(Number.isFinite(r.mean)).toBe(true);
        const lo = Math.min(...xs);
        const hi = Math.max(...xs);
        expect(r.mean).toBeGreaterThanOrEqual(lo - Math.abs(lo) * 1e-12);
        expect(r.mean).toBeLessThanOrEqual(hi + Math.abs(hi) * 1e-12);
        if (r.se !== null) expect(Number.isFinite(r.se) && r.se >= 0).toBe(true);
      }),
    );
  });

  it('averages two of 1.7e308 to 1.7e308 (a plain sum gives Infinity)', () => {
    expect(meanAndSe([1.7e308, 1.7e308])).toEqual({ mean: 1.7e308, se: 0, n: 2 });
    expect(meanAndSe([1.7e308, -1.7e308, null])!.mean).toBe(0);
    expect(meanAndSe([5e-324, 5e-324])!.mean).toBe(5e-324);
  });

  it('gives the plain mean, to the bit, on ordinary values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 2, maxLength: 30 }),
        (xs) => {
          const plain = xs.reduce((s, x) => s + x, 0) / xs.length;
          expect(meanAndSe(xs)!.mean).toBe(plain);
        },
      ),
    );
  });

  it('refuses a non-finite value, naming the field', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => meanAndSe([0.5, bad], 'rice')).toThrow(
        expect.objectContaining({ code: 'E_VALIDATION', path: 'rice' }),
      );
  });
});
