/** Reading delimited text (CSV, TSV, semicolon-separated) line by line, with line numbers for errors. Pure. */
import { ConcordError, type ErrorValues } from '../../errors.js';

export interface Row {
  /** 1-based line number in the file. */
  readonly line: number;
  readonly cells: string[];
}

/**
 * Splits one line on `delim`, honouring quoted cells: a cell that starts with one of `quotes` runs
 * to the matching quote (a doubled quote inside is a quote). Double quotes by default; DECIDE's
 * files quote with single quotes (`'#A'\t'Willems'`). Trims cells.
 */
export function splitLine(line: string, delim: string, quotes = '"'): string[] {
  const out: string[] = [];
  let cur = '';
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === quote) {
        if (line[i + 1] === quote) {
          cur += quote;
          i++;
        } else quote = '';
      } else cur += ch;
    } else if (quotes.includes(ch) && cur.trim() === '') {
      quote = ch;
      cur = '';
    } else if (ch === delim) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  out.push(cur.trim());
  return out;
}

/** The non-blank lines of a text, split; lines starting with `comment` (if given) are skipped. */
export function rows(text: string, delim: string, comment?: string, quotes = '"'): Row[] {
  const out: Row[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/)
    .forEach((raw, k) => {
      if (raw.trim() === '') return;
      if (comment && raw.trimStart().startsWith(comment)) return;
      out.push({ line: k + 1, cells: splitLine(raw, delim, quotes) });
    });
  return out;
}

/** The delimiter of a header line: tab, then semicolon, then comma, whichever appears. */
export function sniffDelimiter(firstLine: string): string {
  if (firstLine.includes('\t')) return '\t';
  if (firstLine.includes(';') && !firstLine.includes(',')) return ';';
  return ',';
}

/**
 * E_FILE_FORMAT `file:line: message`. `key` names the `import.` message that words it (its text
 * starts `{file}:{line}: `; its hint is `hint.<key>`), `values` its other arguments. A column's
 * problem is `import.column`: `column` and `problem` (notNumber, negative, outside01…) select the
 * sentence, `advice` the hint.
 */
export function formatError(
  file: string,
  line: number,
  message: string,
  hint: string,
  key: string,
  values: ErrorValues = {},
): ConcordError {
  return new ConcordError('E_FILE_FORMAT', `${file}:${line}: ${message}`, {
    path: `${file}:${line}`,
    hint,
    key,
    values: { file, line: String(line), value: '', what: '', ...values },
  });
}

/**
 * Parses a number cell; throws naming the file, line and column otherwise. `advice` selects the
 * hint's wording in `hint.import.column` (the English `hint` is the thrown text).
 */
export function num(
  file: string,
  row: Row,
  col: number,
  column: string,
  hint: string,
  advice: string,
  values: ErrorValues = {},
): number {
  const raw = row.cells[col] ?? '';
  const v = raw === '' ? Number.NaN : Number(raw);
  if (!Number.isFinite(v)) {
    throw formatError(file, row.line, `column ${column}: "${raw}" is not a number`, hint, 'import.column', {
      column,
      problem: 'notNumber',
      value: raw,
      advice,
      ...values,
    });
  }
  return v;
}

/** Drops empty trailing cells (KTAB rows end with a comma). */
export function trimTrailing(cells: string[]): string[] {
  let k = cells.length;
  while (k > 0 && cells[k - 1] === '') k--;
  return cells.slice(0, k);
}

/** A short id from a free-text name: keeps letters, digits, _ . - (spaces become _). */
export function toId(name: string): string {
  const id = name
    .trim()
    .replace(/\s+/g, '_')
    .replace(/[^A-Za-z0-9_.-]/g, '')
    .replace(/^[^A-Za-z0-9]+/, '');
  return id.slice(0, 64) || 'actor';
}
