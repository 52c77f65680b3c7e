/** The reform explorer's ranking criteria (browser-safe: the lab's panel lists them). */
export const REFORM_RANKS = ['passage', 'worst-passage', 'equality', 'maxshare'] as const;
export type ReformRank = (typeof REFORM_RANKS)[number];
/** The ranking when none is asked for (the library, `concord reform --rank`, the API's body, the lab). */
export const DEFAULT_REFORM_RANK: ReformRank = 'passage';
