/** The reform explorer's ranking criteria (browser-safe: the lab's panel lists them). */
export const REFORM_RANKS = ['passage', 'worst-passage', 'equality', 'maxshare'] as const;
export type ReformRank = (typeof REFORM_RANKS)[number];
