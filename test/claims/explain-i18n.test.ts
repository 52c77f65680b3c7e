/**
 * The claim check's explanations in three languages (src/claims/check.ts's `checkClaims(…, locale)`,
 * namespace `claims-explain`). English is the `explanation` of `concord claims --json` and
 * /api/claims: test/fixtures/i18n/claims-en.json holds it as it was before the explanations went
 * through the catalogue, for every measure, comparison and nuclear-weapon-state case
 * (./claim-variants.ts). Russian and Chinese carry the same figures, verdicts and codes and no
 * English word.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkClaims } from '../../src/claims/check.js';
import { loadDefaultClaims } from '../../src/claims/load.js';
import { loadDataset } from '../../src/data/load.js';
import { loadOrganizations } from '../../src/org/load.js';
import { englishWords, figures } from '../helpers/i18n-text.js';
import { claimVariants, groupVariants } from './claim-variants.js';

const golden = JSON.parse(
  readFileSync(join(import.meta.dirname, '../fixtures/i18n/claims-en.json'), 'utf8'),
) as Record<string, string>;
const reg = loadOrganizations();
const ds = loadDataset();
const check = (locale?: 'en' | 'ru' | 'zh-Hans') => {
  const seed = loadDefaultClaims();
  const a = locale
    ? checkClaims(claimVariants(seed), reg, ds, locale)
    : checkClaims(claimVariants(seed), reg, ds);
  const b = locale
    ? checkClaims(groupVariants(seed), reg, ds, locale)
    : checkClaims(groupVariants(seed), reg, ds);
  return [...a.claims, ...b.claims];
};

describe('claim explanations', () => {
  const en = check();

  it('English is byte for byte what the claim check has always said', () => {
    expect(Object.fromEntries(en.map((c) => [c.id, c.explanation]))).toEqual(golden);
    expect(check('en').map((c) => c.explanation)).toEqual(en.map((c) => c.explanation));
    // the branches are there
    const all = Object.values(golden).join('\n');
    for (const s of [
      'as named',
      'named but not nuclear',
      ' nuclear but not named',
      '(undeclared:',
      'no data to compute',
    ])
      expect(all).toContain(s);
  });

  for (const locale of ['ru', 'zh-Hans'] as const) {
    it(`${locale}: the same verdicts, figures and codes, and no English word`, () => {
      const out = check(locale);
      const problems: string[] = [];
      out.forEach((c, k) => {
        const e = en[k]!;
        expect(c.verdict).toBe(e.verdict);
        expect(c.computed).toBe(e.computed);
        const words = englishWords(c.explanation, ['CINC', 'GDP']);
        if (words.length) problems.push(`${c.id}: ${words.join(' ')} — ${c.explanation}`);
        // Chinese counts in 万 and 亿 (41.3亿, not 4.13 billion): compare the codes and years there.
        // (a date is written in words: «29 апреля 2021 г.»)
        if (
          locale === 'ru' &&
          e.computed !== null &&
          figures(c.explanation, 'ru').join() !== figures(e.explanation, 'en').join()
        )
          problems.push(`${c.id}: figures — ${c.explanation} vs ${e.explanation}`);
        for (const code of e.explanation.match(/\b[A-Z]{3}\b|\b(19|20)\d\d\b/g) ?? [])
          if (!c.explanation.includes(code)) problems.push(`${c.id}: ${code} missing — ${c.explanation}`);
      });
      expect(problems).toEqual([]);
    });
  }

  it('writes the figures the locale’s way', () => {
    const by = (l: 'ru' | 'zh-Hans') => Object.fromEntries(check(l).map((c) => [c.id, c.explanation]));
    expect(by('ru').population).toBe('заявлено: более 3,000 млрд; расчёт: 3,282 млрд (данные за 2021 г.)');
    expect(by('zh-Hans').population).toBe('文中称超过30亿；计算值为32.82亿（2021年数据）');
    expect(by('ru')['nuclear-both']).toContain(
      'названы, но не обладают ядерным оружием: KAZ; обладают ядерным оружием, но не названы: PAK',
    );
    expect(by('zh-Hans')['group-nuclear']).toContain('ISR');
  });
});
