import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { con, concentration, hhi, ranked, sharesOf } from '../../src/balance/measures.js';
import { ConcordError } from '../../src/errors.js';

const map = (xs: readonly number[]) => new Map(xs.map((x, i) => [`S${String(i).padStart(2, '0')}`, x]));

/** Non-negative figures for 2–12 members with a positive total. */
const figures = fc
  .array(fc.double({ min: 0, max: 1e13, noNaN: true, noDefaultInfinity: true }), {
    minLength: 2,
    maxLength: 12,
  })
  .filter((xs) => xs.reduce((s, x) => s + x, 0) > 1e-6);

describe('shares', () => {
  it('does not overflow with figures near the largest double (two of 1.7e308: one half each)', () => {
    const s = sharesOf(map([1.7e308, 1.7e308]))!;
    expect([...s.values()]).toEqual([0.5, 0.5]);
    expect(concentration(s).hhi).toBe(0.5);
  });

  it('gives the same shares for figures scaled to huge or tiny sizes (property)', () => {
    fc.assert(
      fc.property(figures, fc.constantFrom(1e295, 1e200, 1e-200, 1e-290), (xs, k) => {
        const plain = [...sharesOf(map(xs))!.values()];
        const scaled = [...sharesOf(map(xs.map((x) => x * k)))!.values()];
        const sum = scaled.reduce((a, b) => a + b, 0);
        expect(Math.abs(sum - 1)).toBeLessThan(1e-9);
        scaled.forEach((x, i) => {
          expect(Number.isFinite(x)).toBe(true);
          expect(Math.abs(x - plain[i]!)).toBeLessThan(1e-9);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('names the member whose figure is not finite', () => {
    try {
      sharesOf(map([1, Number.POSITIVE_INFINITY]));
      expect.unreachable();
    } catch (e) {
      expect((e as ConcordError).path).toBe('values.S01');
    }
  });

  it('divides each figure by the total', () => {
    const s = sharesOf(map([5, 3, 2]))!;
    expect([...s.values()]).toEqual([0.5, 0.3, 0.2]);
  });

  it('has no shares when the total is zero, and rejects negative or non-finite figures', () => {
    expect(sharesOf(map([0, 0]))).toBeNull();
    expect(() => sharesOf(map([1, -1]))).toThrow(ConcordError);
    expect(() => sharesOf(map([1, Number.NaN]))).toThrow(ConcordError);
    expect(() => sharesOf(map([1, Number.POSITIVE_INFINITY]))).toThrow(ConcordError);
  });

  it('sum to one (property)', () => {
    fc.assert(
      fc.property(figures, (xs) => {
        const s = [...sharesOf(map(xs))!.values()];
        expect(s.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
        for (const x of s) expect(x).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('HHI and Ray–Singer CON on hand-computed examples', () => {
  it('shares 0.5, 0.3, 0.2: HHI 0.38, CON √0.07', () => {
    // HHI = 0.25 + 0.09 + 0.04 = 0.38; CON = √((0.38 − 1/3)/(1 − 1/3)) = √(0.04667/0.66667) = √0.07.
    expect(hhi([0.5, 0.3, 0.2])).toBeCloseTo(0.38, 12);
    expect(con([0.5, 0.3, 0.2])).toBeCloseTo(Math.sqrt(0.07), 12);
    const c = concentration(sharesOf(map([5, 3, 2]))!);
    expect(c.hhi).toBeCloseTo(0.38, 12);
    expect(c.con).toBeCloseTo(Math.sqrt(0.07), 12);
    expect(c.con).toBeCloseTo(0.264575, 6);
    expect(c.effectiveNumber).toBeCloseTo(1 / 0.38, 12);
    expect(c.largest).toEqual({ iso3: 'S00', share: 0.5 });
    expect(c.second).toEqual({ iso3: 'S01', share: 0.3 });
    expect(c.hegemon).toBe(false); // exactly one half does not outweigh the rest
    expect(c.topTwoRatio).toBeCloseTo(5 / 3, 12);
    expect(c.outsideTopTwo).toBeCloseTo(0.2, 12);
  });

  it('figures 3 and 1: HHI 0.625, CON 0.5, a hegemon three times the other', () => {
    // HHI = 0.75² + 0.25² = 0.625; CON = √((0.625 − 0.5)/0.5) = √0.25 = 0.5.
    const c = concentration(sharesOf(map([3, 1]))!);
    expect(c.hhi).toBeCloseTo(0.625, 12);
    expect(c.con).toBeCloseTo(0.5, 12);
    expect(c.hegemon).toBe(true);
    expect(c.topTwoRatio).toBeCloseTo(3, 12);
    expect(c.outsideTopTwo).toBe(0);
  });

  it('four members 0.4, 0.3, 0.2, 0.1: HHI 0.30, CON √(1/15)', () => {
    // HHI = .16 + .09 + .04 + .01 = .30; CON = √((.30 − .25)/.75) = √(1/15) ≈ 0.2582.
    const c = concentration(sharesOf(map([4, 3, 2, 1]))!);
    expect(c.hhi).toBeCloseTo(0.3, 12);
    expect(c.con).toBeCloseTo(Math.sqrt(1 / 15), 12);
  });

  it('CON is 0 for equal shares and 1 for a monopoly, for any N', () => {
    for (let n = 2; n <= 30; n++) {
      const equal = concentration(sharesOf(map(Array.from({ length: n }, () => 7)))!);
      expect(equal.con, `N=${n}`).toBe(0);
      expect(equal.hhi).toBeCloseTo(1 / n, 12);
      expect(equal.effectiveNumber).toBeCloseTo(n, 9);
      const mono = concentration(sharesOf(map([5, ...Array.from({ length: n - 1 }, () => 0)]))!);
      expect(mono.con, `N=${n}`).toBe(1);
      expect(mono.hhi).toBe(1);
      expect(mono.hegemon).toBe(true);
      expect(mono.topTwoRatio).toBeNull();
    }
  });

  it('needs two members', () => {
    expect(() => con([1])).toThrow(/at least two/);
    expect(() => concentration(new Map([['CHN', 1]]))).toThrow(/at least two/);
  });

  it('ranks ties in ISO3 order', () => {
    expect(
      ranked(
        new Map([
          ['RUS', 0.5],
          ['CHN', 0.5],
        ]),
      ).map((r) => r.iso3),
    ).toEqual(['CHN', 'RUS']);
  });
});

describe('bounds and invariances (properties)', () => {
  it('1/N ≤ HHI ≤ 1, 0 ≤ CON ≤ 1, 1 ≤ effective N ≤ N', () => {
    fc.assert(
      fc.property(figures, (xs) => {
        const c = concentration(sharesOf(map(xs))!);
        const n = xs.length;
        expect(c.hhi).toBeGreaterThanOrEqual(1 / n - 1e-12);
        expect(c.hhi).toBeLessThanOrEqual(1 + 1e-12);
        expect(c.con).toBeGreaterThanOrEqual(0);
        expect(c.con).toBeLessThanOrEqual(1);
        expect(c.effectiveNumber).toBeGreaterThanOrEqual(1 - 1e-9);
        expect(c.effectiveNumber).toBeLessThanOrEqual(n + 1e-9);
        expect(c.largest.share).toBeGreaterThanOrEqual(c.second.share);
        expect(c.largest.share + c.second.share + c.outsideTopTwo).toBeCloseTo(1, 9);
        expect(c.hegemon).toBe(c.largest.share > 0.5);
      }),
    );
  });

  it('CON equals the coefficient of variation of the shares over √(N − 1) (an independent formula)', () => {
    fc.assert(
      fc.property(figures, (xs) => {
        const s = [...sharesOf(map(xs))!.values()];
        const n = s.length;
        const mean = 1 / n;
        const sd = Math.sqrt(s.reduce((a, x) => a + (x - mean) ** 2, 0) / n);
        // Within 1e-6: CON reads a normalised excess under 1e-12 (CON < 1e-6) as exactly zero.
        expect(Math.abs(con(s) - sd / mean / Math.sqrt(n - 1))).toBeLessThan(1.5e-6);
      }),
    );
  });

  it('does not depend on the unit or the order of the members', () => {
    fc.assert(
      fc.property(figures, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (xs, k) => {
        const a = concentration(sharesOf(map(xs))!);
        const b = concentration(sharesOf(map(xs.map((x) => x * k)))!);
        const c = concentration(sharesOf(map([...xs].reverse()))!);
        expect(b.con).toBeCloseTo(a.con, 9);
        expect(c.con).toBeCloseTo(a.con, 9);
        expect(c.hhi).toBeCloseTo(a.hhi, 12);
      }),
    );
  });

  it('reaches its maximum only at a monopoly and 0 only at equality (brute force over small integer cases)', () => {
    for (let a = 0; a <= 6; a++)
      for (let b = 0; b <= 6; b++)
        for (let c = 0; c <= 6; c++) {
          if (a + b + c === 0) continue;
          const k = concentration(sharesOf(map([a, b, c]))!);
          const positive = [a, b, c].filter((x) => x > 0).length;
          expect(k.con === 1, `${a},${b},${c}`).toBe(positive === 1);
          expect(k.con === 0, `${a},${b},${c}`).toBe(a === b && b === c);
        }
  });
});
