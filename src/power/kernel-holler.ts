/**
 * The loops of ./holler.ts (Holler's counts by weight) as three WebAssembly functions written here
 * by hand, in the manner of ./kernel.ts, over one memory holding the table's limbs (limb l of cell x
 * at byte 8·(l·Q + x)) and the accumulators of the counts:
 *   add(base, v, q)             a[x] += a[x − v] for x from q − 1 down to v (one limb at `base`);
 *   carry(end, qb)              every cell below byte `end`: its excess over 2^40 moved to the
 *                               same cell one limb up (`qb` bytes on);
 *   alt(acc, y, ub, count, act, qb, chunk, sign, A)
 *                               for each limb l < act: S_l = Σ_{t<count} (−1)^t a_l[y − t·u] (y
 *                               and ub = 8u in bytes), summed in chunks of `chunk` pairs exact in a
 *                               double and split into 40-bit parts, then acc[l…l+1] += sign·S_l;
 *                               finally the A accumulator limbs brought below 2^40 (the top one
 *                               keeps the sign).
 * WebAssembly runs them compiled from the first call (the JavaScript equivalents run interpreted
 * until V8 optimises them, which is most of a small game's time) and without a bounds check per
 * cell. Where WebAssembly is missing or refused, the same loops run in JavaScript over a plain
 * ArrayBuffer of the same layout: same counts, same order of operations.
 */

import { INV_LIMB, LIMB } from './kernel.js';
import { f64Const, leb, name, section } from './wasm-bytes.js';

/** The table, the accumulators and the three loops over them. */
export interface HollerMemory {
  /** All of it as doubles: the table's limbs from 0, the accumulators from `accAt`. */
  readonly f64: Float64Array;
  readonly accAt: number;
  add(limb: number, v: number): void;
  /** Carries limbs 0 … active − 2 into the next. */
  carry(active: number): void;
  /** See the module's comment; `acc` and `y` are indices into f64 (y in limb 0). */
  alt(acc: number, y: number, u: number, count: number, act: number, chunk: number, sign: number): void;
  /** The class weights, heaviest first (f64[uAt + c]). */
  readonly uAt: number;
  /**
   * For each class c in [c0, c1): sign · #{R ⊆ E∖{one player of class c} : w(R) ≤ zBase − u_c}
   * into class c's accumulator (A limbs from accAt + c·A), E the players added so far (weight WE,
   * 2^(|E|−1) = half·2^(40·halfLimb)): directly, or from the other end (2^(|E|−1) less the count
   * at w(E) − u_c − z − 1), whichever alternating sum is shorter and inside the table.
   */
  pass(
    c0: number,
    c1: number,
    zBase: number,
    WE: number,
    sign: number,
    act: number,
    chunk: number,
    halfLimb: number,
    half: number,
  ): void;
}

// --- a few WebAssembly instructions, by name --------------------------------------------------
const sleb = (n: number): number[] => {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(b & 0x40)) || (n === -1 && b & 0x40)) return [...out, b];
    out.push(b | 0x80);
  }
};
const get = (i: number) => [0x20, i];
const set = (i: number) => [0x21, i];
const i32 = (n: number) => [0x41, ...sleb(n)];
const load = [0x2b, 3, 0];
const store = [0x39, 3, 0];
const [I32_ADD, I32_SUB, I32_MUL, I32_SHL, I32_SHR_U, I32_AND, I32_EQZ, I32_GE_U, I32_LT_U] = [
  0x6a, 0x6b, 0x6c, 0x74, 0x76, 0x71, 0x45, 0x4f, 0x49,
];
const [F64_ADD, F64_SUB, F64_MUL, F64_FLOOR, F64_NEG, F64_LT, F64_LE, F64_GE, F64_MIN] = [
  0xa0, 0xa1, 0xa2, 0x9c, 0x9a, 0x63, 0x65, 0x66, 0xa4,
];
const [I32_OR, I32_DIV_U, I32_GE_S, I32_LT_S, I32_TRUNC_F64_S] = [0x72, 0x6e, 0x4e, 0x48, 0xaa];
const V128_LOAD = [0xfd, 0x00, 3, 0];
const V128_STORE = [0xfd, 0x0b, 3, 0];
const F64X2_ADD = [0xfd, 0xf0, 0x01];
const ELSE = 0x05;
const call = (f: number) => [0x10, f];
const BLOCK = [0x02, 0x40];
const LOOP = [0x03, 0x40];
const IF = [0x04, 0x40];
const END = 0x0b;
const br = (d: number) => [0x0c, d];
const brIf = (d: number) => [0x0d, d];
/** a `while (!cond) body` loop: block, loop, br_if out on `exit`, body, br back. */
const until = (exit: number[], body: number[]) => [
  ...BLOCK,
  ...LOOP,
  ...exit,
  ...brIf(1),
  ...body,
  ...br(0),
  END,
  END,
];

