/**
 * The output format of a command: text (default), `--json`, or `--format csv|json` (tidy CSV,
 * docs/interop.md). Commands whose `--format` names an input format (forecast, backtest) take
 * `--format csv` as the output and every other value as the input format.
 */
import { ConcordError } from '../errors.js';

export type OutputFormat = 'text' | 'json' | 'csv';

export const FORMAT_OPTION_HELP = 'output format: text (default), json or csv (tidy, docs/interop.md)';

export function outputFormat(opts: { format?: string; json?: boolean }): OutputFormat {
  const f = opts.format?.trim().toLowerCase();
  if (f === undefined || f === '') return opts.json ? 'json' : 'text';
  if (f === 'csv' || f === 'json' || f === 'text') {
    if (opts.json && f !== 'json')
      throw new ConcordError('E_USAGE', `--json and --format ${f} ask for two outputs`, {
        path: '--format',
        hint: 'Give one of them.',
        key: 'twoOutputs',
        values: { format: f },
      });
    return f;
  }
  throw new ConcordError('E_USAGE', `--format: "${opts.format}" is not an output format`, {
    path: '--format',
    hint: 'Use --format text, json or csv.',
    key: 'badOutputFormat',
    values: { format: opts.format ?? '' },
  });
}

/** `csv` when a command's `--format` (which names its input format otherwise) asks for CSV output. */
export function wantsCsv(format: string | undefined): boolean {
  return format?.trim().toLowerCase() === 'csv';
}
