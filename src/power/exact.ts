/**
 * Exact arithmetic for the counting algorithms.
 *
 * Counts of coalitions reach 2^n and pass 2^53 from n = 54 players. The dynamic programmes add and
 * subtract such counts millions of times, too slowly in BigInt; they run instead modulo several
 * primes p < 2^52 held in Float64Arrays (a + b < 2^53 is exact in a double), and every count is
 * rebuilt exactly by the Chinese remainder theorem (Garner's algorithm). This is exact as long as
 * the product of the primes exceeds the largest count (≤ 2^n): `primesFor(n)` takes enough of them.
 * Ratios of counts are kept as exact fractions (`Fraction`) and turned into doubles at the end.
 */

/** Deterministic Miller–Rabin for n < 3.3·10^24. */
export function isPrime(n: bigint): boolean {
  if (n < 2n) return false;
  for (const p of [2n, 3n, 5n, 7n, 11n, 13n, 17n, 19n, 23n, 29n, 31n, 37n, 41n]) {
    if (n === p) return true;
    if (n % p === 0n) return false;
  }
  let d = n - 1n;
  let s = 0;
  while (d % 2n === 0n) {
    d /= 2n;
    s++;
  }
  outer: for (const a of [2n, 3n, 5n, 7n, 11n, 13n, 17n, 19n, 23n, 29n, 31n, 37n, 41n]) {
    let x = modPow(a, d, n);
    if (x === 1n || x === n - 1n) continue;
    for (let r = 1; r < s; r++) {
      x = (x * x) % n;
      if (x === n - 1n) continue outer;
    }
    return false;
  }
  return true;
}

export function modPow(b: bigint, e: bigint, m: bigint): bigint {
  let r = 1n;
  let x = b % m;
  let k = e;
  while (k > 0n) {
    if (k & 1n) r = (r * x) % m;
    x = (x * x) % m;
    k >>= 1n;
  }
  return r;
}

const WIDE: number[] = [];

/** The first `count` primes below 2^52, descending (each above 2^51.99). */
export function widePrimes(count: number): number[] {
  let c = WIDE.length ? BigInt(WIDE[WIDE.length - 1]!) - 2n : 2n ** 52n - 1n;
  while (WIDE.length < count) {
    if (isPrime(c)) WIDE.push(Number(c));
    c -= 2n;
  }
  return WIDE.slice(0, count);
}

/** Enough wide primes that their product exceeds 2^bits. */
export function primesFor(bits: number): number[] {
  return widePrimes(Math.max(1, Math.ceil((bits + 1) / 51)));
}

/** Garner's algorithm: the x in [0, Πp) with x ≡ r_i (mod p_i). */
export class Crt {
  readonly primes: number[];
  private readonly big: bigint[];
  private readonly inv: bigint[];

  constructor(primes: number[]) {
    this.primes = primes;
    this.big = primes.map(BigInt);
    // inv[i] = (p_0 ⋯ p_{i-1})^{-1} mod p_i
    this.inv = this.big.map((p, i) => {
      let m = 1n;
      for (let j = 0; j < i; j++) m = (m * this.big[j]!) % p;
      return i === 0 ? 1n : modPow(m, p - 2n, p);
    });
  }

  combine(residues: ArrayLike<number>): bigint {
    let x = BigInt(residues[0]!);
    let m = this.big[0]!;
    for (let i = 1; i < this.big.length; i++) {
      const p = this.big[i]!;
      const r = BigInt(residues[i]!);
      let t = ((r - (x % p)) * this.inv[i]!) % p;
      if (t < 0n) t += p;
      x += m * t;
      m *= p;
    }
    return x;
  }
}

/** An exact non-negative fraction. */
export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

/**
 * gcd(a, b), by Lehmer's algorithm (Knuth, TAOCP vol. 2, §4.5.2, Algorithm L): the quotients of
 * Euclid's algorithm are found from the leading 50 bits of both numbers, in doubles, as long as
 * they are certain (the same from both ends of the interval), and applied to the BigInts at once,
 * one 2 × 2 product for a dozen or more division steps; Euclid's own step when none is certain or
 * the numbers are below 2^600, and doubles once both fit in 53 bits.
 */