const I32T = 0x7f;
const F64T = 0x7c;

// biome-ignore format: one line per group of instructions reads as the assembly it is
function moduleBytes(simd: boolean): Uint8Array<ArrayBuffer> {
  // add(base 0, v 1, q 2; p 3, end 4, vb 5): p from base + 8(q − 1) down to base + 8v
  const add = [
    ...[1, 3, I32T],
    ...get(1), ...i32(3), I32_SHL, ...set(5),
    ...get(0), ...get(5), I32_ADD, ...set(4),
    ...(simd
      ? [
          // two cells at a time (p the lower), from (q − 2, q − 1) down; the last cell alone
          ...get(0), ...get(2), ...i32(2), I32_SUB, ...i32(3), I32_SHL, I32_ADD, ...set(3),
          ...until([...get(3), ...get(4), I32_LT_S], [
            ...get(3), ...get(3), ...V128_LOAD, ...get(3), ...get(5), I32_SUB, ...V128_LOAD, ...F64X2_ADD, ...V128_STORE,
            ...get(3), ...i32(16), I32_SUB, ...set(3),
          ]),
          ...get(3), ...i32(8), I32_ADD, ...get(4), I32_GE_S, ...IF,
          ...get(4), ...get(4), ...load, ...get(4), ...get(5), I32_SUB, ...load, F64_ADD, ...store,
          END,
        ]
      : [
          ...get(0), ...get(2), ...i32(1), I32_SUB, ...i32(3), I32_SHL, I32_ADD, ...set(3),
          ...until([...get(3), ...get(4), I32_LT_U], [
            ...get(3), ...get(3), ...load, ...get(3), ...get(5), I32_SUB, ...load, F64_ADD, ...store,
            ...get(3), ...i32(8), I32_SUB, ...set(3),
          ]),
        ]),
    END,
  ];
  // carry(end 0, qb 1; p 2 | y 3, c 4)
  const carry = [
    ...[2, 1, I32T, 2, F64T],
    ...until([...get(2), ...get(0), I32_GE_U], [
      ...get(2), ...load, ...set(3),
      ...get(3), ...f64Const(INV_LIMB), F64_MUL, F64_FLOOR, ...set(4),
      ...get(2), ...get(3), ...get(4), ...f64Const(LIMB), F64_MUL, F64_SUB, ...store,
      ...get(2), ...get(1), I32_ADD, ...get(2), ...get(1), I32_ADD, ...load, ...get(4), F64_ADD, ...store,
      ...get(2), ...i32(8), I32_ADD, ...set(2),
    ]),
    END,
  ];
  // alt(acc 0, y 1, ub 2, count 3, act 4, qb 5, chunk 6, sign 7 (f64), A 8;
  //     l 9, p 10, pairs 11, left 12, ap 13 | s 14, lo 15, hi 16, h 17)
  const flush = [
    ...get(14), ...f64Const(INV_LIMB), F64_MUL, F64_FLOOR, ...set(17),
    ...get(15), ...get(14), ...get(17), ...f64Const(LIMB), F64_MUL, F64_SUB, F64_ADD, ...set(15),
    ...get(16), ...get(17), F64_ADD, ...set(16),
    ...get(15), ...f64Const(INV_LIMB), F64_MUL, F64_FLOOR, ...set(17),
    ...get(15), ...get(17), ...f64Const(LIMB), F64_MUL, F64_SUB, ...set(15),
    ...get(16), ...get(17), F64_ADD, ...set(16),
    ...f64Const(0), ...set(14),
  ];
  const alt = [
    ...[2, 5, I32T, 4, F64T],
    ...until([...get(9), ...get(4), I32_GE_U], [
      ...get(1), ...get(9), ...get(5), I32_MUL, I32_ADD, ...set(10),
      ...get(3), ...i32(1), I32_SHR_U, ...set(11),
      ...get(6), ...set(12),
      ...f64Const(0), ...set(14), ...f64Const(0), ...set(15), ...f64Const(0), ...set(16),
      ...until([...get(11), I32_EQZ], [
        ...get(14), ...get(10), ...load, ...get(10), ...get(2), I32_SUB, ...load, F64_SUB, F64_ADD, ...set(14),
        ...get(10), ...get(2), ...i32(1), I32_SHL, I32_SUB, ...set(10),
        ...get(11), ...i32(1), I32_SUB, ...set(11),
        ...get(12), ...i32(1), I32_SUB, ...set(12),
        ...get(12), I32_EQZ, ...IF, ...flush, ...get(6), ...set(12), END,
      ]),
      ...get(3), ...i32(1), I32_AND, ...IF, ...get(14), ...get(10), ...load, F64_ADD, ...set(14), END,
      ...flush,
      ...get(0), ...get(9), ...i32(3), I32_SHL, I32_ADD, ...set(13),
      ...get(13), ...get(13), ...load, ...get(7), ...get(15), F64_MUL, F64_ADD, ...store,
      ...get(13), ...get(13), ...[0x2b, 3, 8], ...get(7), ...get(16), F64_MUL, F64_ADD, ...[0x39, 3, 8],
      ...get(9), ...i32(1), I32_ADD, ...set(9),
    ]),
    // normalise: p from acc to acc + 8(A − 1), pairs as the end
    ...get(0), ...set(10),
    ...get(0), ...get(8), ...i32(1), I32_SUB, ...i32(3), I32_SHL, I32_ADD, ...set(11),
    ...until([...get(10), ...get(11), I32_GE_U], [
      ...get(10), ...load, ...set(14),
      ...get(14), ...f64Const(INV_LIMB), F64_MUL, F64_FLOOR, ...set(17),
      ...get(10), ...get(14), ...get(17), ...f64Const(LIMB), F64_MUL, F64_SUB, ...store,
      ...get(10), ...get(10), ...[0x2b, 3, 8], ...get(17), F64_ADD, ...[0x39, 3, 8],
      ...get(10), ...i32(8), I32_ADD, ...set(10),
    ]),
    END,
  ];
  // pass(c 0, c1 1, zBase 2 (f64), WE 3 (f64), sign 4 (f64), act 5, chunk 6, Q 7 (f64), halfAt 8,
  //      half 9 (f64), accBase 10, uBase 11, A 12, qb 13; at 14, yi 15, ui 16 | u 17, z 18, M 19, z2 20, y 21, sg 22)
  const pass = [
    ...[2, 3, I32T, 6, F64T],
    ...until([...get(0), ...get(1), I32_GE_S], [
      ...BLOCK,
      ...get(11), ...get(0), ...i32(3), I32_SHL, I32_ADD, ...load, ...set(17),
      ...get(2), ...get(17), F64_SUB, ...set(18),
      ...get(10), ...get(0), ...get(12), I32_MUL, ...i32(3), I32_SHL, I32_ADD, ...set(14),
      ...get(18), ...f64Const(0), F64_LT, ...brIf(0),
      ...get(3), ...get(17), F64_SUB, ...set(19),
      ...get(18), ...get(19), F64_GE, ...IF,
      ...get(14), ...get(8), I32_ADD, ...get(14), ...get(8), I32_ADD, ...load, ...get(4), ...get(9), F64_MUL, F64_ADD, ...store,
      ...get(14), ...i32(0), ...i32(8), ...i32(0), ...i32(0), ...get(13), ...get(6), ...get(4), ...get(12), ...call(2),
      ...br(1),
      END,
      ...get(19), ...get(18), F64_SUB, ...f64Const(1), F64_SUB, ...set(20),
      ...get(18), ...get(7), F64_LT, ...get(18), ...get(20), F64_LE, ...get(20), ...get(7), F64_GE, I32_OR, I32_AND, ...IF,
      ...get(18), ...set(21), ...get(4), ...set(22),
      ELSE,
      ...get(14), ...get(8), I32_ADD, ...get(14), ...get(8), I32_ADD, ...load, ...get(4), ...get(9), F64_MUL, F64_ADD, ...store,
      ...get(20), ...set(21), ...get(4), F64_NEG, ...set(22),
      END,
      ...get(21), I32_TRUNC_F64_S, ...set(15),
      ...get(17), ...get(7), F64_MIN, I32_TRUNC_F64_S, ...set(16), // (a weight past the table: one term)
      ...get(14), ...get(15), ...i32(3), I32_SHL, ...get(16), ...i32(3), I32_SHL,
      ...get(15), ...get(16), I32_DIV_U, ...i32(1), I32_ADD,
      ...get(5), ...get(13), ...get(6), ...get(22), ...get(12), ...call(2),
      END,
      ...get(0), ...i32(1), I32_ADD, ...set(0),
    ]),
    END,
  ];
  const body = (b: number[]) => [...leb(b.length), ...b];
  return new Uint8Array([
    ...[0, 0x61, 0x73, 0x6d, 1, 0, 0, 0],
    ...section(1, [
      4,
      ...[0x60, 3, I32T, I32T, I32T, 0],
      ...[0x60, 2, I32T, I32T, 0],
      ...[0x60, 9, I32T, I32T, I32T, I32T, I32T, I32T, I32T, F64T, I32T, 0],
      ...[0x60, 14, I32T, I32T, F64T, F64T, F64T, I32T, I32T, F64T, I32T, F64T, I32T, I32T, I32T, I32T, 0],
    ]),
    ...section(2, [1, ...name('m'), ...name('mem'), 2, 0, 1]),
    ...section(3, [4, 0, 1, 2, 3]),
    ...section(7, [4, ...name('add'), 0, 0, ...name('carry'), 0, 1, ...name('alt'), 0, 2, ...name('pass'), 0, 3]),
    ...section(10, [4, ...body(add), ...body(carry), ...body(alt), ...body(pass)]),
  ]);
}

