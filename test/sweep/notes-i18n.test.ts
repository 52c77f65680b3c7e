/**
 * The sweep's sentences in Russian and Chinese (src/sweep/notes.ts, namespace `sweep-notes`): the
 * adapters' labels, the uncertainty a sweep or a backtest's sweep used, the Sobol warnings, as the
 * engine writes them in English (the JSON's text, returned as is in English).
 */
import { describe, expect, it } from 'vitest';
import { adapterIds, getAdapter } from '../../src/sweep/adapters.js';
import { DEFAULT_UNCERTAINTY_TEXT } from '../../src/sweep/engine.js';
import { adapterLabelIn, sobolWarningIn, sweepUncertaintyIn } from '../../src/sweep/notes.js';

describe('the sweep’s sentences in the locale', () => {
  it('words every adapter’s label, and the English as given', () => {
    for (const a of adapterIds().map(getAdapter)) {
      expect(adapterLabelIn(a.id, a.label, 'en')).toBe(a.label);
      for (const l of ['ru', 'zh-Hans'] as const) {
        const own = adapterLabelIn(a.id, a.label, l);
        expect(own).not.toBe(a.label);
        expect(own).toContain('Concord');
      }
    }
  });

  it('words the default uncertainty of a sweep and of a backtest', () => {
    const texts = [
      `default (the file has no uncertainty block): ${DEFAULT_UNCERTAINTY_TEXT}`,
      `the default uncertainty: ${DEFAULT_UNCERTAINTY_TEXT}`,
      `the uncertainty block of each file that has one; for the others, the default uncertainty: ${DEFAULT_UNCERTAINTY_TEXT}`,
      'the uncertainty block of each file that has one',
    ];
    for (const x of texts) {
      expect(sweepUncertaintyIn(x, 'en')).toBe(x);
      const ru = sweepUncertaintyIn(x, 'ru')!;
      const zh = sweepUncertaintyIn(x, 'zh-Hans')!;
      for (const t of [ru, zh]) expect(t.replace(/uncertainty/g, '')).not.toMatch(/[a-z]{3}/);
    }
    expect(sweepUncertaintyIn(texts[0]!, 'ru')).toContain('× ширина шкалы');
    expect(sweepUncertaintyIn(texts[0]!, 'ru')).toContain('логнормальное(0; 0,2)');
    expect(sweepUncertaintyIn('something new', 'zh-Hans')).toBeNull();
  });

  it('words the Sobol warnings, numbers in the locale', () => {
    const f = 'position.bank.RUS';
    const w = [
      `${f}: the first-order index (0.412) exceeds the total (0.380) beyond their 95% bootstrap interval: the estimates are not to be trusted (more runs, or a model whose outcome jumps)`,
      `${f}: the first-order index (0.412) is above the total (0.380), within sampling error (difference -0.010 to 0.070)`,
      `${f}: the first-order index (0.412) is above the total (0.380), within sampling error (too few batches for an interval)`,
    ];
    for (const x of w) {
      expect(sobolWarningIn(x, 'en')).toBe(x);
      const ru = sobolWarningIn(x, 'ru')!;
      expect(ru).toMatch(/^position\.bank\.RUS: индекс первого порядка \(0,412\) /);
      expect(ru).toContain('(0,380)');
      expect(sobolWarningIn(x, 'zh-Hans')).toMatch(/^position\.bank\.RUS：一阶指数（0\.412）/);
    }
    expect(sobolWarningIn(w[1]!, 'ru')).toContain('от -0,010 до 0,070');
    expect(sobolWarningIn('something new', 'ru')).toBeNull();
  });
});
