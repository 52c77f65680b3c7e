/**
 * The innermost loops of the exact tables, as two WebAssembly functions written here by hand
 * (about 150 bytes; no toolchain, no file): `add`, a[x] += a[x − v] for x from Q − 1 down to v
 * (the table by weight, one limb at a time), and `rng`, dst[d + x] += src[s + x] (a row of the
 * table by size and weight onto the next). The arrays live in one WebAssembly memory and are read,
 * filled and carried from JavaScript through Float64Array views of it. Compiled code from the
 * first call, no bounds check per cell: on the benchmark machine 0.35 ns per cell against 0.85 for
 * the same loop in JavaScript once optimised (and far more before V8 has optimised it, which is
 * most of a small table's time). Where WebAssembly is missing or refused (a page whose
 * Content-Security-Policy forbids it), the same loops run in JavaScript over plain Float64Arrays:
 * same counts, same order of additions.
 */

import { f64Const, leb, name, section } from './wasm-bytes.js';

/** Bits per limb of the exact tables' counts (./weighted.ts, ./bysize.ts). */
export const LIMB_BITS = 40;
export const LIMB = 2 ** LIMB_BITS;
export const INV_LIMB = 2 ** -LIMB_BITS;

/** The limbs of one table and the loops over them. */
export interface LimbTable {
  /** limbs[l][x]: limb l of cell x (views of the WebAssembly memory, or plain arrays). */
  readonly limbs: Float64Array[];
  /** limbs[l][x] += limbs[l][x − v] for x from Q − 1 down to v (v ≥ 1). */
  addShifted(l: number, v: number): void;
  /** limbs[l][x] += limbs[l][x − v] for x from `to` down to `from` (v ≥ 1, from ≥ v, to < Q). */
  addRange(l: number, v: number, from: number, to: number): void;
  /**
   * Carries limbs 0 … active − 2 of cells `from` … `to` into the next limb, so that each is below
   * 2^40 (the top limb active − 1 takes the carries; the value of every cell is unchanged).
   */
  carry(from: number, to: number, active: number): void;
  /**
   * Σ_t (−1)^t limbs[l][x − t·v] over the `pairs` first pairs of terms (2·pairs terms, x − (2·pairs − 1)·v ≥ 0),
   * summed in a double: exact while every partial sum stays below 2^53.
   */
  alternating(l: number, x: number, v: number, pairs: number): number;
}

/**
 * (module (import "m" "mem" (memory 1))
 *   (func (export "add") (param $top i32) (param $end i32) (param $vb i32)
 *     while top ≥ end: f64[top] += f64[top − vb]; top −= 8)
 *   (func (export "rng") (param $dst i32) (param $src i32) (param $len i32)
 *     end = dst + (len << 3); while dst < end: f64[dst] += f64[src]; dst += 8; src += 8)
 *   (func (export "carry") (param $p i32) (param $end i32) (param $stride i32) (local $y f64) (local $c f64)
 *     while p < end: y = f64[p]; c = floor(y · 2^−40); f64[p] = y − c · 2^40; f64[p + stride] += c; p += 8)
 *   (func (export "alt") (param $p i32) (param $vb i32) (param $pairs i32) (result f64) (local $s f64)
 *     pairs times: s += f64[p] − f64[p − vb]; p −= 2·vb; then s))
 * Addresses are bytes; `add` is called with end ≥ vb + 8, so top never wraps below 0.
 */