const compiled: { simd?: WebAssembly.Module | null; scalar?: WebAssembly.Module | null } = {};

function compile(simd: boolean): WebAssembly.Module | null {
  try {
    return typeof WebAssembly === 'object' ? new WebAssembly.Module(moduleBytes(simd)) : null;
  } catch {
    return null;
  }
}

/** The module with SIMD additions, else (no SIMD) the same one cell at a time; `scalar` forces the latter (tests). */
function wasmModule(scalar = false): WebAssembly.Module | null {
  if (!scalar) {
    if (compiled.simd === undefined) compiled.simd = compile(true);
    if (compiled.simd) return compiled.simd;
  }
  if (compiled.scalar === undefined) compiled.scalar = compile(false);
  return compiled.scalar;
}

/** Largest memory asked of WebAssembly (bytes; offsets are 32-bit). */
const WASM_MAX_BYTES = 2 ** 31;

type Exports = {
  add: (base: number, v: number, q: number) => void;
  carry: (end: number, qb: number) => void;
  alt: (
    acc: number,
    y: number,
    ub: number,
    count: number,
    act: number,
    qb: number,
    chunk: number,
    sign: number,
    A: number,
  ) => void;
  pass: (...args: number[]) => void;
};

/**
 * A zero-filled table of L limbs of Q cells, the accumulators (`accLimbs`, A per count) and K class
 * weights, in WebAssembly memory where it can; `js` forces the JavaScript loops, `scalar` the
 * WebAssembly module without SIMD (tests).
 */
