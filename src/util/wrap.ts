/**
 * Word-wrapping of terminal text by columns, for English, Russian and Chinese alike.
 *
 * Width is counted in terminal columns (`displayWidth`: East Asian wide and full-width characters
 * take two). A line breaks at a space (the space is dropped) and, where no space is written, at
 * the break opportunities of Chinese and Japanese text: between two ideographs, and between an
 * ideograph and a Latin word or a number — never inside a Latin word or a number. This is the part
 * of the Unicode line-breaking algorithm (UAX #14: classes ID, CL, CP, OP, NS, QU, PO, B2, IN, CM)
 * that the CLI's catalogues need, with the Chinese rules of GB/T 15834-2011 for punctuation: a
 * closing mark (，。、：；！？）」》” …) never starts a line, an opening mark (（「《“ …) never ends
 * one, and a dash or an ellipsis (—— ……) is not split. No-break spaces (U+00A0, U+202F: Russian
 * digit groups and «12,5 %») never break.
 *
 * For text without wide characters the result is the greedy space-only wrapping Concord always
 * used (test/util/wrap.test.ts checks it against that algorithm), so English output is unchanged.
 */
import { displayWidth, isWideCodePoint } from './format.js';

/** Characters a line never starts with: closing punctuation, stops, dashes, small kana, marks. */
const NO_BREAK_BEFORE = new Set(
  [
    '，。、．：；！？）］｝」』】〕〗〙〛〉》〞〟’”％‰℃・·…‥—–～〜ー々〻ゝゞヽヾ゛゜',
    'ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ',
    ',.:;!?)]}%\'"',
  ].join(''),
);

/** Characters a line never ends with: opening punctuation and quotation marks. */
const NO_BREAK_AFTER = new Set(['（［｛「『【〔〖〘〚〈《〝‘“', '([{\'"'].join(''));

/** Full-width Latin letters and digits: wide, but words, not ideographs. */
function fullWidthAlphanumeric(c: number): boolean {
  return (c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);
}

/** Marks that belong to the character before them (combining, joiners, variation selectors). */
function attached(c: number): boolean {
  return (c >= 0x300 && c <= 0x36f) || c === 0x200d || (c >= 0xfe00 && c <= 0xfe0f) || c === 0x20e3;
}

/** An ideograph (or kana, hangul syllable): a line may break before and after it. */
function ideographic(c: number): boolean {
  return isWideCodePoint(c) && !fullWidthAlphanumeric(c);
}

/** Whether a line may break between `a` and `b`, two adjacent characters written without a space. */
export function breakBetween(a: string, b: string): boolean {
  const ca = a.codePointAt(0)!;
  const cb = b.codePointAt(0)!;
  if (attached(cb) || NO_BREAK_BEFORE.has(b) || NO_BREAK_AFTER.has(a)) return false;
  if (ca === 0x200b) return true; // zero-width space: an explicit opportunity
  return ideographic(ca) || ideographic(cb);
}

/** A run of text without spaces cut at its break opportunities (the whole run when it has none). */
export function breakPieces(run: string): string[] {
  const pieces: string[] = [];
  let piece = '';
  let previous = '';
  for (const ch of run) {
    if (piece && breakBetween(previous, ch)) {
      pieces.push(piece);
      piece = '';
    }
    piece += ch;
    previous = ch;
  }
  pieces.push(piece);
  return pieces;
}

/**
 * Wraps a paragraph greedily at `width` columns, continuation lines starting with `indent` (its
 * columns count). A piece wider than the line stays whole on a line of its own. Newlines in `text`
 * are not treated specially: wrap each line of a text by itself.
 */
export function wrapText(text: string, width: number, indent = ''): string {
  const out: string[] = [];
  const indentWidth = displayWidth(indent);
  let line = '';
  let used = 0;
  for (const word of text.split(' ')) {
    const pieces = breakPieces(word);
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      const w = displayWidth(piece);
      const space = i === 0 ? 1 : 0;
      if (line && used + space + w > width) {
        out.push(line);
        line = indent + piece;
        used = indentWidth + w;
      } else if (line) {
        line += (space ? ' ' : '') + piece;
        used += space + w;
      } else {
        line = piece;
        used = w;
      }
    }
  }
  if (line) out.push(line);
  return out.join('\n');
}
