import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/util/format.js';

describe('displayWidth', () => {
  it('counts one column per character below U+0300, as for any other narrow text', () => {
    for (const [s, w] of [
      ['', 0],
      ['P193  0.0084  no', 16],
      ['café ÷ ×', 8],
      ['tab\there', 8],
      ['Банзаф', 6],
      ['e\u0301', 1],
      ['中国 CHN', 8],
      ['𠀀x', 3],
    ] as const)
      expect(displayWidth(s), s).toBe(w);
  });
});
