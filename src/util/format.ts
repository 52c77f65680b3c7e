/** Plain-text formatting for terminal output. */

/** A left-aligned text table; numeric-looking cells are right-aligned. */
export function table(
  headers: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
): string {
  const cells = [headers.map(String), ...rows.map((r) => r.map((c) => String(c)))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length)));
  const numeric = headers.map(
    (_, i) => rows.length > 0 && rows.every((r) => /^[-+]?\d[\d,]*(\.\d+)?%?$/.test(String(r[i] ?? ''))),
  );
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => {
        const pad = ' '.repeat(widths[i]! - [...c].length);
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
  return x.toLocaleString('en-US');
}

export function json(x: unknown): string {
  return JSON.stringify(x, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2);
}
