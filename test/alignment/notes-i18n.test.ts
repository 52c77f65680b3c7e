/**
 * The alignment analysis's notes in Russian and Chinese (src/alignment/notes.ts's
 * `alignmentNoteIn`, namespace `alignment-notes`): every note the analyses of the shipped
 * organizations write over several windows is worded in the language, with its codes, years and
 * counts, and no English word; English stays the text of `concord alignment --json`.
 */
import { describe, expect, it } from 'vitest';
import { alignOrganization, ZERO_NOTE } from '../../src/alignment/analysis.js';
import { loadVoteData } from '../../src/alignment/load.js';
import { alignmentNoteIn, zeroNoteIn } from '../../src/alignment/notes.js';
import { isConcordError } from '../../src/errors.js';
import { loadOrganizations } from '../../src/org/load.js';
import { englishWords } from '../helpers/i18n-text.js';

const data = loadVoteData();
const reg = loadOrganizations();

/** Every note of the analyses of each organization over a few windows (whole, to the end of the data's last year, recent, the 1960s). */
function allNotes(): string[] {
  const out = new Set<string>();
  const last = data.rollCalls.at(-1)!.date;
  for (const org of reg.all()) {
    for (const w of [
      {},
      { from: '1990', to: last.slice(0, 4) },
      { from: '2015', to: '2024', with: ['USA', 'PRK', 'SSD'] },
      { from: '1962', to: '1966', with: ['USA'] },
    ]) {
      try {
        const r = alignOrganization(data, org, w);
        for (const n of r.notes) out.add(n);
        for (const s of r.stages) if (s.note) out.add(s.note);
      } catch (e) {
        if (!isConcordError(e)) throw e;
      }
    }
  }
  return [...out];
}

describe('alignment notes in three languages', () => {
  const notes = allNotes();

  it('the analyses write notes of every kind', () => {
    expect(notes.length).toBeGreaterThan(10);
    const all = notes.join('\n');
    for (const s of [
      'not comparable',
      'cast no yes or no vote',
      'the window crosses',
      'the vote data end on',
    ])
      expect(all, s).toContain(s);
  });

  it('English is the note itself', () => {
    for (const n of notes) expect(alignmentNoteIn(n, 'en')).toBe(n);
  });

  for (const locale of ['ru', 'zh-Hans'] as const) {
    it(`${locale}: every note but the topic rules' is worded in the language, codes and figures kept`, () => {
      const problems: string[] = [];
      for (const n of notes) {
        if (n.startsWith('topics of the roll calls')) continue;
        const text = alignmentNoteIn(n, locale, locale === 'ru' ? 'ШОС' : '上合组织');
        if (text === null) {
          problems.push(`untranslated: ${n}`);
          continue;
        }
        const words = englishWords(text, ['Voeten', '--scope resolutions']);
        if (words.length) problems.push(`${words.join(' ')} — ${text}`);
        for (const code of n.match(/\b[A-Z]{3}\b/g) ?? [])
          if (code !== 'SCO' && !text.includes(code)) problems.push(`${code} missing — ${text}`);
        for (const y of n.match(/\b(19|20)\d\d\b/g) ?? [])
          if (!text.includes(y)) problems.push(`${y} missing — ${text}`);
      }
      expect(problems).toEqual([]);
    });
  }

  it('a note it does not know is null (shown in English, marked so)', () => {
    expect(alignmentNoteIn('something new', 'ru')).toBeNull();
    expect(
      alignmentNoteIn(
        'not comparable: no roll call in the window after 2001-06-15; something new',
        'zh-Hans',
      ),
    ).toBeNull();
  });

  it('words the coding of 0 and the scenario form’s note; English as the JSON gives them', () => {
    expect(zeroNoteIn(ZERO_NOTE, 'en')).toBe(ZERO_NOTE);
    const ru = zeroNoteIn(ZERO_NOTE, 'ru')!;
    expect(ru).toContain('воздержание — это голос (код 0, третий вариант)');
    expect(ru).toContain('7 ноября 2019 г.');
    expect(ru).toContain('1946–2019 гг.');
    expect(zeroNoteIn(ZERO_NOTE, 'zh-Hans')).toContain('自2019年11月7日起');
    expect(zeroNoteIn('something new', 'ru')).toBeNull();
    const note = 'no positions for KGZ, TJK: left out';
    expect(alignmentNoteIn(note, 'ru')).toBe('нет позиций у KGZ, TJK: исключены');
    expect(alignmentNoteIn(note, 'zh-Hans')).toBe('KGZ、TJK没有立场：已略去');
  });
});