export function hollerMemory(
  L: number,
  Q: number,
  accLimbs: number,
  A: number,
  K: number,
  opts: { js?: boolean; scalar?: boolean } = {},
): HollerMemory {
  const accAt = L * Q;
  const uAt = accAt + accLimbs;
  const doubles = uAt + K;
  const qb = Q * 8;
  const mod = opts.js || doubles * 8 > WASM_MAX_BYTES ? null : wasmModule(opts.scalar);
  if (mod) {
    try {
      const memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil((doubles * 8) / 65536)) });
      const e = new WebAssembly.Instance(mod, { m: { mem: memory } }).exports as Exports;
      return {
        f64: new Float64Array(memory.buffer, 0, doubles),
        accAt,
        uAt,
        add: (l, v) => e.add(l * qb, v, Q),
        carry: (active) => e.carry((active - 1) * qb, qb),
        alt: (acc, y, u, count, act, chunk, sign) =>
          e.alt(acc * 8, y * 8, u * 8, count, act, qb, chunk, sign, A),
        pass: (c0, c1, zBase, WE, sign, act, chunk, halfLimb, half) =>
          e.pass(c0, c1, zBase, WE, sign, act, chunk, Q, halfLimb * 8, half, accAt * 8, uAt * 8, A, qb),
      };
    } catch {
      // (a memory refused: the JavaScript loops below)
    }
  }
  const f64 = new Float64Array(doubles);
  const alt = (acc: number, y: number, u: number, count: number, act: number, chunk: number, sign: number) =>
    altJs(f64, acc, y, u, count, act, Q, chunk, sign, A);
  return {
    f64,
    accAt,
    uAt,
    add: (l, v) => {
      const base = l * Q;
      for (let x = base + Q - 1; x >= base + v; x--) f64[x] = f64[x]! + f64[x - v]!;
    },
    carry: (active) => {
      const end = (active - 1) * Q;
      for (let x = 0; x < end; x++) {
        const y = f64[x]!;
        const c = Math.floor(y * INV_LIMB);
        f64[x] = y - c * LIMB;
        f64[x + Q] = f64[x + Q]! + c;
      }
    },
    alt,
    pass: (c0, c1, zBase, WE, sign, act, chunk, halfLimb, half) => {
      for (let c = c0; c < c1; c++) {
        const u = f64[uAt + c]!;
        const z = zBase - u;
        const at = accAt + c * A;
        if (z < 0) continue;
        const M = WE - u;
        if (z >= M) {
          f64[at + halfLimb] = f64[at + halfLimb]! + sign * half;
          alt(at, 0, 1, 0, 0, chunk, sign);
          continue;
        }
        const z2 = M - z - 1;
        if (z < Q && (z <= z2 || z2 >= Q)) alt(at, z, u, Math.floor(z / u) + 1, act, chunk, sign);
        else {
          f64[at + halfLimb] = f64[at + halfLimb]! + sign * half;
          alt(at, z2, u, Math.floor(z2 / u) + 1, act, chunk, -sign);
        }
      }
    },
  };
}

