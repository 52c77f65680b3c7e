/** Plain-text formatting for terminal output. */

/**
 * Whether a code point is East Asian wide or full-width (Chinese, kana, hangul, full-width
 * punctuation): two columns in a terminal.
 */
export function isWideCodePoint(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf && c !== 0x303f) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x20000 && c <= 0x3fffd)
  );
}

/**
 * The columns a string takes in a terminal: East Asian wide and full-width characters (Chinese,
 * full-width punctuation) take two, combining marks none, everything else one.
 */
export function displayWidth(s: string): number {
  // below U+0300 (Latin, Cyrillic is above): one column per character, as the loop counts
  if (!BEYOND_U02FF.test(s)) return s.length;
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if ((c >= 0x300 && c <= 0x36f) || c === 0x200b) continue;
    w += isWideCodePoint(c) ? 2 : 1;
  }
  return w;
}

const BEYOND_U02FF = /[\u0300-\uffff]/;

/** A number as printed in English ("1,234.5", "12.5%") or by Intl in Russian ("1 234,5", "12,5 %"). */
const NUMERIC = /^[-+]?\d[\d,]*(\.\d+)?%?$|^[-+−]?\d[\d\u00a0\u202f]*(,\d+)?(\u00a0?%)?$/;

/** A left-aligned text table; numeric-looking cells are right-aligned. */
export function table(
  headers: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
): string {
  const cells = [headers.map(String), ...rows.map((r) => r.map((c) => String(c)))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => displayWidth(r[i] ?? ''))));
  const numeric = headers.map(
    (_, i) => rows.length > 0 && rows.every((r) => NUMERIC.test(String(r[i] ?? ''))),
  );
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => {
        const pad = ' '.repeat(widths[i]! - displayWidth(c));
        return numeric[i] ? pad + c : c + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(cells[0]!), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join(
    '\n',
  );
}

export function pct(x: number | null | undefined, digits = 1): string {
  return x == null ? '–' : `${(x * 100).toFixed(digits)}%`;
}

export function big(x: number | null | undefined): string {
  if (x == null) return '–';
  const a = Math.abs(x);
  if (a >= 1e12) return `${(x / 1e12).toFixed(2)} trillion`;
  if (a >= 1e9) return `${(x / 1e9).toFixed(3)} billion`;
  if (a >= 1e6) return `${(x / 1e6).toFixed(2)} million`;
  return grouped(x);
}

/**
 * `x.toLocaleString('en-US')`, without Intl for a safe integer ("12,345"): the first Intl number,
 * date or collation service of a process costs about 9 ms (ICU's start), which `concord power` and
 * `concord org` in English otherwise pay for one number (test/util/format.test.ts checks the two agree).
 */
export function grouped(x: number): string {
  return Number.isSafeInteger(x) && !Object.is(x, -0)
    ? String(x).replace(/\B(?=(\d{3})+$)/g, ',')
    : x.toLocaleString('en-US');
}

/**
 * Compares two strings by UTF-16 code units: for ISO dates and codes (ASCII letters, digits and
 * hyphens) the order `localeCompare` gives, without starting ICU's collator (about 6 ms at start-up).
 */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function json(x: unknown): string {
  return JSON.stringify(x, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2);
}

/** A help line of the CLI as the API's documentation writes it: capitalised. */
export function sentence(help: string): string {
  return help.charAt(0).toUpperCase() + help.slice(1);
}
