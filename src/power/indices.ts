/**
 * From exact counts to the power indices of a simple game (N, W), n = |N| players.
 *
 *   η_i        swings of i: coalitions S ∌ i with S losing and S ∪ {i} winning
 *   Penrose    β'_i = η_i / 2^(n-1)                       (Penrose 1946; Banzhaf 1965, absolute)
 *   Banzhaf    β_i  = η_i / Σ_j η_j                        (normalised Banzhaf)
 *   Shapley–Shubik  φ_i = Σ_k s_i(k) · k!(n-1-k)!/n!        s_i(k): swings with |S| = k (Shapley & Shubik 1954)
 *   passage probability  A = |W| / 2^n                     (Coleman 1971: power of the collectivity to act)
 *   Coleman, to prevent   CP_i = η_i / |W|                 (Coleman 1971)
 *   Coleman, to initiate  CI_i = η_i / (2^n − |W|)
 *   so that β'_i = 2·A·CP_i = 2·(1 − A)·CI_i              (Felsenthal & Machover 1998, §3.2)
 *   Holler (public good)  h_i = m_i / Σ_j m_j              m_i: minimal winning coalitions containing i (Holler 1982)
 *   Deegan–Packel         ρ_i = (1/|M|) Σ_{S∈M, i∈S} 1/|S| (Deegan & Packel 1978)
 *   Johnston              γ_i = Σ_{S∈W, i∈C(S)} 1/|C(S)|, normalised to sum 1; C(S): critical members of S (Johnston 1978)
 *   veto: i belongs to every winning coalition.
 *
 * Every index is computed as an exact fraction of BigInts and converted to a double at the end.
 */
import { ConcordError } from '../errors.js';
import { type Fraction, factorials, frac, fracOverPow2, fracString, toNumber } from './exact.js';

/** What a counting algorithm produces; `null` for what it did not compute. */
export interface PowerCounts {
  readonly n: number;
  readonly winning: bigint;
  /** null when not counted (a weighted game asked only for the passage probability, Holler or Johnston). */
  readonly swings: readonly bigint[] | null;
  /** swingsBySize[i][k]: swings of i with |S| = k (S without i), k = 0..n-1. */
  readonly swingsBySize: ReadonlyArray<readonly bigint[]> | null;
  readonly veto: readonly boolean[];
  readonly minimal: {
    readonly total: bigint;
    /** containingBySize[i][s]: minimal winning coalitions of size s containing i, s = 0..n. */
    readonly containingBySize: ReadonlyArray<readonly bigint[]>;
  } | null;
  /** The number of minimal winning coalitions, when known without the per-player counts. */
  readonly minimalTotal?: bigint;
  /** Minimal winning coalitions containing each player, when known without their sizes (Holler only). */
  readonly minimalContaining?: readonly bigint[];
  /** johnstonByCritical[i][c]: winning coalitions with c critical members, i one of them. */
  readonly johnstonByCritical: ReadonlyArray<readonly bigint[]> | null;
  readonly notes: readonly string[];
}

export interface ExactIndices {
  readonly passage: Fraction;
  readonly players: ReadonlyArray<{
    /** null without the swings; not reduced when not asked for (`want`: its value only). */
    penrose: Fraction | null;
    banzhaf: Fraction | null;
    shapleyShubik: Fraction | null;
    /** null when not asked for (`want`). */
    colemanPrevent: Fraction | null;
    colemanInitiate: Fraction | null;
    holler: Fraction | null;
    deeganPackel: Fraction | null;
    johnston: Fraction | null;
  }>;
}

/**
 * `want`: the indices asked for (default all). The passage probability is always given; Penrose
 * and Banzhaf whenever the swings were counted, as exact fractions reduced only when asked for (a
 * gcd per distinct swing count; otherwise num/den as they come, for their value); the Coleman
 * indices only when asked for.
 */
