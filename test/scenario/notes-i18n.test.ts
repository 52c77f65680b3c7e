/**
 * The scenario layer's sentences in Russian and Chinese (src/scenario/notes.ts, namespace
 * `scenario-notes`): the loader's capability notes as resolve writes them, and an import summary
 * (src/scenario/import/summary.ts's `formatSummary`), English byte-identical to before.
 */
import { describe, expect, it } from 'vitest';
import { formatSummary, type ImportSummary } from '../../src/scenario/import/summary.js';
import { loadFile } from '../../src/scenario/load.js';
import { capabilityNoteIn, importNoteIn, importReasonIn } from '../../src/scenario/notes.js';

describe('the capability note in the locale', () => {
  it('words the note of capabilities given (the example car.yaml) and of a data year', () => {
    const s = loadFile('scenarios/examples/car.yaml', process.cwd())[0]!.scenario;
    const note = s.capabilityNote!;
    expect(capabilityNoteIn(note, 'en')).toBe(note);
    expect(capabilityNoteIn(note, 'ru')).toBe(
      'потенциалы заданы в файле (их сумма 1,01); для моделей они поделены на сумму — прогнозы от масштаба не зависят',
    );
    expect(capabilityNoteIn('gdp: 2026 not available for every actor; 2024 used', 'zh-Hans')).toBe(
      'gdp：并非所有行为体都有 2026 年的数据；改用 2024 年',
    );
    expect(capabilityNoteIn('something new', 'ru')).toBeNull();
  });
});

describe('the import summary in the locale', () => {
  const s: ImportSummary = {
    format: 'long',
    file: 'x.csv',
    issues: 1,
    actors: 5,
    metadata: ['year', 'procedure'],
    counts: [
      {
        kind: 'skipped',
        reason: 'empty position: the actor takes no position on the issue',
        count: 7,
        where: ['line 2', 'line 3', 'line 4', 'line 5', 'line 6'],
      },
      {
        kind: 'defaulted',
        reason: 'position without a salience: salience set to 50',
        count: 1,
        where: ['line 9, column sfr'],
      },
      { kind: 'note', reason: 'a reason not in the catalogue', count: 1, where: ['RUS on bank'] },
    ],
    notes: ['no capability column: capabilities are equal'],
  };

  it('keeps the English as before', () => {
    expect(formatSummary(s)).toBe(
      [
        'x.csv: long table: 1 issue, 5 actors',
        '  case metadata kept: year, procedure',
        '  skipped 7: empty position: the actor takes no position on the issue (line 2; line 3; line 4; line 5; line 6, …)',
        '  defaulted 1: position without a salience: salience set to 50 (line 9, column sfr)',
        '  note 1: a reason not in the catalogue (RUS on bank)',
        '  note: no capability column: capabilities are equal',
      ].join('\n'),
    );
  });

  it('words the frame, reasons, places and notes in Russian and Chinese', () => {
    const ru = formatSummary(s, 'ru').split('\n');
    expect(ru[0]).toBe('x.csv: длинная таблица: 1 вопрос, 5 участников');
    expect(ru[1]).toBe('  сохранены метаданные случая: year и procedure');
    expect(ru[2]).toBe(
      '  пропущено — 7: пустая позиция: участник не занимает позиции по вопросу (строка 2; строка 3; строка 4; строка 5; строка 6, …)',
    );
    expect(ru[3]).toBe(
      '  по умолчанию — 1: позиция без значимости: значимость принята равной 50 (строка 9, столбец sfr)',
    );
    expect(ru[4]).toBe('  примечание — 1: a reason not in the catalogue (RUS on bank)');
    expect(ru[5]).toBe('  примечание: нет столбца потенциала: потенциалы равные');
    const zh = formatSummary(s, 'zh-Hans');
    expect(zh).toContain('x.csv：长表：1 个议题，5 个行为体');
    expect(zh).toContain('跳过 7 处：立场为空：该行为体对此议题不持立场（第 2 行; 第 3 行;');
    expect(importReasonIn('missing-data code 999 read as missing', 'ru')).toBe(
      'код отсутствующих данных 999 прочитан как пропуск',
    );
    expect(importNoteIn('powers differ between issues: one scenario per issue (3)', 'zh-Hans')).toBe(
      '各议题的权力不同：每个议题一个情景（3 个）',
    );
  });
});
