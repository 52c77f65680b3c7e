import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/util/format.js';
import { breakBetween, breakPieces, wrapText } from '../../src/util/wrap.js';

/** The space-only wrapping the CLI used before (src/cli/commands/balance.ts `wrap`, by length). */
function spaceWrap(text: string, width: number, indent: string): string {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = indent + word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out.join('\n');
}

const CLOSING = [...'，。、：；！？）」》”％…—'];
const OPENING = [...'（「《“'];

describe('break opportunities (UAX #14 subset, GB/T 15834 punctuation)', () => {
  it('between Chinese characters, and between a character and a Latin word or a number', () => {
    expect(breakPieces('协商一致')).toEqual(['协', '商', '一', '致']);
    expect(breakPieces('成员GDP的0.7%')).toEqual(['成', '员', 'GDP', '的', '0.7%']);
    expect(breakPieces('2001年6月')).toEqual(['2001', '年', '6', '月']);
    expect(breakPieces('Leech迭代法')).toEqual(['Leech', '迭', '代', '法']);
  });

  it('never inside a Latin word, a number, a code or a hyphenated name', () => {
    for (const w of ['consensus', '0.7%', '1/HHI', 'eu27-nice', 'Шепли–Шубика', 'KAZ,KGZ', '12,5\u00a0%'])
      expect(breakPieces(w), w).toEqual([w]);
  });

  it('never before closing punctuation, never after opening punctuation', () => {
    for (const c of CLOSING) {
      expect(breakBetween('中', c), `中${c}`).toBe(false);
      expect(breakBetween('a', c), `a${c}`).toBe(false);
    }
    for (const o of OPENING) {
      expect(breakBetween(o, '中'), `${o}中`).toBe(false);
      expect(breakBetween(o, 'a'), `${o}a`).toBe(false);
    }
    expect(breakPieces('（默认：今天）')).toEqual(['（默', '认：', '今', '天）']);
    expect(breakPieces('eu27-nice、unsc')).toEqual(['eu27-nice、', 'unsc']);
    // A dash or an ellipsis of two characters is not split; combining marks stay on their letter.
    expect(breakPieces('是——否')).toEqual(['是——', '否']);
    expect(breakPieces('等……')).toEqual(['等……']);
    expect(breakBetween('中', '\u0301')).toBe(false);
    // A zero-width space is an explicit opportunity.
    expect(breakPieces('abc\u200bdef')).toEqual(['abc\u200b', 'def']);
  });
});

describe('wrapText', () => {
  it('counts wide characters as two columns and breaks Chinese between characters', () => {
    const zh =
      '博弈中每个参与者的投票权力：彭罗斯、班扎夫、沙普利–舒比克、科尔曼、霍勒、迪根–帕克尔、约翰斯顿指数';
    const lines = wrapText(zh, 40, '  ').split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(displayWidth(l), l).toBeLessThanOrEqual(40);
    expect(lines.join('').replace(/ /g, '')).toBe(zh);
    expect(wrapText('短文本', 100)).toBe('短文本');
    // Never a closing mark at the start of a line: 、 stays with the word before it.
    expect(wrapText('甲乙、丙丁', 4)).toBe('甲\n乙、\n丙丁');
  });

  it('breaks only at spaces in text without wide characters: the wrapping English always had', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9.,;:()%–=²√½-]{0,12}$/);
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 30 }),
        fc.integer({ min: 1, max: 100 }),
        fc.constantFrom('', '  ', '            '),
        (words, width, indent) => {
          const text = words.join(' ');
          expect(wrapText(text, width, indent)).toBe(spaceWrap(text, width, indent));
        },
      ),
    );
    const cyrillic = fc.stringMatching(/^[а-яёА-ЯЁ0-9,.«»—–\u00a0\u202f]{0,14}$/);
    fc.assert(
      fc.property(fc.array(cyrillic, { maxLength: 30 }), fc.integer({ min: 1, max: 100 }), (words, width) => {
        const text = words.join(' ');
        expect(wrapText(text, width, '  ')).toBe(spaceWrap(text, width, '  '));
      }),
    );
  });

  it('mixed Chinese and Latin text: lines fit, nothing is lost, the rules hold at every break', () => {
    const piece = fc.oneof(
      fc.constantFrom(...'的成员国份额协商一致中国俄罗斯'),
      fc.constantFrom(...CLOSING, ...OPENING),
      fc.stringMatching(/^[A-Za-z]{1,8}$/),
      fc.stringMatching(/^[0-9]{1,4}(\.[0-9])?%?$/),
      fc.constant(' '),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 8, max: 60 }), (pieces, width) => {
        const text = pieces.join('');
        const indent = '  ';
        const lines = wrapText(text, width, indent).split('\n');
        // Nothing lost or added but the spaces a break drops and the indent.
        expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
        let at = 0; // where the next line starts in `text` (spaces aside)
        const compact = text.replace(/ /g, '');
        lines.forEach((line, i) => {
          const body = i === 0 ? line : line.slice(indent.length);
          // A line wider than the width is one piece that cannot break.
          if (displayWidth(line) > width) expect(breakPieces(body.trim()).length, line).toBe(1);
          at += body.replace(/ /g, '').length;
          if (i < lines.length - 1 && at > 0 && at < compact.length) {
            const before = [...compact.slice(0, at)].at(-1)!;
            const after = [...compact.slice(at)][0]!;
            // A break without a space in the text is a break opportunity.
            const spaced =
              /\s$/.test(line) || /^\s/.test(lines[i + 1]!.slice(indent.length)) || isSpaceBreak(text, at);
            if (!spaced) {
              expect(breakBetween(before, after), `${before}|${after}`).toBe(true);
              // The punctuation rules, independently of breakBetween's tables.
              expect(CLOSING.includes(after) || OPENING.includes(before), `${before}|${after}`).toBe(false);
              expect(/[A-Za-z0-9.%]/.test(before) && /[A-Za-z0-9.%]/.test(after), `${before}|${after}`).toBe(
                false,
              );
            }
          }
        });
      }),
    );
  });
});

/** Whether the `at`-th non-space character of `text` follows a space (a break there may be a space's). */
function isSpaceBreak(text: string, at: number): boolean {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === ' ') continue;
    if (n === at) return i > 0 && text[i - 1] === ' ';
    n++;
  }
  return false;
}
