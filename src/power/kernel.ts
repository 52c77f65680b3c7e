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

/** The limbs of one table and the loop over them. */
export interface LimbTable {
  /** limbs[l][x]: limb l of cell x (views of the WebAssembly memory, or plain arrays). */
  readonly limbs: Float64Array[];
  /** limbs[l][x] += limbs[l][x − v] for x from Q − 1 down to v (v ≥ 1). */
  addShifted(l: number, v: number): void;
}

const leb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};
const name = (s: string) => [s.length, ...Array.from(s, (c) => c.charCodeAt(0))];
const section = (id: number, body: number[]) => [id, ...leb(body.length), ...body];

/**
 * (module (import "m" "mem" (memory 1))
 *   (func (export "add") (param $base i32) (param $v i32) (param $q i32)
 *     (local $p i32) (local $end i32) (local $vb i32)
 *     vb = v << 3; end = base + vb; p = base + ((q − 1) << 3)
 *     (block (loop (br_if 1 (i32.lt_u p end))
 *       (f64.store p (f64.add (f64.load p) (f64.load (p − vb)))) p −= 8 (br 0)))))
 */
function moduleBytes(): Uint8Array<ArrayBuffer> {
  const body = [
    ...[1, 3, 0x7f], // three i32 locals: 3 = p, 4 = end, 5 = vb
    ...[0x20, 1, 0x41, 3, 0x74, 0x21, 5], // vb = v << 3
    ...[0x20, 0, 0x20, 5, 0x6a, 0x21, 4], // end = base + vb
    ...[0x20, 0, 0x20, 2, 0x41, 1, 0x6b, 0x41, 3, 0x74, 0x6a, 0x21, 3], // p = base + ((q − 1) << 3)
    ...[0x02, 0x40, 0x03, 0x40], // block, loop
    ...[0x20, 3, 0x20, 4, 0x49, 0x0d, 1], // br_if 1 (p < end, unsigned)
    ...[0x20, 3, 0x20, 3, 0x2b, 3, 0], // p, f64.load p
    ...[0x20, 3, 0x20, 5, 0x6b, 0x2b, 3, 0], // f64.load (p − vb)
    ...[0xa0, 0x39, 3, 0], // f64.add, f64.store
    ...[0x20, 3, 0x41, 8, 0x6b, 0x21, 3], // p −= 8
    ...[0x0c, 0, 0x0b, 0x0b, 0x0b], // br 0, end loop, end block, end function
  ];
  // (func (export "rng") (param $dst i32) (param $src i32) (param $len i32) (local $end i32)
  //   end = dst + (len << 3); while dst < end: f64[dst] += f64[src]; dst += 8; src += 8)
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
  return new Uint8Array([
    ...[0, 0x61, 0x73, 0x6d, 1, 0, 0, 0],
    ...section(1, [1, 0x60, 3, 0x7f, 0x7f, 0x7f, 0]), // type: (i32 i32 i32) → ()
    ...section(2, [1, ...name('m'), ...name('mem'), 2, 0, 1]), // import memory, min 1 page
    ...section(3, [2, 0, 0]),
    ...section(7, [2, ...name('add'), 0, 0, ...name('rng'), 0, 1]),
    ...section(10, [2, ...leb(body.length), ...body, ...leb(range.length), ...range]),
  ]);
}

let compiled: WebAssembly.Module | null | undefined;

function wasmModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      compiled = typeof WebAssembly === 'object' ? new WebAssembly.Module(moduleBytes()) : null;
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/** Largest table put in WebAssembly memory (bytes; offsets are 32-bit). */
const WASM_MAX_BYTES = 2 ** 31;

type Exports = {
  add: (base: number, v: number, q: number) => void;
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
    const add = w.exports.add;
    const limbs = Array.from({ length: L }, (_, l) => new Float64Array(w.memory.buffer, l * Q * 8, Q));
    return { limbs, addShifted: (l, v) => add(l * Q * 8, v, Q) };
  }
  const limbs = Array.from({ length: L }, () => new Float64Array(Q));
  return { limbs, addShifted: (l, v) => addShiftedJs(limbs[l]!, v, Q) };
}

/** a[x] += a[x − v] for x from Q − 1 down to v. */
export function addShiftedJs(a: Float64Array, v: number, Q: number): void {
  for (let x = (Q - 1) | 0; x >= v; x = (x - 1) | 0) a[x] = a[x]! + a[x - v]!;
}
