/**
 * The UN General Assembly roll-call data as Concord ships it (`data/generated/unga-votes.json`,
 * written by `npm run data:build` from Voeten's 1946–2019 data and the UN's own records of
 * 2019–2026; see docs/alignment.md), and its decoding into typed arrays. Pure: reading the file is
 * in ./load.ts.
 *
 * Encoding of the votes. Each state's votes are one string over the roll calls `first …
 * first + count − 1` (in date order). A vote is a base-4 digit: 0 = no, 1 = the code 0 (in
 * Voeten's data: abstention, absence or non-membership, merged; in the UN's records: abstention),
 * 2 = yes, 3 = no vote recorded (the UN's records only: absent, not participating, or no vote under
 * Art. 19). Three votes make one character: digit₀ + 4·digit₁ + 16·digit₂ indexes
 * {@link VOTE_ALPHABET}, printable ASCII without `"` and `\` (so JSON needs no escapes). Outside a
 * state's span every vote is the blank of its roll call's source: 1 for Voeten's roll calls (the
 * merged 0, as in the source), 3 for the UN's (no vote recorded).
 */
import type { DataMeta } from '../data/types.js';

/** 81 characters: ASCII 35 (`#`) to 116 (`t`) without 92 (`\`); the encoding uses the first 64. */
export const VOTE_ALPHABET: string = Array.from({ length: 82 }, (_, i) => String.fromCharCode(35 + i))
  .filter((c) => c !== '\\')
  .join('');

const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < 64; i++) DECODE[VOTE_ALPHABET.charCodeAt(i)] = i;

/** A vote as written to the file: −1 no, 0 the code 0 (abstention, or Voeten's merged 0), 1 yes, null no vote recorded. */
export type FileVote = -1 | 0 | 1 | null;

/** The digit of a file vote: 0 no, 1 zero, 2 yes, 3 no vote recorded. */
export function voteDigit(v: number | null): number {
  if (v === null) return 3;
  if (v !== -1 && v !== 0 && v !== 1) throw new Error(`vote ${v} is not -1, 0, 1 or null`);
  return v + 1;
}

/** Encodes digits in {0, 1, 2, 3} (see {@link voteDigit}) as a string, three a character. */
export function encodeDigits(digits: ArrayLike<number>): string {
  let out = '';
  for (let i = 0; i < digits.length; i += 3) {
    let v = 0;
    for (let k = 2; k >= 0; k--) {
      const x = i + k < digits.length ? digits[i + k]! : 0;
      if (x !== 0 && x !== 1 && x !== 2 && x !== 3) throw new Error(`digit ${x} at ${i + k} is not 0–3`);
      v = v * 4 + x;
    }
    out += VOTE_ALPHABET[v];
  }
  return out;
}

/** Encodes votes (−1, 0, 1, or null for no vote recorded). */
export function encodeVotes(votes: ArrayLike<number | null>): string {
  return encodeDigits(Array.from({ length: votes.length }, (_, i) => voteDigit(votes[i]!)));
}

/** Decodes `count` digits from a string written by {@link encodeDigits}, into `target` from `offset`. */
export function decodeVotes(text: string, count: number, target?: Uint8Array, offset = 0): Uint8Array {
  const out = target ?? new Uint8Array(count);
  if (Math.ceil(count / 3) !== text.length)
    throw new Error(`encoded votes: ${text.length} characters cannot hold ${count} votes`);
  for (let c = 0; c < text.length; c++) {
    let v = DECODE[text.charCodeAt(c)] ?? -1;
    if (v < 0) throw new Error(`encoded votes: bad character ${JSON.stringify(text[c])} at ${c}`);
    for (let k = 0; k < 3; k++) {
      const i = c * 3 + k;
      if (i < count) out[offset + i] = v % 4;
      v = Math.floor(v / 4);
    }
  }
  return out;
}

/** The two sources of the roll calls, in the order of `rollCalls.source`. */
export interface VoteSource {
  readonly id: 'voeten' | 'un';
  readonly title: string;
  readonly source: string;
  readonly url: string;
  readonly licence: string;
  readonly derivedFrom: string;
  readonly firstDate: string;
  readonly lastDate: string;
  /** `merged`: abstention, absence and non-membership are one code 0; `distinct`: abstention is told apart. */
  readonly abstention: 'merged' | 'distinct';
  readonly note: string;
}

export interface UngaMeta extends DataMeta {
  /** Roll calls in Voeten's vote matrix that his roll-call file does not describe (no date): dropped. */
  readonly droppedRollCalls: readonly number[];
  readonly encoding: string;
  /** The sources, indexed by `rollCalls.source`. */
  readonly sources: readonly VoteSource[];
  /** First date of the UN's records kept (the seam: from here on, only resolutions voted as a whole). */
  readonly seam: string;
  /** How the topics of the UN's roll calls were assigned, and how well the rules reproduce Voeten's labels. */
  readonly topicRules: {
    readonly method: string;
    readonly rules: Readonly<Record<string, string>>;
    readonly reproduction: ReadonlyArray<{
      topic: string;
      rollCalls: number;
      alike: number;
      recall: number | null;
      precision: number | null;
    }>;
  };
}

