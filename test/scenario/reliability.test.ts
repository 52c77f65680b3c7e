import { describe, expect, it } from 'vitest';
import { alphaWithInterval, krippendorffAlpha } from '../../src/scenario/reliability.js';

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the reliability data with 4
// observers, 12 units and missing values (also the "C" data of R's irr::kripp.alpha and
// DescTools::KrippAlpha examples). Published: nominal α = 0.743, interval α = 0.849.
const OBS = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];
const UNITS = OBS[0]!.map((_, u) => OBS.flatMap((row) => (row[u] === null ? [] : [row[u]!])));

describe("Krippendorff's alpha", () => {
  it("reproduces Krippendorff's worked example: interval 0.849, nominal 0.743", () => {
    expect(krippendorffAlpha(UNITS, 'interval').alpha).toBeCloseTo(0.849, 3);
    expect(krippendorffAlpha(UNITS, 'nominal').alpha).toBeCloseTo(0.743, 3);
    // unit 12 has one value: not pairable; 40 values in 11 units
    expect(krippendorffAlpha(UNITS).units).toBe(11);
    expect(krippendorffAlpha(UNITS).values).toBe(40);
  });

  it('is 1 for perfect agreement, about 0 for values shuffled across units, unchanged by rescaling', () => {
    expect(
      krippendorffAlpha([
        [1, 1],
        [5, 5],
        [3, 3],
      ]).alpha,
    ).toBe(1);
    const scaled = UNITS.map((u) => u.map((v) => 10 * v + 7));
    expect(krippendorffAlpha(scaled).alpha).toBeCloseTo(krippendorffAlpha(UNITS).alpha!, 12);
    expect(krippendorffAlpha([[1], [2]]).alpha).toBeNull();
    expect(
      krippendorffAlpha([
        [2, 2],
        [2, 2],
      ]).alpha,
    ).toBeNull();
  });

  it('the bootstrap interval is seeded and contains the estimate', () => {
    const a = alphaWithInterval(UNITS, { resamples: 500, seed: 3 });
    const b = alphaWithInterval(UNITS, { resamples: 500, seed: 3 });
    expect(a.ci95).toEqual(b.ci95);
    expect(a.ci95![0]).toBeLessThanOrEqual(a.alpha!);
    expect(a.ci95![1]).toBeGreaterThanOrEqual(a.alpha!);
  });
});