function altJs(
  f: Float64Array,
  acc: number,
  y: number,
  u: number,
  count: number,
  act: number,
  Q: number,
  chunk: number,
  sign: number,
  A: number,
): void {
  for (let l = 0; l < act; l++) {
    let p = y + l * Q;
    let pairs = count >>> 1;
    let left = chunk;
    let s = 0;
    let lo = 0;
    let hi = 0;
    const flush = () => {
      let h = Math.floor(s * INV_LIMB);
      lo += s - h * LIMB;
      hi += h;
      h = Math.floor(lo * INV_LIMB);
      lo -= h * LIMB;
      hi += h;
      s = 0;
    };
    while (pairs !== 0) {
      s += f[p]! - f[p - u]!;
      p -= 2 * u;
      pairs--;
      if (--left === 0) {
        flush();
        left = chunk;
      }
    }
    if (count & 1) s += f[p]!;
    flush();
    f[acc + l] = f[acc + l]! + sign * lo;
    f[acc + l + 1] = f[acc + l + 1]! + sign * hi;
  }
  for (let p = acc; p < acc + A - 1; p++) {
    const v = f[p]!;
    const h = Math.floor(v * INV_LIMB);
    f[p] = v - h * LIMB;
    f[p + 1] = f[p + 1]! + h;
  }
}
