// The Alignment page's reading of the camps' uncertainty (web/src/camps.ts), on the real analysis:
// the interval and the null figure as computed, and the verdict following the comparison with the
// null's 95th percentile (a window where the camps are no stronger than chance says so).
import { describe, expect, it } from 'vitest';
import { alignOrganization } from '../../src/alignment/analysis.js';
import { loadVoteData } from '../../src/alignment/load.js';
import { loadOrganizations } from '../../src/org/load.js';
import { campsUncertaintyText, campsVerdict } from '../../web/src/camps.js';

describe('camps uncertainty text', () => {
  it('reads the bootstrap interval, the null figure and the verdict of the SCO', () => {
    const r = alignOrganization(loadVoteData(), loadOrganizations().get('sco'), {
      from: '2018-01-01',
      to: '2022-12-31',
      bootstrap: 60,
      seed: 1,
    });
    const u = r.camps.uncertainty!;
    expect(u.bootstrap.lo).toBeLessThanOrEqual(u.bootstrap.hi);
    const text = campsUncertaintyText(u);
    expect(text).toContain(`modularity ${u.observed.toFixed(3)}`);
    expect(text).toContain(`95% interval ${u.bootstrap.lo.toFixed(3)}–${u.bootstrap.hi.toFixed(3)}`);
    expect(text).toContain('60 resamples');
    expect(campsVerdict(u)).toBe(u.observed > u.null.hi ? 'stronger than chance' : 'no stronger than chance');
  });

  it('says "no stronger than chance" when the camps do not beat the null', () => {
    const u = {
      resamples: 200,
      permutations: 200,
      observed: 0.01,
      bootstrap: { mean: 0.01, lo: -0.002, hi: 0.02 },
      null: { mean: 0.008, hi: 0.015, p: 0.31 },
      strongerThanChance: false,
    };
    expect(campsVerdict(u)).toBe('no stronger than chance');
    expect(campsUncertaintyText(u)).toBe(
      'modularity 0.010, 95% interval -0.002–0.020 (200 resamples of the roll calls); chance 0.015 at the 95th percentile of 200 permutations (p 0.310)',
    );
    expect(campsUncertaintyText({ ...u, null: { mean: 0, hi: -1e-17, p: 0.01 } })).toContain('chance 0.000');
  });
});
