/**
 * One entry for every format a scenario can come in: a scenario file (YAML or JSON), a long table
 * (CSV, TSV or XLSX), a DEU table, a DECIDE input file, a KTAB SMP CSV. Pure: the bytes (or text)
 * and the file's name in, the scenario file(s) — not yet resolved — and what the import skipped or
 * defaulted out. Used by the CLI (src/scenario/load.ts) and by the API's upload.
 */
import { ConcordError } from '../../errors.js';
import type { ScenarioFileInput } from '../schema.js';
import type { CouncilEra } from './council.js';
import { parseDecide } from './decide.js';
import { type CapabilityInput, parseDeu } from './deu.js';
import { parseKtab } from './ktab.js';
import { EXPECTED_HEADER, isLongHeader, parseLong } from './long.js';
import { csvRows, isZip, xlsxRows } from './read.js';
import { type ImportSummary, Tally } from './summary.js';
import { sniffDelimiter, splitLine } from './table.js';

export const FORMATS = ['scenario', 'long', 'deu', 'decide', 'ktab'] as const;
export type Format = (typeof FORMATS)[number];

export interface ImportOptions {
  readonly format?: Format;
  /** DEU tables: equal (the default), votes (Council votes on the date), or a mapping. */
  readonly capabilities?: CapabilityInput;
  /** DEU tables: the salience of a position without one, on 0–100. */
  readonly defaultSalience?: number;
  readonly council?: (date: string) => CouncilEra | null;
}

export interface Imported {
  readonly format: Format;
  /** The scenario file's text (format scenario), kept for line numbers in errors. */
  readonly text: string | null;
  /** Parsed scenario data: for `scenario`, the raw YAML/JSON data (validated by the caller). */
  readonly scenarios: readonly ScenarioFileInput[];
  readonly summary: ImportSummary | null;
}

const baseName = (file: string) => (file.split(/[\\/]/).pop() ?? file).replace(/\.[^.]+$/, '') || 'scenario';

/** Guesses the format of a file from its name and first lines (or its bytes: XLSX). */
export function detectFormat(file: string, text: string, bytes?: Uint8Array): Format {
  const ext = (/\.[^./\\]+$/.exec(file)?.[0] ?? '').toLowerCase();
  if (ext === '.yaml' || ext === '.yml' || ext === '.json') return 'scenario';
  if (ext === '.xlsx' || (bytes && isZip(bytes))) return 'long';
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const first = lines[0] ?? '';
  const decideLine = /^\s*(['"]?)#[AOPMD/]\1\s*([\t;]|$)/;
  if (decideLine.test(first) || lines.some((l) => /^\s*(['"]?)#D\1[\t;]/.test(l))) return 'decide';
  const headerLine = lines.find((l) => !l.startsWith('#')) ?? '';
  const header = splitLine(headerLine, sniffDelimiter(headerLine));
  if (isLongHeader(header)) return 'long';
  const second = lines[1] ?? '';
  if (/^\s*Actor\s*,/i.test(second)) return 'ktab';
  const lower = header.map((c) => c.toLowerCase());
  if (lower.some((c) => c.length > 1 && c[0] === 'p' && lower.includes(`s${c.slice(1)}`))) return 'deu';
  if (/^\s*[{[]/.test(text) || /^\s*[A-Za-z_]+\s*:/m.test(first)) return 'scenario';
  throw new ConcordError('E_FILE_FORMAT', `${file}: cannot tell the format of this file`, {
    path: file,
    hint: `Give --format ${FORMATS.join('|')}. A long table's header is ${EXPECTED_HEADER}; see docs/scenarios.md.`,
    key: 'import.unknownFormat',
    values: { file, formats: FORMATS.join('|'), header: EXPECTED_HEADER },
  });
}

export function importScenarios(
  input: string | Uint8Array,
  file: string,
  opts: ImportOptions = {},
): Imported {
  const bytes = typeof input === 'string' ? undefined : input;
  const zip = bytes ? isZip(bytes) : false;
  const text = typeof input === 'string' ? input : zip ? '' : new TextDecoder('utf-8').decode(input);
  if (!zip && text.includes('\u0000'))
    throw new ConcordError('E_FILE_FORMAT', `${file} is not a text file`, {
      path: file,
      hint: 'Give a YAML or JSON scenario, a CSV/TSV table or an XLSX workbook.',
      key: 'import.notText',
      values: { file },
    });
  const format = opts.format ?? detectFormat(file, text, bytes);
  if (zip && format !== 'long')
    throw new ConcordError(
      'E_FILE_FORMAT',
      `${file} is a workbook (XLSX); only long tables are read from workbooks`,
      {
        path: file,
        hint: `Save the sheet as CSV, or lay it out as a long table: ${EXPECTED_HEADER}.`,
        key: 'import.workbookNotLong',
        values: { file, header: EXPECTED_HEADER },
      },
    );
  switch (format) {
    case 'scenario':
      return { format, text, scenarios: [], summary: null };
    case 'long': {
      const r = parseLong(zip ? xlsxRows(bytes!, file) : csvRows(text, file), file, baseName(file));
      return { format, text: null, scenarios: [r.scenario], summary: r.summary };
    }
    case 'deu': {
      const r = parseDeu(text, file, {
        id: baseName(file),
        capabilities: opts.capabilities,
        defaultSalience: opts.defaultSalience,
        council: opts.council,
      });
      return { format, text: null, scenarios: r.scenarios, summary: r.summary };
    }
    case 'decide': {
      const scenarios = parseDecide(text, file);
      const tally = new Tally();
      for (const sc of scenarios)
        for (const is of sc.issues)
          for (const [a, p] of Object.entries(is.positions))
            if (p === null)
              tally.add('note', 'no #D line: the actor takes no position on the issue', `${a} on ${is.id}`);
      if (scenarios.length > 1)
        tally.notes.push(`powers differ between issues: one scenario per issue (${scenarios.length})`);
      return { format, text: null, scenarios, summary: plainSummary('decide', file, scenarios, tally) };
    }
    case 'ktab': {
      const scenarios = [parseKtab(text, file)];
      return { format, text: null, scenarios, summary: plainSummary('ktab', file, scenarios, new Tally()) };
    }
  }
}

function plainSummary(
  format: Format,
  file: string,
  scenarios: readonly ScenarioFileInput[],
  tally: Tally,
): ImportSummary {
  const actors = new Set(scenarios.flatMap((s) => Object.keys(s.actors ?? {})));
  const issues = new Set(scenarios.flatMap((s) => s.issues.map((i) => i.id)));
  return {
    format,
    file,
    issues: issues.size,
    actors: actors.size,
    metadata: [],
    counts: tally.counts(),
    notes: tally.notes,
  };
}