export function exactIndices(c: PowerCounts, want?: ReadonlySet<PowerIndexName>): ExactIndices {
  const n = c.n;
  const all = 1n << BigInt(n);
  const half = 1n << BigInt(n - 1);
  const asked = (name: PowerIndexName) => !want || want.has(name);
  const swings = c.swings;
  const totalSwings = swings ? swings.reduce((a, b) => a + b, 0n) : 0n;
  const fact = c.swingsBySize ? factorials(n) : [];
  const mTotals =
    c.minimal?.containingBySize.map((row) => row.reduce((a, b) => a + b, 0n)) ?? c.minimalContaining;
  const sumM = mTotals?.reduce((a, b) => a + b, 0n) ?? 0n;
  // Deegan–Packel: Σ_s m_i(s)/s over a common denominator L = lcm(1..n)
  const L = c.minimal || c.johnstonByCritical ? lcm(n) : 0n;
  const dp = c.minimal?.containingBySize.map((row) =>
    row.reduce((a, m, s) => (s ? a + (m * L) / BigInt(s) : a), 0n),
  );
  const jRaw = c.johnstonByCritical?.map((row) =>
    row.reduce((a, m, k) => (k ? a + (m * L) / BigInt(k) : a), 0n),
  );
  const jTotal = jRaw?.reduce((a, b) => a + b, 0n) ?? 0n;
  // Players of one weight share their counts: each fraction is reduced once per distinct count
  // (a gcd of n-bit numbers is most of the time of the swing indices past a few hundred players).
  const zero = frac(0n, 1n);
  const asIs =
    (den: bigint) =>
    (num: bigint): Fraction => ({ num, den });
  const penrose = swings
    ? over(half, asked('penrose') ? (num) => fracOverPow2(num, n - 1) : asIs(half))
    : null;
  const banzhaf = swings
    ? totalSwings
      ? over(totalSwings, asked('banzhaf') ? undefined : asIs(totalSwings))
      : () => zero
    : null;
  const prevent = swings && asked('coleman-prevent') ? (c.winning ? over(c.winning) : () => zero) : null;
  const initiate = swings && asked('coleman-initiate') && all - c.winning ? over(all - c.winning) : null;
  // k!(n−1−k)! once per size; one fraction per distinct row of swings by size
  const weightOfSize = c.swingsBySize ? Array.from({ length: n }, (_, k) => fact[k]! * fact[n - 1 - k]!) : [];
  const ssOf = new Map<readonly bigint[], Fraction>();
  const ss = (row: readonly bigint[]): Fraction => {
    let f = ssOf.get(row);
    if (!f) {
      f = frac(
        row.reduce((a, s, k) => (s ? a + s * weightOfSize[k]! : a), 0n),
        fact[n]!,
      );
      ssOf.set(row, f);
    }
    return f;
  };
  return {
    passage: fracOverPow2(c.winning, n),
    players: Array.from({ length: n }, (_, i) => ({
      penrose: penrose ? penrose(swings![i]!) : null,
      banzhaf: banzhaf ? banzhaf(swings![i]!) : null,
      shapleyShubik: c.swingsBySize ? ss(c.swingsBySize[i]!) : null,
      colemanPrevent: prevent ? prevent(swings![i]!) : null,
      colemanInitiate: initiate ? initiate(swings![i]!) : null,
      holler: mTotals ? (sumM ? frac(mTotals[i]!, sumM) : frac(0n, 1n)) : null,
      deeganPackel:
        dp && c.minimal ? (c.minimal.total ? frac(dp[i]!, c.minimal.total * L) : frac(0n, 1n)) : null,
      johnston: jRaw ? (jTotal ? frac(jRaw[i]!, jTotal) : frac(0n, 1n)) : null,
    })),
  };
}

/** num ↦ num/den reduced, remembered per numerator. */
function over(den: bigint, reduce = (num: bigint) => frac(num, den)): (num: bigint) => Fraction {
  const known = new Map<bigint, Fraction>();
  return (num) => {
    let f = known.get(num);
    if (!f) {
      f = reduce(num);
      known.set(num, f);
    }
    return f;
  };
}

function lcm(n: number): bigint {
  let l = 1n;
  for (let k = 2n; k <= BigInt(n); k++) {
    let a = l;
    let b = k;
    while (b) [a, b] = [b, a % b];
    l = (l / a) * k;
  }
  return l;
}

