import { describe, expect, it } from 'vitest';
import { MODEL_NAMES } from '../../src/bargaining/forecast.js';
import { MODEL_COLOURS, STATUS_COLOURS } from '../../src/util/palette.js';

/** Relative luminance and contrast ratio (WCAG 2.1, 1.4.11 non-text contrast ≥ 3:1). */
function contrastOnWhite(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return 1.05 / (l + 0.05);
}

describe('palette', () => {
  it('has one colour for every model, and only for models', () => {
    expect(Object.keys(MODEL_COLOURS).sort()).toEqual([...MODEL_NAMES].sort());
  });
  it('gives the models distinct colours that reach 3:1 against white', () => {
    const colours = Object.values(MODEL_COLOURS) as string[];
    expect(new Set(colours.map((c) => c.toLowerCase())).size).toBe(colours.length);
    for (const c of colours) expect(contrastOnWhite(c)).toBeGreaterThanOrEqual(3);
  });
  it('colours every membership status, distinctly', () => {
    const colours = Object.values(STATUS_COLOURS);
    expect(new Set(colours).size).toBe(colours.length);
    expect(Object.keys(STATUS_COLOURS)).toContain('none');
  });
});
