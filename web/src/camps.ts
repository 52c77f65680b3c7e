/**
 * The camps' uncertainty as the Alignment page reads it (the API's `camps.uncertainty`, with
 * `bootstrap` resamples): the modularity's 95% bootstrap interval over roll calls, the null model's
 * 95th percentile (votes permuted within each roll call) and whether the camps beat it — the same
 * reading as the report's "Did enlargement fragment the SCO?" section.
 */
import type { CampUncertainty } from '../../src/alignment/uncertainty.js';
import { type Formatter, formatter } from '../../src/i18n/format.js';
import { labAlignment } from '../../src/i18n/messages/lab-alignment/index.js';
import { type Translate, translator } from '../../src/i18n/translate.js';

type AlignT = Translate<NonNullable<(typeof labAlignment)['__keys']>>;

export type CampUncertaintyView = Pick<
  CampUncertainty,
  'resamples' | 'permutations' | 'observed' | 'bootstrap' | 'null' | 'strongerThanChance'
>;

export function campsVerdict(u: CampUncertaintyView, t: AlignT = translator(labAlignment, 'en')): string {
  return u.strongerThanChance ? t('camps.stronger') : t('camps.notStronger');
}

/** "modularity 0.058, 95% interval 0.045–0.073 (200 resamples); chance 0.000 at the 95th percentile (p 0.005)" */
export function campsUncertaintyText(
  u: CampUncertaintyView,
  t: AlignT = translator(labAlignment, 'en'),
  n: Formatter = formatter('en'),
): string {
  const f3 = (x: number) => n.fixed(x, 3);
  /** The null model's figures are modularities near 0: "0.000" for −1e-17 rather than "-0.000". */
  const f3z = (x: number) => n.fixed(Math.abs(x) < 0.0005 ? 0 : x, 3);
  return t('camps.uncertainty', {
    observed: f3(u.observed),
    lo: f3(u.bootstrap.lo),
    hi: f3(u.bootstrap.hi),
    resamples: u.resamples,
    chance: f3z(u.null.hi),
    permutations: u.permutations,
    p: f3(u.null.p),
  });
}