function moduleBytes(simd: boolean): Uint8Array<ArrayBuffer> {
  // with SIMD, two cells at a time: f64x2 at top − 8 plus f64x2 at top − 8 − vb (both read before
  // either is stored, so even v = 1 adds the counts from before the player), then the odd cell
  const addSimd = [
    0, // no locals
    ...[0x02, 0x40, 0x03, 0x40], // block, loop
    ...[0x20, 0, 0x20, 1, 0x41, 8, 0x6a, 0x49, 0x0d, 1], // br_if 1 (top < end + 8, unsigned)
    ...[0x20, 0, 0x41, 8, 0x6b], // address top − 8 (for the store)
    ...[0x20, 0, 0x41, 8, 0x6b, 0xfd, 0x00, 3, 0], // v128.load (top − 8)
    ...[0x20, 0, 0x41, 8, 0x6b, 0x20, 2, 0x6b, 0xfd, 0x00, 3, 0], // v128.load (top − 8 − vb)
    ...[0xfd, 0xf0, 0x01, 0xfd, 0x0b, 3, 0], // f64x2.add, v128.store
    ...[0x20, 0, 0x41, 16, 0x6b, 0x21, 0], // top −= 16
    ...[0x0c, 0, 0x0b, 0x0b], // br 0, end loop, end block
    ...[0x20, 0, 0x20, 1, 0x4f, 0x04, 0x40], // if (top ≥ end, unsigned)
    ...[0x20, 0, 0x20, 0, 0x2b, 3, 0, 0x20, 0, 0x20, 2, 0x6b, 0x2b, 3, 0, 0xa0, 0x39, 3, 0], // f64[top] += f64[top − vb]
    ...[0x0b, 0x0b], // end if, end function
  ];
  const addScalar = [
    0, // no locals
    ...[0x02, 0x40, 0x03, 0x40], // block, loop
    ...[0x20, 0, 0x20, 1, 0x49, 0x0d, 1], // br_if 1 (top < end, unsigned)
    ...[0x20, 0, 0x20, 0, 0x2b, 3, 0], // top, f64.load top
    ...[0x20, 0, 0x20, 2, 0x6b, 0x2b, 3, 0], // f64.load (top − vb)
    ...[0xa0, 0x39, 3, 0], // f64.add, f64.store
    ...[0x20, 0, 0x41, 8, 0x6b, 0x21, 0], // top −= 8
    ...[0x0c, 0, 0x0b, 0x0b, 0x0b], // br 0, end loop, end block, end function
  ];
  const add = simd ? addSimd : addScalar;
  const range = [
    ...[1, 1, 0x7f], // one i32 local: 3 = end
    ...[0x20, 0, 0x20, 2, 0x41, 3, 0x74, 0x6a, 0x21, 3], // end = dst + (len << 3)
    ...[0x02, 0x40, 0x03, 0x40], // block, loop
    ...[0x20, 0, 0x20, 3, 0x4f, 0x0d, 1], // br_if 1 (dst ≥ end, unsigned)
    ...[0x20, 0, 0x20, 0, 0x2b, 3, 0, 0x20, 1, 0x2b, 3, 0, 0xa0, 0x39, 3, 0], // f64[dst] += f64[src]
    ...[0x20, 0, 0x41, 8, 0x6a, 0x21, 0], // dst += 8
    ...[0x20, 1, 0x41, 8, 0x6a, 0x21, 1], // src += 8
    ...[0x0c, 0, 0x0b, 0x0b, 0x0b],
  ];
  const carry = [
    ...[1, 2, 0x7c], // two f64 locals: 3 = y, 4 = c
    ...[0x02, 0x40, 0x03, 0x40], // block, loop
    ...[0x20, 0, 0x20, 1, 0x4f, 0x0d, 1], // br_if 1 (p ≥ end, unsigned)
    ...[0x20, 0, 0x2b, 3, 0, 0x21, 3], // y = f64[p]
    ...[0x20, 3, ...f64Const(INV_LIMB), 0xa2, 0x9c, 0x21, 4], // c = floor(y · 2^−40)
    ...[0x20, 0, 0x20, 3, 0x20, 4, ...f64Const(LIMB), 0xa2, 0xa1, 0x39, 3, 0], // f64[p] = y − c · 2^40
    ...[0x20, 0, 0x20, 2, 0x6a], // p + stride
    ...[0x20, 0, 0x20, 2, 0x6a, 0x2b, 3, 0, 0x20, 4, 0xa0, 0x39, 3, 0], // f64[p + stride] += c
    ...[0x20, 0, 0x41, 8, 0x6a, 0x21, 0], // p += 8
    ...[0x0c, 0, 0x0b, 0x0b, 0x0b],
  ];
  const alt = [
    ...[1, 1, 0x7c], // one f64 local: 3 = s
    ...[0x02, 0x40, 0x03, 0x40], // block, loop
    ...[0x20, 2, 0x45, 0x0d, 1], // br_if 1 (pairs = 0)
    ...[0x20, 3, 0x20, 0, 0x2b, 3, 0, 0xa0], // s + f64[p]
    ...[0x20, 0, 0x20, 1, 0x6b, 0x2b, 3, 0, 0xa1, 0x21, 3], // − f64[p − vb], into s
    ...[0x20, 0, 0x20, 1, 0x41, 1, 0x74, 0x6b, 0x21, 0], // p −= 2·vb
    ...[0x20, 2, 0x41, 1, 0x6b, 0x21, 2], // pairs −= 1
    ...[0x0c, 0, 0x0b, 0x0b, 0x20, 3, 0x0b], // br 0, end loop, end block, s, end function
  ];
  return new Uint8Array([
    ...[0, 0x61, 0x73, 0x6d, 1, 0, 0, 0],
    // types: 0 = (i32 i32 i32) → (), 1 = (i32 i32 i32) → f64
    ...section(1, [2, 0x60, 3, 0x7f, 0x7f, 0x7f, 0, 0x60, 3, 0x7f, 0x7f, 0x7f, 1, 0x7c]),
    ...section(2, [1, ...name('m'), ...name('mem'), 2, 0, 1]), // import memory, min 1 page
    ...section(3, [4, 0, 0, 0, 1]),
    ...section(7, [
      4,
      ...name('add'),
      0,
      0,
      ...name('rng'),
      0,
      1,
      ...name('carry'),
      0,
      2,
      ...name('alt'),
      0,
      3,
    ]),
    ...section(10, [
      4,
      ...leb(add.length),
      ...add,
      ...leb(range.length),
      ...range,
      ...leb(carry.length),
      ...carry,
      ...leb(alt.length),
      ...alt,
    ]),
  ]);
}

