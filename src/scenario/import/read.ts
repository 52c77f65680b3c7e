/**
 * Reading the rows of a table: delimited text through csv-parse (the delimiter from the header
 * line: tab, semicolon or comma; double-quoted cells; each record with its line), and the first
 * sheet of an XLSX workbook through SheetJS (each row with its row number). Pure: bytes in, rows out.
 */
import * as XLSX from '@e965/xlsx';
import { parse } from 'csv-parse/sync';
import type { TableRows } from './long.js';
import { formatError, sniffDelimiter } from './table.js';

export function csvRows(text: string, file: string): TableRows {
  const clean = text.replace(/^\uFEFF/, '');
  const first = clean.split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? '';
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(clean, {
      delimiter: sniffDelimiter(first),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (e) {
    const err = e as Error & { lines?: number };
    throw formatError(
      file,
      err.lines ?? 1,
      `not a readable table: ${err.message.replace(/^Invalid [^:]*: /, '')}`,
      'Check the quoting on that line: a cell that holds the delimiter is written in double quotes.',
      'import.table.unreadable',
      { detail: err.message.replace(/^Invalid [^:]*: /, '') },
    );
  }
  return { rows: records.map((r) => ({ line: r.info.lines, cells: r.record })) };
}

/** Whether bytes are a ZIP container (an XLSX workbook). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export function xlsxRows(bytes: Uint8Array, file: string): TableRows {
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: 'array', dense: true, cellFormula: false, cellHTML: false });
  } catch (e) {
    throw formatError(
      file,
      1,
      `not a readable XLSX workbook: ${(e as Error).message}`,
      'Save the sheet as .xlsx (or as CSV).',
      'import.xlsx.unreadable',
      { detail: (e as Error).message },
    );
  }
  const name = wb.SheetNames[0];
  const ws = name ? wb.Sheets[name] : undefined;
  if (!ws)
    throw formatError(
      file,
      1,
      'the workbook has no sheet',
      'Put the table on the first sheet.',
      'import.xlsx.noSheet',
    );
  const start = ws['!ref'] ? XLSX.utils.decode_range(ws['!ref']).s.r : 0;
  const raw = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, blankrows: true, defval: '' });
  const rows = raw
    .map((r, k) => ({
      line: start + k + 1,
      cells: r.map((c) => (c === null || c === undefined ? '' : String(c).trim())),
    }))
    .filter((r) => r.cells.some((c) => c !== ''));
  return { rows, sheet: true };
}
