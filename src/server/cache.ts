/**
 * A bounded cache of serialized answers for the built-in, immutable data (organizations on a date,
 * timelines, the claim check): the same URL always gets the same JSON while the server runs, so it
 * is computed and serialized once. Least recently used entries go first.
 */
export class AnswerCache {
  private readonly map = new Map<string, string>();

  constructor(private readonly max = 5000) {}

  get(key: string): string | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  set(key: string, value: string): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
  }

  get size(): number {
    return this.map.size;
  }
}
