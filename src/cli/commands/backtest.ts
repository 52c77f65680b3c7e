/**
 * `concord backtest PATH [--format scenario|deu|ktab|decide] [--capabilities equal|FILE] [--json]`:
 * every model against the observed outcomes of the cases in PATH (a file, or a directory of them).
 */
import type { Command } from 'commander';
import { type BacktestResult, backtest } from '../../bargaining/backtest.js';
import { ADOPTION_RULE, fmtPoint, MODEL_NAMES } from '../../bargaining/forecast.js';
import { loadPath } from '../../scenario/load.js';
import { json, pct, table } from '../../util/format.js';
import type { CliIO } from '../io.js';
import { parseFormat, parseModels, parseRounds } from './forecast.js';

export const DEU_NOTE =
  'The published band on the EU Decides (DEU) data — the compromise model’s mean absolute error in the low-to-mid 20s, clearly below the median’s (Thomson, Stokman, Achen & König 2006) — can be checked only on that data set, which Concord does not ship.';

interface Opts {
  format?: string;
  capabilities?: string;
  model?: string[];
  maxRounds?: string;
  json?: boolean;
}

export function register(program: Command, io: CliIO): void {
  program
    .command('backtest')
    .description(
      'score every model against the observed outcomes of the cases in PATH (a file or a directory)',
    )
    .argument('<path>', 'a scenario file or directory (e.g. scenarios/sco), or a DEU/KTAB/DECIDE table')
    .option(
      '--format <format>',
      'scenario, deu, ktab or decide (default: from the file; scenario for a directory)',
    )
    .option('--capabilities <source>', 'equal, or a file of `actor,capability` lines (needed for DEU tables)')
    .option('--model <names...>', `models to score (default: all): ${MODEL_NAMES.join(', ')}`)
    .option('--max-rounds <n>', 'round limit of the expected-utility model (default 100)')
    .option('--json', 'print JSON')
    .action((path: string, opts: Opts) => {
      const format = parseFormat(opts.format);
      const models = parseModels(opts.model);
      const loaded = loadPath(path, io.cwd, { format, capabilities: opts.capabilities });
      const r = backtest(
        loaded.map((l) => l.scenario),
        { models, eum: { maxRounds: parseRounds(opts.maxRounds) } },
      );
      const isDeu = format === 'deu' || loaded.some((l) => /\(DEU-style table\)$/.test(l.scenario.title));
      if (opts.json) {
        io.out(json({ ...r, ...(isDeu ? { note: DEU_NOTE } : {}) }));
        return;
      }
      io.out(formatBacktest(r, path, loaded.length, models));
      if (isDeu) io.out(`\n${DEU_NOTE}`);
    });
}

export function formatBacktest(r: BacktestResult, path: string, files: number, models = MODEL_NAMES): string {
  const lines = [
    `Backtest of ${path}: ${files} scenario${files === 1 ? '' : 's'}, ${r.cases.length} case${r.cases.length === 1 ? '' : 's'} with an observed outcome`,
    '',
  ];
  const mark = (b: boolean | null) => (b === null ? '' : b ? ' ✓' : ' ✗');
  lines.push(
    table(
      ['case', 'observed', ...models],
      r.cases.map((c) => [
        `${c.scenario}/${c.issue}`,
        `${c.observed.position === null ? '–' : fmtPoint(typeof c.observed.position === 'number' ? c.observed.position : Float64Array.from(c.observed.position))}${c.observed.adopted === null ? '' : c.observed.adopted ? ' yes' : ' no'}`,
        ...models.map((m) => {
          const x = c.models[m];
          if (!x || x.outcome === null) return '–';
          const o = typeof x.outcome === 'number' ? x.outcome : Float64Array.from(x.outcome);
          return `${fmtPoint(o)}${x.error === null ? '' : ` (${fmtPoint(x.error)})`}${mark(x.adoptionRight)}`;
        }),
      ]),
    ),
  );
  lines.push(
    '',
    `cells: forecast (absolute error on 0–100); ✓/✗ whether the adoption call was right (${ADOPTION_RULE})`,
    '',
  );
  lines.push(
    table(
      ['model', 'MAE (0–100)', 'cases', 'adoption right', 'calls', 'participation right', 'calls'],
      models.map((m) => {
        const s = r.models[m]!;
        return [
          m,
          s.mae === undefined ? '–' : s.mae.toFixed(1),
          String(s.n.mae),
          s.adoptionAccuracy === undefined ? '–' : pct(s.adoptionAccuracy),
          String(s.n.adoption),
          s.participantAccuracy === undefined ? '–' : pct(s.participantAccuracy),
          String(s.n.participants),
        ];
      }),
    ),
  );
  return lines.join('\n');
}
