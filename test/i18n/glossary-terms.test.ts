/**
 * The terms of docs/glossary.md are written one way in every catalogue: each entry below is a
 * variant that was found in the Russian or Chinese catalogues next to the glossary's form, and was
 * replaced by it. A variant that comes back (a new message written with it) fails here, naming the
 * namespace and key.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const messagesDir = join(import.meta.dirname, '../../src/i18n/messages');

interface Variant {
  /** The variant that must not be written. */
  readonly pattern: RegExp;
  /** The glossary's form. */
  readonly use: string;
}

const VARIANTS: Readonly<Record<'ru' | 'zh-Hans', readonly Variant[]>> = {
  ru: [
    { pattern: /\bHHI\b/, use: 'ИХХ (индекс Херфиндаля–Хиршмана)' },
    { pattern: /базов\w+ уровн/, use: 'базовый прогноз (baseline)' },
    {
      pattern: /Рэя — Сингера|Шепли — Шубика/,
      use: 'Рэя–Сингера, Шепли–Шубика (an en dash between the names)',
    },
    { pattern: /способность предотвратить/, use: 'способность блокировать (Coleman)' },
    { pattern: /(^|[^а-яё])актор/, use: 'участник (actor)' },
  ],
  'zh-Hans': [
    { pattern: /蒙特卡洛/, use: '蒙特卡罗' },
    { pattern: /Brier ?分数|对数分数/, use: '布里尔评分, 对数评分' },
    { pattern: /Sobol ?(敏感|指数)/, use: '索博尔指数' },
    { pattern: /共识模型|共识核心|other \{共识\}/, use: '协商一致 (the consensus model and rule)' },
    { pattern: /凝聚力/, use: '凝聚度 (cohesion)' },
    { pattern: /回测/, use: '回溯检验 (backtest)' },
    { pattern: /显著性|按重要性/, use: '重视程度 (salience)' },
    { pattern: /Ray–Singer/, use: '雷–辛格' },
    { pattern: /扩大后/, use: '扩员后 (the enlarged membership)' },
    { pattern: /阻止力|阻止权力/, use: '阻止能力 (blocking power)' },
  ],
};

function catalogues(locale: string): Array<{ where: string; text: string }> {
  const out: Array<{ where: string; text: string }> = [];
  for (const ns of readdirSync(messagesDir)) {
    const dir = join(messagesDir, ns);
    if (!statSync(dir).isDirectory()) continue;
    const messages = JSON.parse(readFileSync(join(dir, `${locale}.json`), 'utf8')) as Record<string, string>;
    for (const [key, text] of Object.entries(messages))
      out.push({ where: `${ns}/${locale}.json ${key}`, text });
  }
  return out;
}

describe('glossary terms are written one way (docs/glossary.md)', () => {
  for (const locale of ['ru', 'zh-Hans'] as const) {
    it(`${locale}: no variant of a glossary term`, () => {
      const found: string[] = [];
      const messages = catalogues(locale);
      expect(messages.length).toBeGreaterThan(500);
      for (const { where, text } of messages)
        for (const v of VARIANTS[locale])
          if (v.pattern.test(text)) found.push(`${where}: ${v.pattern} → ${v.use}`);
      expect(found).toEqual([]);
    });
  }

  it('the glossary itself gives each form this test enforces', () => {
    const glossary = readFileSync(join(import.meta.dirname, '../../docs/glossary.md'), 'utf8');
    for (const term of [
      'ИХХ',
      'базовый прогноз',
      'Рэя–Сингера',
      'способность блокировать',
      '蒙特卡罗',
      '布里尔评分',
      '索博尔指数',
      '凝聚度',
      '回溯检验',
      '重视程度',
      '雷–辛格',
      '阻止能力',
    ])
      expect(glossary, term).toContain(term);
  });
});
