// The report's uncertainty section: a seeded in-memory sweep of every SCO case.
import { describe, expect, it } from 'vitest';
import { sweepScoCases, sweepsSection } from '../../src/report/sections/sweeps.js';

describe('the uncertainty section', () => {
  it('sweeps every SCO case reproducibly', () => {
    const a = sweepScoCases(200);
    expect(a).toHaveLength(26);
    for (const c of a) {
      expect(c.summary.replicates).toBe(200);
      expect(c.summary.sweep.models).toEqual(['consensus', 'compromise', 'median']);
    }
    expect(JSON.stringify(sweepScoCases(200).map((c) => c.summary))).toBe(
      JSON.stringify(a.map((c) => c.summary)),
    );
  });

  it('renders histograms, adoption and blocking by member, with no scripts', async () => {
    const out = await sweepsSection.render({} as never);
    expect((out.html.match(/<svg /g) ?? []).length).toBeGreaterThan(26); // one per issue; some cases have several
    expect(out.html).toContain('How often each member blocks the tabled proposal');
    expect(out.html).toContain('status quo');
    expect(out.html).not.toContain('<script');
    expect(out.summary[0]).toMatch(/26 SCO cases \(\d+ issues\) × 2,000 perturbed runs/);
  });
});
