/**
 * The camps' uncertainty as the Alignment page reads it (the API's `camps.uncertainty`, with
 * `bootstrap` resamples): the modularity's 95% bootstrap interval over roll calls, the null model's
 * 95th percentile (votes permuted within each roll call) and whether the camps beat it — the same
 * reading as the report's "Did enlargement fragment the SCO?" section.
 */
import type { CampUncertainty } from '../../src/alignment/uncertainty.js';

export type CampUncertaintyView = Pick<
  CampUncertainty,
  'resamples' | 'permutations' | 'observed' | 'bootstrap' | 'null' | 'strongerThanChance'
>;

const f3 = (x: number) => x.toFixed(3);
/** The null model's figures are modularities near 0: "0.000" for −1e-17 rather than "-0.000". */
const f3z = (x: number) => (Math.abs(x) < 0.0005 ? '0.000' : x.toFixed(3));

export function campsVerdict(u: CampUncertaintyView): string {
  return u.strongerThanChance ? 'stronger than chance' : 'no stronger than chance';
}

/** "modularity 0.058, 95% interval 0.045–0.073 (200 resamples); chance 0.000 at the 95th percentile (p 0.005)" */
export function campsUncertaintyText(u: CampUncertaintyView): string {
  return `modularity ${f3(u.observed)}, 95% interval ${f3(u.bootstrap.lo)}–${f3(u.bootstrap.hi)} (${u.resamples} resamples of the roll calls); chance ${f3z(u.null.hi)} at the 95th percentile of ${u.permutations} permutations (p ${u.null.p.toFixed(3)})`;
}
