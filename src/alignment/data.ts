/**
 * The UN General Assembly roll-call data as Concord ships it (`data/generated/unga-votes.json`,
 * written by `npm run data:build` from Voeten's data; see docs/alignment.md), and its decoding into
 * typed arrays. Pure: reading the file is in ./load.ts.
 *
 * Encoding of the votes. Each state's votes are one string over the roll calls `first …
 * first + count − 1` (in date order); outside that span the state cast no vote at all. A vote is a
 * base-3 digit: 0 = no (−1), 1 = the merged code 0 (abstention, absence or non-membership), 2 = yes
 * (+1). Four votes make one character: digit₀ + 3·digit₁ + 9·digit₂ + 27·digit₃ indexes
 * {@link VOTE_ALPHABET}, 81 printable ASCII characters without `"` and `\` (so JSON needs no
 * escapes). The last character is padded with digit 1 (code 0). 1.24 million votes take about
 * 250 KB this way.
 */
import type { DataMeta } from '../data/types.js';

/** 81 characters: ASCII 35 (`#`) to 116 (`t`) without 92 (`\`). */
export const VOTE_ALPHABET: string = Array.from({ length: 82 }, (_, i) => String.fromCharCode(35 + i))
  .filter((c) => c !== '\\')
  .join('');

const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < VOTE_ALPHABET.length; i++) DECODE[VOTE_ALPHABET.charCodeAt(i)] = i;

/** Encodes votes in {−1, 0, 1} as a string of {@link VOTE_ALPHABET}, four votes a character. */
export function encodeVotes(votes: ArrayLike<number>): string {
  let out = '';
  for (let i = 0; i < votes.length; i += 4) {
    let v = 0;
    for (let k = 3; k >= 0; k--) {
      const x = i + k < votes.length ? votes[i + k]! : 0;
      if (x !== -1 && x !== 0 && x !== 1) throw new Error(`vote ${x} at ${i + k} is not -1, 0 or 1`);
      v = v * 3 + (x + 1);
    }
    out += VOTE_ALPHABET[v];
  }
  return out;
}

/** Decodes `count` votes from a string written by {@link encodeVotes}, into `target` from `offset`. */
export function decodeVotes(text: string, count: number, target?: Int8Array, offset = 0): Int8Array {
  const out = target ?? new Int8Array(count);
  if (Math.ceil(count / 4) !== text.length)
    throw new Error(`encoded votes: ${text.length} characters cannot hold ${count} votes`);
  for (let c = 0; c < text.length; c++) {
    let v = DECODE[text.charCodeAt(c)] ?? -1;
    if (v < 0) throw new Error(`encoded votes: bad character ${JSON.stringify(text[c])} at ${c}`);
    for (let k = 0; k < 4; k++) {
      const i = c * 4 + k;
      if (i < count) out[offset + i] = (v % 3) - 1;
      v = Math.floor(v / 3);
    }
  }
  return out;
}

export interface UngaMeta extends DataMeta {
  /** Roll calls in the vote matrix that the roll-call file does not describe (no date): dropped. */
  readonly droppedRollCalls: readonly number[];
  readonly encoding: string;
}

/** The file `data/generated/unga-votes.json`. Roll calls are columns, sorted by date, then rcid. */
export interface UngaVotesFile {
  readonly meta: UngaMeta;
  /** Topic code → label (Voeten's `short_name` → `issue`). */
  readonly topics: Readonly<Record<string, string>>;
  readonly rollCalls: {
    readonly rcid: readonly number[];
    readonly session: readonly number[];
    /** YYYY-MM-DD. */
    readonly date: readonly string[];
    /** The resolution or document symbol (`unres`), '' if none. */
    readonly unres: readonly string[];
    /** `i` important vote (US State Department list), `a` amendment, `p` paragraph vote; '' none. */
    readonly flags: readonly string[];
    /** Topic codes separated by `,`; '' for a roll call without a topic. */
    readonly topics: readonly string[];
  };
  readonly states: ReadonlyArray<{
    readonly iso3: string;
    readonly name: string;
    /** The rows of the source matrix merged into this code (see src/data/unga-names.ts). */
    readonly sourceNames: readonly string[];
    /** Index of the first roll call of the encoded span. */
    readonly first: number;
    /** Number of roll calls in the encoded span. */
    readonly count: number;
    readonly votes: string;
  }>;
}