/** The file `data/generated/unga-votes.json`. Roll calls are columns, sorted by date. */
export interface UngaVotesFile {
  readonly meta: UngaMeta;
  /** Topic code → label (Voeten's `short_name` → `issue`). */
  readonly topics: Readonly<Record<string, string>>;
  readonly rollCalls: {
    /** Voeten's roll-call id; null for a roll call only in the UN's records. */
    readonly rcid: ReadonlyArray<number | null>;
    readonly session: readonly number[];
    /** YYYY-MM-DD. */
    readonly date: readonly string[];
    /** The resolution or document symbol (`unres`), '' if none. */
    readonly unres: readonly string[];
    /** `i` important vote (US State Department list), `a` amendment, `p` paragraph vote; '' none. */
    readonly flags: readonly string[];
    /** Topic codes separated by `,`; '' for a roll call without a topic. */
    readonly topics: readonly string[];
    /** Index into `meta.sources`. */
    readonly source: readonly number[];
    /** Title of the roll call (Voeten's `short`, else the start of `descr`; the UN's title). */
    readonly title: readonly string[];
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

/** What a roll call decided on: a resolution (or decision) as a whole, an amendment, or a paragraph. */
export type RollCallScope = 'resolution' | 'amendment' | 'paragraph';

export interface RollCall {
  /** Position in date order, the index into every state's vote vector. */
  readonly index: number;
  readonly rcid: number | null;
  readonly session: number;
  readonly date: string;
  readonly year: number;
  readonly unres: string;
  readonly title: string;
  readonly important: boolean;
  readonly amendment: boolean;
  readonly paragraph: boolean;
  readonly scope: RollCallScope;
  readonly topics: readonly string[];
  /** `voeten` (1946–2019, 0 merged) or `un` (the UN's records, abstention distinct). */
  readonly source: 'voeten' | 'un';
}

/** Code of a state's vote on a roll call in {@link VoteData.codes}: no, 0, yes, or not present. */
export const NO = 0;
/** Abstention (the UN's records), or Voeten's merged 0 in a session the state took part in. */
export const ZERO = 1;
export const YES = 2;
/**
 * Not taking part: on a UN-records roll call, no vote recorded (absent, not participating, or no
 * vote under Art. 19); on one of Voeten's, no yes or no vote from the state in the whole session.
 */
export const MISSING = 3;

/** The decoded data: one code vector per state over all roll calls. */
export interface VoteData {
  readonly meta: UngaMeta;
  readonly topics: Readonly<Record<string, string>>;
  readonly rollCalls: readonly RollCall[];
  readonly states: readonly string[];
  readonly names: ReadonlyMap<string, string>;
  /** Per state, per roll call: NO, ZERO, YES or MISSING (see the constants). */
  readonly codes: ReadonlyMap<string, Uint8Array>;
  /** Per state, the sessions in which it cast at least one yes or no vote. */
  readonly sessions: ReadonlyMap<string, ReadonlySet<number>>;
  /** Date of the first roll call of the UN's records, or null when there is none. */
  readonly seam: string | null;
}

/** Decodes the shipped file into {@link VoteData}. */
export function decodeVoteData(file: UngaVotesFile): VoteData {
  const rc = file.rollCalls;
  const n = rc.rcid.length;
  for (const k of ['session', 'date', 'unres', 'flags', 'topics', 'source', 'title'] as const)
    if (rc[k].length !== n)
      throw new Error(`unga-votes.json: rollCalls.${k} has ${rc[k].length} entries, not ${n}`);
  const sourceIds = file.meta.sources.map((s) => s.id);
  const rollCalls: RollCall[] = [];
  for (let i = 0; i < n; i++) {
    const flags = rc.flags[i]!;
    const source = sourceIds[rc.source[i]!];
    if (!source) throw new Error(`unga-votes.json: roll call ${i}: unknown source ${rc.source[i]}`);
    const amendment = flags.includes('a');
    const paragraph = flags.includes('p');
    rollCalls.push({
      index: i,
      rcid: rc.rcid[i]!,
      session: rc.session[i]!,
      date: rc.date[i]!,
      year: Number(rc.date[i]!.slice(0, 4)),
      unres: rc.unres[i]!,
      title: rc.title[i]!,
      important: flags.includes('i'),
      amendment,
      paragraph,
      scope: amendment ? 'amendment' : paragraph ? 'paragraph' : 'resolution',
      topics: rc.topics[i] ? rc.topics[i]!.split(',') : [],
      source,
    });
  }
  const blank = new Uint8Array(n);
  for (let i = 0; i < n; i++) blank[i] = rollCalls[i]!.source === 'un' ? 3 : 1;
  const codes = new Map<string, Uint8Array>();
  const sessions = new Map<string, Set<number>>();
  const names = new Map<string, string>();
  const digits = new Uint8Array(n);
  for (const s of file.states) {
    digits.set(blank);
    if (s.first < 0 || s.first + s.count > n)
      throw new Error(`unga-votes.json: ${s.iso3}: span out of range`);
    decodeVotes(s.votes, s.count, digits, s.first);
    const present = new Set<number>();
    for (let i = 0; i < n; i++) if (digits[i] === 0 || digits[i] === 2) present.add(rollCalls[i]!.session);
    const code = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const d = digits[i]!;
      if (rollCalls[i]!.source === 'un') code[i] = d;
      else if (d === 3)
        throw new Error(`unga-votes.json: ${s.iso3}: no-vote code on a roll call of Voeten's`);
      else code[i] = present.has(rollCalls[i]!.session) ? d : MISSING;
    }
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
    seam: rollCalls.find((r) => r.source === 'un')?.date ?? null,
  };
}
