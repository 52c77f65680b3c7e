/**
 * The forecast explanations in three languages (src/bargaining/forecast.ts's `explain`,
 * `explainPackage`, `modelNoteIn`; namespace `explain`). English is `forecast --json`'s text and
 * must not change: test/fixtures/i18n/explanations-en.json holds it as it was before the
 * explanations went through the catalogue, for every branch (test/bargaining/explain-cases.ts).
 * Russian and Chinese must carry the same figures and codes and no English word.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  notIndependentNote,
  SUBSET_DESCRIPTIONS,
  subsetDescriptionIn,
} from '../../src/bargaining/backtest.js';
import { explain, explainPackage, forecastJson, modelNoteIn } from '../../src/bargaining/forecast.js';
import { countryName } from '../../src/data/load.js';
import type { Locale } from '../../src/i18n/locale.js';
import { englishWords, figures } from '../helpers/i18n-text.js';
import { explainCases } from './explain-cases.js';

const golden = JSON.parse(
  readFileSync(join(import.meta.dirname, '../fixtures/i18n/explanations-en.json'), 'utf8'),
) as Record<string, { explanation: string; notes: Record<string, string>; package?: string }>;

const cases = explainCases();

describe('forecast explanations', () => {
  it('cover the branches (the fixture has every case and variant)', () => {
    const keys = cases.flatMap((c) => c.fs.map((f) => `${c.key}/${f.issue.id}`));
    expect(keys.length).toBeGreaterThan(250);
    expect(keys.sort()).toEqual(Object.keys(golden).sort());
    const all = Object.values(golden)
      .map((g) => g.explanation)
      .join('\n');
    for (const branch of [
      'but they are outvoted',
      'do not form a winning coalition',
      'interested members',
      'as agenda setter, gets',
      'is in the core',
      'adopted as part of a package',
      'Decided alone',
      'fails:',
      'no consensus model run',
      'no forecast',
      'consensus model: no agenda setter',
    ])
      expect(all, branch).toContain(branch);
  });

  it('English is byte for byte what forecast --json has always said (explanations, notes, packages)', () => {
    const diffs: string[] = [];
    for (const c of cases) {
      const j = forecastJson(c.s, c.fs);
      c.fs.forEach((f, k) => {
        const key = `${c.key}/${f.issue.id}`;
        const g = golden[key]!;
        if (j.issues[k]!.explanation !== g.explanation) diffs.push(`${key}: ${j.issues[k]!.explanation}`);
        if (explain(c.s, f, 'en') !== g.explanation) diffs.push(`${key} (en): ${explain(c.s, f, 'en')}`);
        if (JSON.stringify(f.notes) !== JSON.stringify(g.notes)) diffs.push(`${key} notes`);
        if (f.package && explainPackage(c.s, f.package.result) !== g.package) diffs.push(`${key} package`);
      });
    }
    expect(diffs).toEqual([]);
  });

  for (const locale of ['ru', 'zh-Hans'] as const satisfies readonly Locale[]) {
    it(`${locale}: every explanation is translated, with the same figures and codes and no English word`, () => {
      const problems: string[] = [];
      const names = (a: { id: string; name: string }) =>
        /^[A-Z]{3}$/.test(a.id) ? countryName(a.id, locale) : a.id;
      for (const c of cases) {
        c.fs.forEach((f) => {
          const key = `${c.key}/${f.issue.id}`;
          const english = golden[key]!.explanation;
          const text = explain(c.s, f, locale, names);
          // issue and package ids are codes, written as the file gives them
          const words = englishWords(text, [
            ...c.s.issues.map((i) => i.id),
            ...(c.s.packages ?? []).map((p) => p.id),
            ...c.s.actors.map((a) => a.id),
          ]);
          if (words.length) problems.push(`${key}: ${words.join(' ')} — ${text}`);
          // The figures: the English has the same numbers (the proposer's name aside, none has digits).
          const want = figures(english, 'en');
          const got = figures(text, locale);
          if (want.join() !== got.join()) problems.push(`${key}: figures ${got} vs ${want} — ${text}`);
          for (const code of english.match(/\b[A-Z]{3}\b/g) ?? [])
            if (!text.includes(code)) problems.push(`${key}: ${code} missing — ${text}`);
        });
      }
      expect(problems.slice(0, 10)).toEqual([]);
    });

    it(`${locale}: every model note the models write is in the catalogue`, () => {
      const notes = new Set(Object.values(golden).flatMap((g) => Object.values(g.notes)));
      for (const n of notes) {
        const text = modelNoteIn(n, locale);
        expect(text, n).not.toBeNull();
        expect(englishWords(text!), n).toEqual([]);
      }
    });
  }

  it('Russian and Chinese write numbers their way: a decimal comma in Russian', () => {
    const plane = cases.find((c) => c.key.endsWith('/coded') && c.s.issues.some((i) => i.dims > 1))!;
    const f = plane.fs.find((x) => x.issue.dims > 1)!;
    const en = explain(plane.s, f);
    const ru = explain(plane.s, f, 'ru');
    if (/\d\.\d/.test(en)) expect(ru).toMatch(/\d,\d/);
    expect(ru).not.toMatch(/\d\.\d/);
  });
});

describe('the backtest’s own sentences', () => {
  it('English is the text the JSON has always carried', () => {
    expect(notIndependentNote(['b'], ['a'])).toBe(
      'Coder b is not an independent coder (its codings say independent: false: written by the same person as coder a, knowing that coding and the outcomes), so the mean-coding headline leans on it; coder a alone is the fairer figure.',
    );
    expect(notIndependentNote(['a', 'b'], [])).toBe(
      'Coder a, b is not an independent coder (its codings say independent: false: written by the same person as another coder, knowing that coding and the outcomes), so the mean-coding headline leans on it; no coder is the fairer figure.',
    );
    expect(subsetDescriptionIn('codedBeforeOutcome', 'en')).toBe(
      'cases coded (`coded:`) before the decision: true forecasts',
    );
  });

  it('Russian and Chinese word every subset and the note, codes and field names kept', () => {
    for (const locale of ['ru', 'zh-Hans'] as const) {
      for (const name of Object.keys(SUBSET_DESCRIPTIONS) as (keyof typeof SUBSET_DESCRIPTIONS)[]) {
        const text = subsetDescriptionIn(name, locale);
        expect(englishWords(text, ['sourceDate', 'inferred']), text).toEqual([]);
      }
      const note = notIndependentNote(['b'], ['a'], locale);
      expect(englishWords(note, ['independent: false']), note).toEqual([]);
      expect(note).toMatch(/\bb\b[\s\S]*\ba\b/);
    }
  });

  it('words the exchange model’s fallback note (the error when it cannot run)', () => {
    const n = 'the exchange model cannot run here';
    expect(modelNoteIn(n, 'en')).toBe(n);
    expect(modelNoteIn(n, 'ru')).toBe('модель обмена здесь неприменима');
    expect(modelNoteIn(n, 'zh-Hans')).toBe('交换模型在此无法运行');
  });
});
