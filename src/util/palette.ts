/** Colours shared by the report and the web lab. */

/** Colours by membership status, shared by the map, the timeline and the web lab (colour-blind safe). */
export const STATUS_COLOURS: Record<string, string> = {
  member: '#1f4e9c',
  observer: '#2a9d8f',
  'dialogue partner': '#8ecae6',
  partner: '#e9a03b',
  applicant: '#c77dba',
  none: '#e6e6e6',
};

/**
 * One colour per bargaining model, used by every chart of the report and the lab (the issue line,
 * the sweep histograms, the workbench markers). Okabe–Ito hues, darkened where needed so each
 * reaches 3:1 against white; the names are those of MODEL_NAMES (a test checks they agree).
 */
export const MODEL_COLOURS: Readonly<
  Record<'consensus' | 'compromise' | 'median' | 'nash' | 'eum' | 'exchange' | 'smp', string> &
    Record<string, string | undefined>
> = {
  consensus: '#0072b2',
  compromise: '#b35c00',
  median: '#009e73',
  nash: '#cc79a7',
  eum: '#6a3d9a',
  // not an Okabe–Ito hue: their sky blue (#56b4e9) is too light on white; a neutral dark grey
  exchange: '#4d4d4d',
  // Okabe–Ito vermilion (#d55e00), darkened to reach 3:1 on white
  smp: '#c0392b',
};