export const INDEX_KEYS = [
  'penrose',
  'banzhaf',
  'shapleyShubik',
  'colemanPrevent',
  'colemanInitiate',
  'holler',
  'deeganPackel',
  'johnston',
] as const;
export type IndexKey = (typeof INDEX_KEYS)[number];

export function numberOrNull(f: Fraction | null): number | null {
  return f ? toNumber(f) : null;
}

export function stringOrNull(f: Fraction | null): string | null {
  return f ? fracString(f) : null;
}

/** The indices one can ask for (`--index`, `?index=`), by their command-line names. */
export const POWER_INDEX_NAMES = [
  'banzhaf',
  'penrose',
  'shapley-shubik',
  'coleman-prevent',
  'coleman-initiate',
  'passage',
  'holler',
  'deegan-packel',
  'johnston',
] as const;
export type PowerIndexName = (typeof POWER_INDEX_NAMES)[number];

/** The player field of each index (the passage probability is the game's). */
export const INDEX_FIELD: Record<PowerIndexName, IndexKey | 'passageProbability'> = {
  banzhaf: 'banzhaf',
  penrose: 'penrose',
  'shapley-shubik': 'shapleyShubik',
  'coleman-prevent': 'colemanPrevent',
  'coleman-initiate': 'colemanInitiate',
  passage: 'passageProbability',
  holler: 'holler',
  'deegan-packel': 'deeganPackel',
  johnston: 'johnston',
};

/** The indices read from the swings and the number of winning coalitions alone. */
export const SWING_INDICES: readonly PowerIndexName[] = [
  'banzhaf',
  'penrose',
  'coleman-prevent',
  'coleman-initiate',
  'passage',
];

/**
 * `"banzhaf,shapley-shubik"`, `["holler"]` or `"all"` (the default) as a list of index names in
 * the canonical order; unknown names are an `E_USAGE` error naming `path`.
 */
export function parseIndexList(
  spec: string | readonly string[] | undefined,
  path = '--index',
): PowerIndexName[] {
  if (spec === undefined) return [...POWER_INDEX_NAMES];
  const parts = (typeof spec === 'string' ? spec.split(',') : spec).map((s) => s.trim().toLowerCase());
  const wanted = new Set<PowerIndexName>();
  for (const p of parts) {
    if (p === '') continue;
    if (p === 'all') {
      for (const n of POWER_INDEX_NAMES) wanted.add(n);
      continue;
    }
    const alias = INDEX_ALIASES[p] ?? p;
    if (!(POWER_INDEX_NAMES as readonly string[]).includes(alias))
      throw new ConcordError('E_USAGE', `${path}: "${p}" is not a power index`, {
        path,
        hint: `Use "all" or a comma-separated list of ${POWER_INDEX_NAMES.join(', ')}.`,
        key: 'power.notAnIndex',
        values: { path, name: p, indices: POWER_INDEX_NAMES.join(', ') },
      });
    wanted.add(alias as PowerIndexName);
  }
  if (wanted.size === 0)
    throw new ConcordError('E_USAGE', `${path}: no index given`, {
      path,
      hint: `Use "all" or a comma-separated list of ${POWER_INDEX_NAMES.join(', ')}.`,
      key: 'power.noIndex',
      values: { path, indices: POWER_INDEX_NAMES.join(', ') },
    });
  return POWER_INDEX_NAMES.filter((n) => wanted.has(n));
}

/** Other spellings accepted on input (field names and common abbreviations). */
const INDEX_ALIASES: Record<string, PowerIndexName> = {
  shapleyshubik: 'shapley-shubik',
  'shapley-shubik': 'shapley-shubik',
  shapley: 'shapley-shubik',
  ss: 'shapley-shubik',
  bz: 'banzhaf',
  colemanprevent: 'coleman-prevent',
  colemaninitiate: 'coleman-initiate',
  'passage-probability': 'passage',
  passageprobability: 'passage',
  'public-good': 'holler',
  deeganpackel: 'deegan-packel',
};