let compiled: WebAssembly.Module | null | undefined;

let kind: 'simd' | 'scalar' | null = null;

/** With SIMD where the engine has it (Node 16.4+, browsers since 2021), else the scalar loop. */
function compileModule(): WebAssembly.Module {
  try {
    const m = new WebAssembly.Module(moduleBytes(true));
    kind = 'simd';
    return m;
  } catch {
    const m = new WebAssembly.Module(moduleBytes(false));
    kind = 'scalar';
    return m;
  }
}

/** Which module the tables run in: with SIMD, scalar, or none (JavaScript). */
export function wasmKind(): 'simd' | 'scalar' | null {
  wasmModule();
  return kind;
}

function wasmModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      compiled = typeof WebAssembly === 'object' ? compileModule() : null;
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/** Largest table put in WebAssembly memory (bytes; offsets are 32-bit). */
const WASM_MAX_BYTES = 2 ** 31;

type Exports = {
  add: (top: number, end: number, vb: number) => void;
  carry: (p: number, end: number, stride: number) => void;
  alt: (p: number, vb: number, pairs: number) => number;
  rng: (dst: number, src: number, len: number) => void;
};

/** The module over a new memory of `bytes`, or null (no WebAssembly, or the memory refused). */
function instance(bytes: number): { memory: WebAssembly.Memory; exports: Exports } | null {
  const mod = bytes === 0 || bytes > WASM_MAX_BYTES ? null : wasmModule();
  if (!mod) return null;
  try {
    const memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(bytes / 65536)) });
    return { memory, exports: new WebAssembly.Instance(mod, { m: { mem: memory } }).exports as Exports };
  } catch {
    return null;
  }
}

/** Arrays (rows of the table by size) whose ranges are added to one another. */
export interface RowArrays {
  readonly arrays: Float64Array[];
  /** dst[d + x] += src[s + x] for x in [0, len) (dst and src of `arrays`, distinct). */
  addRange(dst: Float64Array, d: number, src: Float64Array, s: number, len: number): void;
}

