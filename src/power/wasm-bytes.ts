/**
 * The few encoders that the hand-written WebAssembly modules (./kernel.ts, ./kernel-holler.ts)
 * share: unsigned LEB128, a name, a section, an f64.const immediate.
 */

/** Unsigned LEB128. */
export const leb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};

/** A name: its length, then its (ASCII) bytes. */
export const name = (s: string): number[] => [s.length, ...Array.from(s, (c) => c.charCodeAt(0))];

/** A section: its id, its length, its body. */
export const section = (id: number, body: number[]): number[] => [id, ...leb(body.length), ...body];

/** An f64.const instruction: the opcode and the eight little-endian bytes of x. */
export const f64Const = (x: number): number[] => {
  const d = new DataView(new ArrayBuffer(8));
  d.setFloat64(0, x, true);
  return [0x44, ...new Uint8Array(d.buffer)];
};
