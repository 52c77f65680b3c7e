/**
 * Seeded randomness for sweeps: a fast 32-bit generator and a documented hash that derives each
 * replicate's seed from the sweep seed S and the replicate index, so that a replicate's draws
 * depend on (S, index) only — never on the worker that computes it, the batch it falls in, or the
 * order in which batches are run. Nothing here touches Math.random or any global state.
 *
 * Generator: xoshiro128** 1.1 (D. Blackman & S. Vigna, "Scrambled linear pseudorandom number
 * generators", ACM Trans. Math. Softw. 47(4), 2021; https://prng.di.unimi.it/). 128 bits of state,
 * period 2^128 − 1, 32-bit outputs; it passes BigCrush and uses only 32-bit integer operations
 * (Math.imul), which JavaScript engines run fast.
 *
 * Seed derivation (the "replicate hash"): with fmix32 the finaliser of Austin Appleby's
 * MurmurHash3 (a bijection on 32-bit words with full avalanche) and G = 0x9E3779B9 (the 32-bit
 * golden-ratio constant), for a seed S and an index r, both integers in [0, 2^53), and a stream
 * number k (0 for the Monte Carlo draws, other values for independent streams such as the Latin
 * hypercube permutations):
 *
 *   h = fmix32(0x5EED5EED ^ k)
 *   for w in [S mod 2^32, ⌊S / 2^32⌋, r mod 2^32, ⌊r / 2^32⌋]:  h = fmix32((h ^ w) + G)
 *   state word i (i = 0..3) = fmix32(h + (i + 1)·G)            (all arithmetic mod 2^32)
 *
 * (an all-zero state, which xoshiro forbids, is replaced by (1, 0, 0, 0); it has probability
 * 2^-128). This is the SplitMix idea of Steele, Lea & Flood (OOPSLA 2014) on 32-bit words.
 *
 * Uniform doubles take 53 bits from two outputs and are centred in their cell:
 * u = (⌊a / 2^5⌋·2^26 + ⌊b / 2^6⌋ + ½) / 2^53, so 0 < u < 1 strictly, as the inverse-CDF
 * samplers of ./distributions.ts need.
 */

const G = 0x9e3779b9;

/** MurmurHash3's 32-bit finaliser (A. Appleby, public domain): a bijective avalanche mix. */
export function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const TWO32 = 4294967296;

function split53(x: number, what: string): [number, number] {
  if (!Number.isSafeInteger(x) || x < 0)
    throw new RangeError(`${what} must be an integer in [0, 2^53), got ${x}`);
  return [(x % TWO32) >>> 0, Math.floor(x / TWO32) >>> 0];
}

/** The 128-bit xoshiro state of replicate `index` of a sweep seeded with `seed`, on stream `stream`. */
export function replicateState(seed: number, index: number, stream = 0): Uint32Array {
  const [s0, s1] = split53(seed, 'seed');
  const [r0, r1] = split53(index, 'index');
  let h = fmix32(0x5eed5eed ^ stream);
  for (const w of [s0, s1, r0, r1]) h = fmix32(((h ^ w) + G) >>> 0);
  const st = new Uint32Array(4);
  for (let i = 0; i < 4; i++) st[i] = fmix32((h + Math.imul(i + 1, G)) >>> 0);
  if ((st[0]! | st[1]! | st[2]! | st[3]!) === 0) st[0] = 1;
  return st;
}

/** A xoshiro128** generator. Create one per replicate with `Rng.forReplicate(seed, index)`. */
export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(state: ArrayLike<number>) {
    this.s0 = state[0]! >>> 0;
    this.s1 = state[1]! >>> 0;
    this.s2 = state[2]! >>> 0;
    this.s3 = state[3]! >>> 0;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0)
      throw new RangeError('xoshiro128** state must not be all zero');
  }

  static forReplicate(seed: number, index: number, stream = 0): Rng {
    return new Rng(replicateState(seed, index, stream));
  }

  /** Re-seeds in place (no allocation): the generator of replicate `index`. */
  reseed(seed: number, index: number, stream = 0): this {
    const st = replicateState(seed, index, stream);
    this.s0 = st[0]!;
    this.s1 = st[1]!;
    this.s2 = st[2]!;
    this.s3 = st[3]!;
    return this;
  }

  /** The next 32-bit output, as an unsigned integer. */
  nextU32(): number {
    const s1 = this.s1;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 = s1 ^ this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** A uniform double in the open interval (0, 1), with 53 random bits. */
  uniform(): number {
    const a = this.nextU32() >>> 5;
    const b = this.nextU32() >>> 6;
    return (a * 67108864 + b + 0.5) / 9007199254740992;
  }

  /** A uniform integer in [0, n): ⌊u·n⌋ with 53-bit u (bias below n / 2^53, negligible). */
  int(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > 2 ** 32)
      throw new RangeError(`int(n): n must be in [1, 2^32], got ${n}`);
    return Math.floor(this.uniform() * n);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