/** Zero-filled arrays of the given lengths, in one WebAssembly memory where it can. */
export function rowArrays(lengths: readonly number[], opts: { js?: boolean } = {}): RowArrays {
  const cells = lengths.reduce((a, b) => a + b, 0);
  const w = opts.js ? null : instance(cells * 8);
  if (w) {
    let at = 0;
    const arrays = lengths.map((len) => {
      const a = new Float64Array(w.memory.buffer, at * 8, len);
      at += len;
      return a;
    });
    const rng = w.exports.rng;
    return {
      arrays,
      addRange: (dst, d, src, s, len) => rng(dst.byteOffset + d * 8, src.byteOffset + s * 8, len),
    };
  }
  return { arrays: lengths.map((len) => new Float64Array(len)), addRange: addRangeJs };
}

/** dst[d + x] += src[s + x] for x in [0, len). */
export function addRangeJs(dst: Float64Array, d: number, src: Float64Array, s: number, len: number): void {
  for (let x = 0; x < len; x++) dst[d + x] = dst[d + x]! + src[s + x]!;
}

/** A table of `L` limbs of `Q` cells, zero-filled. `js` forces the JavaScript loop (tests). */
export function limbTable(L: number, Q: number, opts: { js?: boolean } = {}): LimbTable {
  const w = opts.js ? null : instance(L * Q * 8);
  if (w) {
    const { add, carry } = w.exports;
    const limbs = Array.from({ length: L }, (_, l) => new Float64Array(w.memory.buffer, l * Q * 8, Q));
    const stride = Q * 8;
    const addRange = (l: number, v: number, from: number, to: number) => {
      if (to >= from) add(l * stride + to * 8, l * stride + from * 8, v * 8);
    };
    return {
      limbs,
      addShifted: (l, v) => addRange(l, v, v, Q - 1),
      addRange,
      alternating: (l, x, v, pairs) => w.exports.alt(l * stride + x * 8, v * 8, pairs),
      carry: (from, to, active) => {
        if (to >= from)
          for (let l = 0; l < active - 1; l++)
            carry(l * stride + from * 8, l * stride + (to + 1) * 8, stride);
      },
    };
  }
  const limbs = Array.from({ length: L }, () => new Float64Array(Q));
  return {
    limbs,
    addShifted: (l, v) => addShiftedJs(limbs[l]!, v, Q),
    addRange: (l, v, from, to) => addRangeShiftedJs(limbs[l]!, v, from, to),
    alternating: (l, x, v, pairs) => alternatingJs(limbs[l]!, x, v, pairs),
    carry: (from, to, active) => {
      for (let l = 0; l < active - 1; l++) carryJs(limbs[l]!, limbs[l + 1]!, from, to);
    },
  };
}

/** a[x] += a[x − v] for x from Q − 1 down to v. */
export function addShiftedJs(a: Float64Array, v: number, Q: number): void {
  addRangeShiftedJs(a, v, v, Q - 1);
}

/** a[x] += a[x − v] for x from `to` down to `from` (from ≥ v). */
function addRangeShiftedJs(a: Float64Array, v: number, from: number, to: number): void {
  for (let x = to | 0; x >= from; x = (x - 1) | 0) a[x] = a[x]! + a[x - v]!;
}

/** Σ_t (−1)^t a[x − t·v] over 2·pairs terms (the loop of the module's `alt`). */
function alternatingJs(a: Float64Array, x: number, v: number, pairs: number): number {
  let s = 0;
  for (let k = 0, y = x; k < pairs; k++, y -= 2 * v) s = s + a[y]! - a[y - v]!;
  return s;
}

/** The carries of limb a into limb b over cells from … to (the loop of the module's `carry`). */
export function carryJs(a: Float64Array, b: Float64Array, from: number, to: number): void {
  for (let x = from; x <= to; x++) {
    const y = a[x]!;
    const c = Math.floor(y * INV_LIMB);
    a[x] = y - c * LIMB;
    b[x] = b[x]! + c;
  }
}
