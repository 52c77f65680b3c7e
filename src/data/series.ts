/** A yearly series per state, read from a compact data file. Pure: no I/O. */
import type { DataMeta } from './types.js';

export interface YearValue {
  readonly value: number;
  readonly year: number;
}

export class YearSeries {
  readonly meta: DataMeta;
  readonly firstYear: number;
  readonly lastYear: number;
  private readonly data: Readonly<Record<string, ReadonlyArray<number | null>>>;

  constructor(meta: DataMeta, data: Readonly<Record<string, ReadonlyArray<number | null>>>) {
    this.meta = meta;
    this.firstYear = meta.firstYear;
    this.lastYear = meta.lastYear;
    this.data = data;
  }

  has(iso3: string): boolean {
    return iso3 in this.data;
  }

  codes(): string[] {
    return Object.keys(this.data);
  }

  /** The value for one state and year, or null when the data has none. */
  get(iso3: string, year: number): number | null {
    if (!Number.isInteger(year) || year < this.firstYear || year > this.lastYear) return null;
    return this.data[iso3]?.[year - this.firstYear] ?? null;
  }

  /**
   * The latest year at or before `year` for which every state in `iso3s` has a value: "the date's
   * year if the data has it, else the latest earlier year". Null when there is none.
   */
  commonYear(iso3s: readonly string[], year: number): number | null {
    for (let y = Math.min(year, this.lastYear); y >= this.firstYear; y--) {
      if (iso3s.every((c) => this.get(c, y) !== null)) return y;
    }
    return null;
  }

  /** The sum over `iso3s` in the common year at or before `year`, with that year. */
  sum(iso3s: readonly string[], year: number): YearValue | null {
    const y = this.commonYear(iso3s, year);
    if (y === null) return null;
    return { year: y, value: iso3s.reduce((s, c) => s + (this.get(c, y) ?? 0), 0) };
  }
}
