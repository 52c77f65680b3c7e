import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Crt, frac, fracOverPow2, gcdBig, isPrime, toNumber, widePrimes } from '../../src/power/exact.js';

describe('exact arithmetic', () => {
  it('finds primes below 2^52 one at a time or several at once', () => {
    const one = widePrimes(1);
    const three = widePrimes(3); // extends the cache from the last prime found
    expect(three[0]).toBe(one[0]);
    expect(new Set(three).size).toBe(3);
    for (const p of three) {
      expect(p).toBeLessThan(2 ** 52);
      expect(p).toBeGreaterThan(2 ** 51);
      expect(isPrime(BigInt(p))).toBe(true);
    }
    expect(isPrime(561n)).toBe(false); // a Carmichael number
    expect(isPrime(2n ** 61n - 1n)).toBe(true);
  });

  it('rebuilds numbers far beyond 2^53 from their residues', () => {
    const primes = widePrimes(4);
    const crt = new Crt(primes);
    for (const x of [0n, 1n, 2n ** 53n + 1n, 2n ** 193n - 12345n, 3n ** 120n]) {
      expect(crt.combine(primes.map((p) => Number(x % BigInt(p))))).toBe(x);
    }
  });

  it("Lehmer's gcd equals Euclid's, on numbers of any size and on its hard cases", () => {
    const euclid = (a: bigint, b: bigint): bigint => {
      let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
      while (y) [x, y] = [y, x % y];
      return x;
    };
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(2n ** 3000n), max: 2n ** 3000n }),
        fc.bigInt({ min: 0n, max: 2n ** 800n }),
        fc.bigInt({ min: 1n, max: 2n ** 300n }),
        (a, b, common) => {
          expect(gcdBig(a, b)).toBe(euclid(a, b));
          // a large common factor, and the numbers swapped
          expect(gcdBig(b * common, a * common)).toBe(euclid(a * common, b * common));
        },
      ),
      { numRuns: 300 },
    );
    // consecutive Fibonacci numbers (every quotient 1: the longest chain), equal numbers, powers of two, 0
    const fib = [0n, 1n];
    for (let k = 2; k < 1200; k++) fib.push(fib[k - 1]! + fib[k - 2]!);
    expect(gcdBig(fib[1199]!, fib[1198]!)).toBe(1n);
    expect(gcdBig(fib[1199]! * 7n, fib[1197]! * 7n)).toBe(7n);
    expect(gcdBig(3n ** 500n, 3n ** 500n)).toBe(3n ** 500n);
    expect(gcdBig(2n ** 900n, 6n * 2n ** 400n)).toBe(2n ** 401n);
    expect(gcdBig(0n, 5n ** 90n)).toBe(5n ** 90n);
    expect(gcdBig(5n ** 90n, 0n)).toBe(5n ** 90n);
    expect(gcdBig(0n, 0n)).toBe(0n);
  });

  it('converts huge fractions to the nearest double', () => {
    expect(toNumber(frac(2n ** 200n, 3n * 2n ** 200n))).toBeCloseTo(1 / 3, 15);
    expect(toNumber(frac(7n, 32n))).toBe(0.21875);
  });

  it('converts fractions of any size within an ulp, whatever the leading hexadecimal digit (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 2n ** 1500n }),
        fc.bigInt({ min: 1n, max: 2n ** 900n }),
        fc.integer({ min: 0, max: 3 }),
        (a, b, s) => {
          // numbers just below and at a power of two (leading digits 1, 7, 8, f), at most 256 × den
          const raw = s === 0 ? a : s === 1 ? 2n ** BigInt(a % 700n) : a + (2n ** BigInt(b % 900n) - 1n);
          const den = b;
          const num = raw % (den << 8n) || 1n;
          const x = toNumber({ num, den });
          // reference: the quotient scaled to 80 significant bits, then rounded once
          const shift = 80n + BigInt(den.toString(2).length) - BigInt(num.toString(2).length);
          const q = shift >= 0n ? (num << shift) / den : num / den / (1n << -shift);
          const ref = Number(q) * 2 ** -Number(shift);
          expect(Math.abs(x - ref)).toBeLessThanOrEqual(Math.abs(ref) * 2 ** -52);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reduces a fraction over a power of two as the gcd does (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 400n }), fc.integer({ min: 0, max: 420 }), (num, k) => {
        expect(fracOverPow2(num, k)).toEqual(frac(num, 2n ** BigInt(k)));
        expect(fracOverPow2(num << 37n, k)).toEqual(frac(num << 37n, 2n ** BigInt(k)));
      }),
      { numRuns: 300 },
    );
  });
});