export interface RollCall {
  /** Position in date order, the index into every state's vote vector. */
  readonly index: number;
  readonly rcid: number;
  readonly session: number;
  readonly date: string;
  readonly year: number;
  readonly unres: string;
  readonly important: boolean;
  readonly amendment: boolean;
  readonly paragraph: boolean;
  readonly topics: readonly string[];
}

/** Code of a state's vote on a roll call in {@link VoteData.codes}: no, 0, yes, or not present. */
export const NO = 0;
export const ZERO = 1;
export const YES = 2;
/** The state cast no vote at all in the roll call's session: not (yet, or no longer) a member, or away. */
export const MISSING = 3;

/** The decoded data: one code vector per state over all roll calls. */
export interface VoteData {
  readonly meta: UngaMeta;
  readonly topics: Readonly<Record<string, string>>;
  readonly rollCalls: readonly RollCall[];
  readonly states: readonly string[];
  readonly names: ReadonlyMap<string, string>;
  /**
   * Per state, per roll call: NO (−1), ZERO (0), YES (+1), or MISSING when the state cast no yes or
   * no vote in the whole session of that roll call (taken as "not a member or not taking part that
   * session": its zeros in that session carry no information).
   */
  readonly codes: ReadonlyMap<string, Uint8Array>;
  /** Per state, the sessions in which it cast at least one yes or no vote. */
  readonly sessions: ReadonlyMap<string, ReadonlySet<number>>;
}

/** Decodes the shipped file into {@link VoteData}. */
export function decodeVoteData(file: UngaVotesFile): VoteData {
  const rc = file.rollCalls;
  const n = rc.rcid.length;
  for (const k of ['session', 'date', 'unres', 'flags', 'topics'] as const)
    if (rc[k].length !== n)
      throw new Error(`unga-votes.json: rollCalls.${k} has ${rc[k].length} entries, not ${n}`);
  const rollCalls: RollCall[] = [];
  for (let i = 0; i < n; i++) {
    const flags = rc.flags[i]!;
    rollCalls.push({
      index: i,
      rcid: rc.rcid[i]!,
      session: rc.session[i]!,
      date: rc.date[i]!,
      year: Number(rc.date[i]!.slice(0, 4)),
      unres: rc.unres[i]!,
      important: flags.includes('i'),
      amendment: flags.includes('a'),
      paragraph: flags.includes('p'),
      topics: rc.topics[i] ? rc.topics[i]!.split(',') : [],
    });
  }
  const codes = new Map<string, Uint8Array>();
  const sessions = new Map<string, Set<number>>();
  const names = new Map<string, string>();
  const votes = new Int8Array(n);
  for (const s of file.states) {
    votes.fill(0);
    if (s.first < 0 || s.first + s.count > n)
      throw new Error(`unga-votes.json: ${s.iso3}: span out of range`);
    decodeVotes(s.votes, s.count, votes, s.first);
    const present = new Set<number>();
    for (let i = 0; i < n; i++) if (votes[i] !== 0) present.add(rollCalls[i]!.session);
    const code = new Uint8Array(n);
    for (let i = 0; i < n; i++) code[i] = present.has(rollCalls[i]!.session) ? votes[i]! + 1 : MISSING;
    codes.set(s.iso3, code);
    sessions.set(s.iso3, present);
    names.set(s.iso3, s.name);
  }
  return {
    meta: file.meta,
    topics: file.topics,
    rollCalls,
    states: file.states.map((s) => s.iso3),
    names,
    codes,
    sessions,
  };
}
