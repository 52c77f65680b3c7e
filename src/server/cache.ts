/**
 * A bounded cache of serialized answers for the built-in, immutable data and the computations on
 * it (organizations on a date, timelines, power indices, forecasts): the same validated input
 * always gets the same JSON while the server runs, so it is computed and serialized once. Bounded
 * both in entries and in bytes (the text kept); least recently used entries go first.
 */
export class AnswerCache {
  private readonly map = new Map<string, string>();
  private chars = 0;

  constructor(
    private readonly max = 5000,
    /** Largest total size of the answers kept (UTF-16 code units ≈ bytes of ASCII JSON). */
    private readonly maxChars = 32 * 1024 * 1024,
  ) {}

  get(key: string): string | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  set(key: string, value: string): void {
    if (value.length > this.maxChars / 8) return; // one answer may not push out most of the others
    const old = this.map.get(key);
    if (old !== undefined) {
      this.chars -= old.length;
      this.map.delete(key);
    }
    this.map.set(key, value);
    this.chars += value.length;
    while (this.map.size > this.max || this.chars > this.maxChars) {
      const k = this.map.keys().next().value!;
      this.chars -= this.map.get(k)!.length;
      this.map.delete(k);
    }
  }

  get size(): number {
    return this.map.size;
  }

  /** The characters of the answers kept. */
  get bytes(): number {
    return this.chars;
  }
}
