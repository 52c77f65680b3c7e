/**
 * The one CSV writer of Concord: every export (the command line's `--format csv`, the API's
 * `?format=csv`, `runs export`) writes its cells through it, so the two give the same bytes.
 *
 * RFC 4180: fields separated by commas, records by "\n", a field quoted (its quotes doubled) when
 * it holds a comma, a quote, a line break or leading/trailing spaces. Numbers are written as
 * JavaScript prints them (shortest round-trip decimal; `NaN`/infinite become empty, as do null
 * and undefined); booleans as `true`/`false`.
 *
 * Formula injection (OWASP, "CSV Injection"): a text cell that starts with `=`, `+`, `-`, `@`, a
 * tab or a carriage return would run as a formula when the file is opened in a spreadsheet; such
 * a cell is written with a leading apostrophe (`'=1+1`) and quoted. Only text is escaped: a
 * number cell (`-0.25`) is a number and stays one, so pandas and readr read it as such.
 */

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\n\r]|^\s|\s$/;

/** One cell, escaped. */
export function csvCell(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  let s = v;
  if (FORMULA_START.test(s)) s = `'${s}`;
  return NEEDS_QUOTES.test(s) || s !== v ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One record, with its line end. */
export function csvLine(cells: readonly CsvValue[]): string {
  return `${cells.map(csvCell).join(',')}\n`;
}

/** A table with its header: columns in order, each row an object keyed by column. */
export function toCsv(
  columns: readonly string[],
  rows: Iterable<Readonly<Record<string, CsvValue>>>,
): string {
  let out = csvLine(columns);
  for (const r of rows) out += csvLine(columns.map((c) => r[c]));
  return out;
}

/** The media type of every CSV answer of the API. */
export const CSV_MEDIA_TYPE = 'text/csv; charset=utf-8; header=present';
