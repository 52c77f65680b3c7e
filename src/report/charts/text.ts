/**
 * Text in the report's SVG charts: the font stack (with CJK and Cyrillic fonts, so Chinese and
 * Russian labels never fall back to boxes), an estimate of a label's width, and a legend that
 * flows its items by their measured widths instead of fixed slots (Russian labels run about a
 * third longer than English; Chinese ones are shorter but each character is a full em wide).
 */

/** The font stack of every chart (an SVG presentation attribute: single quotes inside). */
export const CHART_FONT =
  "system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

/**
 * The width of a label in px at `size` px, from per-character advances of a sans-serif face
 * (rounded up, so a label fitted by it does not overflow): CJK ideographs, kana and full-width
 * forms one em, Cyrillic and Latin capitals about 0.68 em, other Latin and digits about 0.56 em,
 * narrow punctuation and spaces about 0.3 em.
 */
export function textWidth(text: string, size = 11): number {
  let em = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (
      (c >= 0x2e80 && c <= 0x9fff) ||
      (c >= 0xac00 && c <= 0xd7af) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xffef) ||
      c >= 0x20000
    )
      em += 1;
    else if (c >= 0x0400 && c <= 0x04ff) em += ch === ch.toUpperCase() ? 0.72 : 0.6;
    else if (/[A-Z@%&MW]/.test(ch) || /[mw]/.test(ch)) em += 0.72;
    else if (/[\s.,:;'’!|ijl()[\]]/.test(ch)) em += 0.3;
    else em += 0.58;
  }
  return Math.ceil(em * size);
}

/**
 * Shortens a label to fit `max` px (an ellipsis at the end); the full text belongs in a <title>.
 */
export function fitText(text: string, max: number, size = 11): string {
  if (textWidth(text, size) <= max) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(`${chars.join('')}…`, size) > max) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

export interface LegendItem {
  readonly label: string;
}

/**
 * Positions of legend items laid left to right from `x0`, wrapping before `x1`: each takes its
 * swatch, its measured label and a gap. Returns each item's offset and the number of rows.
 */
export function flowLegend<T extends LegendItem>(
  items: readonly T[],
  o: { x0: number; x1: number; swatch: number; gap?: number; size?: number; minSlot?: number },
): { placed: Array<T & { x: number; row: number }>; rows: number } {
  const gap = o.gap ?? 18;
  const placed: Array<T & { x: number; row: number }> = [];
  let x = o.x0;
  let row = 0;
  for (const it of items) {
    const w = Math.max(o.minSlot ?? 0, o.swatch + 6 + textWidth(it.label, o.size ?? 11) + gap);
    if (x > o.x0 && x + w - gap > o.x1) {
      row++;
      x = o.x0;
    }
    placed.push({ ...it, x, row });
    x += w;
  }
  return { placed, rows: items.length ? row + 1 : 0 };
}