export function gcdBig(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  if (x < y) {
    const t = x;
    x = y;
    y = t;
  }
  while (y) {
    if (x <= SAFE) return BigInt(gcdNumber(Number(x), Number(y)));
    if (x < LEHMER_FROM) {
      // (below some hundreds of bits, Euclid's steps cost less than the doubles' loop before V8 compiles it)
      const r = x % y;
      x = y;
      y = r;
      continue;
    }
    const shift = BigInt(Math.max(0, roughBitLength(x) - 50));
    let xh = Number(x >> shift);
    let yh = Number(y >> shift);
    let A = 1;
    let B = 0;
    let C = 0;
    let D = 1;
    // (xh + A, yh + C) and (xh + B, yh + D) bound the true ratio; below 2^52, the division in
    // doubles rounds to the exact floor
    while (yh + C !== 0 && yh + D !== 0) {
      const q = Math.floor((xh + A) / (yh + C));
      if (q !== Math.floor((xh + B) / (yh + D))) break;
      let t = A - q * C;
      A = C;
      C = t;
      t = B - q * D;
      B = D;
      D = t;
      t = xh - q * yh;
      xh = yh;
      yh = t;
    }
    if (B === 0) {
      const r = x % y;
      x = y;
      y = r;
    } else {
      const nx = BigInt(A) * x + BigInt(B) * y;
      y = BigInt(C) * x + BigInt(D) * y;
      x = nx;
    }
  }
  return x;
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const LEHMER_FROM = 1n << 600n;

function gcdNumber(x: number, y: number): number {
  while (y) {
    const r = x % y;
    x = y;
    y = r;
  }
  return x;
}

/** The bit length of x ≥ 2^53, give or take one (from its nearest double while it has one). */
function roughBitLength(x: bigint): number {
  const f = Number(x);
  return f < 2 ** 1000 ? Math.floor(Math.log2(f)) + 1 : bitLength(x);
}

export function frac(num: bigint, den: bigint): Fraction {
  if (den === 0n) throw new RangeError('zero denominator');
  const g = gcdBig(num, den) || 1n;
  return den < 0n ? { num: -num / g, den: -den / g } : { num: num / g, den: den / g };
}

/** num / 2^k reduced (no gcd: the power of two shared is the numerator's trailing zeros). */
export function fracOverPow2(num: bigint, k: number): Fraction {
  if (num === 0n) return { num: 0n, den: 1n };
  const m = num < 0n ? -num : num;
  const shift = Math.min(bitLength(m & -m) - 1, k);
  return { num: num >> BigInt(shift), den: 1n << BigInt(k - shift) };
}

export function addFrac(a: Fraction, b: Fraction): Fraction {
  return frac(a.num * b.den + b.num * a.den, a.den * b.den);
}

function bitLength(x: bigint): number {
  if (x === 0n) return 0;
  // (hexadecimal: a quarter of the digits of base 2)
  const hex = x.toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(Number.parseInt(hex[0]!, 16)));
}

/** The double nearest to num/den (within one ulp), for any size of numbers. */
export function toNumber(f: Fraction): number {
  const { num, den } = f;
  if (num === 0n) return 0;
  const safe = BigInt(Number.MAX_SAFE_INTEGER);
  if (num <= safe && den <= safe && num >= -safe) return Number(num) / Number(den);
  const shift = bitLength(den) - bitLength(num < 0n ? -num : num) + 64;
  const q = shift >= 0 ? (num << BigInt(shift)) / den : num / den / (1n << BigInt(-shift));
  return Number(q) * 2 ** -shift;
}

export function fracString(f: Fraction): string {
  return f.den === 1n ? String(f.num) : `${f.num}/${f.den}`;
}

/** n! for n = 0..N as BigInts. */
export function factorials(N: number): bigint[] {
  const f = [1n];
  for (let i = 1; i <= N; i++) f.push(f[i - 1]! * BigInt(i));
  return f;
}

/** Binomial coefficients C(n, k), k = 0..n, as BigInts. */
export function binomialRow(n: number): bigint[] {
  const row = [1n];
  for (let k = 1; k <= n; k++) row.push((row[k - 1]! * BigInt(n - k + 1)) / BigInt(k));
  return row;
}
