import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/alignment/camps.js';
import { MISSING } from '../../src/alignment/data.js';
import { campUncertainty, quantile } from '../../src/alignment/uncertainty.js';

/** Votes of `states` on `n` roll calls: two blocs that vote alike with probability `p`, else at random. */
function blocs(n: number, p: number, seed: number): Uint8Array[] {
  const r = seededRandom(seed);
  const cols = Array.from({ length: 6 }, () => new Uint8Array(n));
  for (let k = 0; k < n; k++) {
    const bloc = [Math.floor(r() * 3), Math.floor(r() * 3)];
    for (let i = 0; i < 6; i++) cols[i]![k] = r() < p ? bloc[i < 3 ? 0 : 1]! : Math.floor(r() * 3);
  }
  return cols;
}
const states = ['A', 'B', 'C', 'D', 'E', 'F'];

describe('the uncertainty of the camps', () => {
  it('finds planted camps stronger than chance, with a tight bootstrap interval, and pairs stable', () => {
    const cols = blocs(400, 0.8, 1);
    const first = campUncertainty(states, cols, { observed: 0, resamples: 100 });
    const u = campUncertainty(states, cols, { observed: first.bootstrap.mean, resamples: 100 });
    expect(u.strongerThanChance).toBe(true);
    expect(u.null.p).toBeLessThan(0.05);
    expect(u.bootstrap.lo).toBeLessThanOrEqual(u.bootstrap.hi);
    const ab = u.sameCamp.find((p) => p.a === 'A' && p.b === 'B')!;
    const ad = u.sameCamp.find((p) => p.a === 'A' && p.b === 'D')!;
    expect(ab.share).toBeGreaterThan(0.95);
    expect(ad.share).toBeLessThan(0.05);
  });

  it('says camps found in pure noise are no stronger than chance', () => {
    const cols = blocs(300, 0, 2);
    const probe = campUncertainty(states, cols, { observed: 0, resamples: 0, permutations: 0 });
    expect(probe.resamples).toBe(0);
    // The observed modularity of noise is itself a draw from (about) the null distribution.
    const u = campUncertainty(states, cols, { observed: 0, resamples: 50, permutations: 200 });
    expect(u.strongerThanChance).toBe(false);
    expect(u.null.p).toBeGreaterThan(0.05);
  });

  it('is reproducible from its seed, and keeps every roll call tally in the null model', () => {
    const cols = blocs(120, 0.5, 3);
    cols[0]![5] = MISSING;
    const a = campUncertainty(states, cols, { observed: 0.1, resamples: 30, seed: 7 });
    const b = campUncertainty(states, cols, { observed: 0.1, resamples: 30, seed: 7 });
    const c = campUncertainty(states, cols, { observed: 0.1, resamples: 30, seed: 8 });
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(cols[0]![5]).toBe(MISSING); // the input is not changed
    for (const p of a.sameCamp) expect(p.share >= 0 && p.share <= 1).toBe(true);
  });

  it('quantiles interpolate between order statistics (R type 7)', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0)).toBe(1);
    expect(quantile([1, 2, 3, 4], 1)).toBe(4);
    expect(quantile([5], 0.975)).toBe(5);
  });
});
