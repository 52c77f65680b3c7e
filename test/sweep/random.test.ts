import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fmix32, Rng, replicateState } from '../../src/sweep/random.js';

describe('xoshiro128**', () => {
  it('gives the reference sequence of the state (1, 2, 3, 4)', () => {
    // Reference output of xoshiro128** 1.1 (Blackman & Vigna's C code), as used in the test suite
    // of the rand_xoshiro crate.
    const r = new Rng([1, 2, 3, 4]);
    expect(Array.from({ length: 10 }, () => r.nextU32())).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804,
    ]);
  });

  it('gives uniforms strictly inside (0, 1) with the right mean and variance', () => {
    const r = Rng.forReplicate(7, 0);
    let s = 0;
    let s2 = 0;
    const n = 200_000;
    let lo = 1;
    let hi = 0;
    for (let i = 0; i < n; i++) {
      const u = r.uniform();
      s += u;
      s2 += u * u;
      lo = Math.min(lo, u);
      hi = Math.max(hi, u);
    }
    expect(lo).toBeGreaterThan(0);
    expect(hi).toBeLessThan(1);
    expect(Math.abs(s / n - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(s2 / n - s ** 2 / n ** 2 - 1 / 12)).toBeLessThan(0.002);
  });

  it('passes a chi-square test on 100 equal cells', () => {
    const r = Rng.forReplicate(1, 42);
    const cells = new Array(100).fill(0);
    const n = 100_000;
    for (let i = 0; i < n; i++) cells[Math.floor(r.uniform() * 100)]++;
    const chi2 = cells.reduce((t, c) => t + (c - n / 100) ** 2 / (n / 100), 0);
    // 99 degrees of freedom: the 99.99% point is about 153.
    expect(chi2).toBeLessThan(153);
  });
});

describe('the replicate hash', () => {
  it('is a documented, stable function of (seed, index, stream)', () => {
    // Golden values of the formula in src/sweep/random.ts; a change here changes every sweep.
    expect(fmix32(0)).toBe(0);
    expect(fmix32(1)).toBe(0x514e28b7);
    expect(Array.from(replicateState(1, 0))).toEqual(Array.from(replicateState(1, 0)));
    const a = Rng.forReplicate(1, 0).nextU32();
    const b = Rng.forReplicate(1, 1).nextU32();
    const c = Rng.forReplicate(2, 0).nextU32();
    const d = Rng.forReplicate(1, 0, 1).nextU32();
    expect(new Set([a, b, c, d]).size).toBe(4);
  });

  it('uses the high words of seeds and indices above 2^32', () => {
    const s = 2 ** 32;
    expect(Array.from(replicateState(s, 0))).not.toEqual(Array.from(replicateState(0, 0)));
    expect(Array.from(replicateState(0, s))).not.toEqual(Array.from(replicateState(0, 0)));
  });

  it('gives each replicate its own stream, whatever else was drawn before (property)', () => {
    fc.assert(
      fc.property(fc.nat(1e9), fc.nat(1e6), fc.nat(50), (seed, index, burn) => {
        const r = Rng.forReplicate(seed, index + 1);
        for (let i = 0; i < burn; i++) r.nextU32();
        const fresh = Rng.forReplicate(seed, index);
        const reused = r.reseed(seed, index);
        for (let i = 0; i < 5; i++) expect(reused.nextU32()).toBe(fresh.nextU32());
      }),
    );
  });

  it('decorrelates neighbouring replicates (first draws of 100,000 indices are uniform)', () => {
    const cells = new Array(50).fill(0);
    const n = 100_000;
    for (let i = 0; i < n; i++) cells[Math.floor(Rng.forReplicate(1, i).uniform() * 50)]++;
    const chi2 = cells.reduce((t, c) => t + (c - n / 50) ** 2 / (n / 50), 0);
    expect(chi2).toBeLessThan(95); // 49 d.f., 99.99% point ≈ 93.6… kept a little loose
  });

  it('rejects seeds that are not integers in [0, 2^53)', () => {
    expect(() => replicateState(-1, 0)).toThrow(RangeError);
    expect(() => replicateState(1.5, 0)).toThrow(RangeError);
    expect(() => replicateState(0, 2 ** 53)).toThrow(RangeError);
  });
});
