/**
 * `concord backtest PATH [--format scenario|deu|ktab|decide] [--capabilities equal|FILE] [--json]`:
 * every model against the observed outcomes of the cases in PATH (a file, or a directory of them).
 */

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { BASELINE_NAMES, type BacktestResult, backtestWithCoders } from '../../bargaining/backtest.js';
import { ADOPTION_RULE, fmtPoint, MODEL_NAMES } from '../../bargaining/forecast.js';
import { FORECAST_OPTION_HELP } from '../../bargaining/options.js';
import { backtestCsv } from '../../bargaining/tidy.js';
import { ConcordError } from '../../errors.js';
import { loadPath } from '../../scenario/load.js';
import { adoptionProbabilities } from '../../sweep/backtest.js';
import { json, pct, table } from '../../util/format.js';
import { backtestEstimateMs, warnIfLong } from '../estimate.js';
import type { CliIO } from '../io.js';
import { wantsCsv } from '../output.js';
import {
  importSummaries,
  parseFormat,
  parseModels,
  parseRounds,
  parseSalience,
  parseVariant,
  reportImports,
} from './forecast.js';

export const DEU_NOTE =
  'The published band on the EU Decides (DEU) data — the compromise model’s mean absolute error in the low-to-mid 20s, clearly below the median’s (Thomson, Stokman, Achen & König 2006) — can be checked only on that data set, which Concord does not ship.';

interface Opts {
  format?: string;
  capabilities?: string;
  defaultSalience?: string;
  model?: string[];
  maxRounds?: string;
  eumVariant?: string;
  sweepRuns?: string;
  seed?: string;
  resamples?: string;
  json?: boolean;
}

function parseCount(v: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new ConcordError('E_USAGE', `${flag}: "${v}" is not a whole number from ${min} to ${max}`, {
      path: flag,
      hint: `For example ${flag} ${Math.max(min, Math.min(max, 1000))}.`,
    });
  return n;
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
      'scenario, long, deu, decide or ktab (default: from the file; scenario for a directory); or csv: tidy CSV output (docs/interop.md)',
    )
    .option(
      '--capabilities <source>',
      'equal, votes (DEU: Council votes on the date), or a file of `actor,capability` lines',
    )
    .option('--default-salience <s>', FORECAST_OPTION_HELP.defaultSalience)
    .option('--model <names...>', `models to score (default: all): ${MODEL_NAMES.join(', ')}`)
    .option('--max-rounds <n>', FORECAST_OPTION_HELP.maxRounds)
    .option('--eum-variant <variant>', FORECAST_OPTION_HELP.eumVariant)
    .option(
      '--sweep-runs <n>',
      "score each model's probability of adoption (Brier, log score, calibration) from a seeded sweep of N replicates per case",
    )
    .option('--seed <n>', 'seed of the sweep and of the bootstrap (default 1)')
    .option('--resamples <n>', 'resamples of the paired bootstrap (default 10000)')
    .option('--json', 'print JSON')
    .action((path: string, opts: Opts) => {
      const csvOut = wantsCsv(opts.format);
      const format = parseFormat(csvOut ? undefined : opts.format);
      const models = parseModels(opts.model);
      const loaded = loadPath(path, io.cwd, {
        format,
        capabilities: opts.capabilities,
        defaultSalience: parseSalience(opts.defaultSalience),
      });
      const imports = opts.json ? importSummaries(loaded) : reportImports(io, loaded);
      const runs = parseCount(opts.sweepRuns, '--sweep-runs', 10, 1_000_000);
      const seed = parseCount(opts.seed, '--seed', 0, 2 ** 31 - 1) ?? 1;
      const resamples = parseCount(opts.resamples, '--resamples', 0, 1_000_000);
      const eum = { maxRounds: parseRounds(opts.maxRounds), variant: parseVariant(opts.eumVariant) };
      // Before the sweep and the bootstrap: what the user is in for, and the way to a faster answer.
      warnIfLong(
        io,
        backtestEstimateMs(
          loaded.map((l) => l.scenario),
          models,
          { maxRounds: eum.maxRounds, sweepRuns: runs, resamples },
        ),
        `backtesting ${loaded.reduce((t, l) => t + l.scenario.issues.length, 0)} case(s) of up to ${Math.max(0, ...loaded.map((l) => l.scenario.actors.length))} actors${runs ? ` with ${runs.toLocaleString('en-US')} sweep replicates each` : ''}`,
        [
          ...(runs ? ['fewer --sweep-runs'] : []),
          ...((resamples ?? 10_000) > 10_000 ? ['fewer --resamples (10000 is the default)'] : []),
          '--model without eum (it grows with the square of the actors)',
          'or --max-rounds 20.',
        ].join(', '),
      );
      let probabilities: ReturnType<typeof adoptionProbabilities> | undefined;
      if (runs !== undefined) {
        const files = [...new Set(loaded.map((l) => l.file))];
        if (files.some((f) => !/\.(ya?ml|json)$/i.test(f)))
          throw new ConcordError('E_UNSUPPORTED', '--sweep-runs works on scenario files (YAML/JSON) only', {
            path: '--sweep-runs',
            hint: 'Convert the table to a scenario file, or leave out --sweep-runs.',
          });
        probabilities = adoptionProbabilities(
          files.map((f) => ({ file: f, text: readFileSync(resolve(io.cwd, f), 'utf8') })),
          runs,
          seed,
          models,
        );
      }
      const scenarios = loaded.map((l) => l.scenario);
      const r = backtestWithCoders(scenarios, { models, eum, resamples, seed, probabilities });
      const perCoder = r.coders ?? null;
      const isDeu = format === 'deu' || imports.some((s) => s.format === 'deu');
      if (csvOut) {
        io.out(backtestCsv(r).replace(/\n$/, ''));
        return;
      }
      if (opts.json) {
        io.out(
          json({
            ...r,
            ...(perCoder ? { coders: perCoder } : {}),
            ...(isDeu ? { note: DEU_NOTE } : {}),
            ...(imports.length ? { import: imports } : {}),
          }),
        );
        return;
      }
      io.out(formatBacktest(r, path, loaded.length, models));
      if (perCoder) {
        io.out(
          `\nPer coder (each coder's codings where given, the mean coding elsewhere), MAE, next to the mean-coding headline:\n${table(
            ['coding', ...models],
            [
              ['mean of the coders (headline)', ...models.map((m) => fmt1(r.models[m]?.mae))],
              ...Object.entries(perCoder).map(([c, x]) => [
                `coder ${c} alone${r.codersNotIndependent?.coders.includes(c) ? ' (not independent)' : ''}`,
                ...models.map((m) => fmt1(x.models[m]?.mae)),
              ]),
            ],
          )}`,
        );
        if (r.codersNotIndependent) io.out(r.codersNotIndependent.note);
      }
      if (isDeu) io.out(`\n${DEU_NOTE}`);
    });
}

const fmt1 = (v: number | undefined | null) => (v === undefined || v === null ? '–' : v.toFixed(1));
const fmt3 = (v: number | undefined | null) => (v === undefined || v === null ? '–' : v.toFixed(3));

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
  const withProb = r.sweep !== undefined;
  lines.push('', 'Models and baselines:');
  lines.push(
    table(
      [
        'predictor',
        'MAE',
        'adoption right',
        'participation right',
        ...(withProb ? ['Brier', 'log score'] : []),
      ],
      [
        ...models.map((m) => ['model', m, r.models[m]!] as const),
        ...BASELINE_NAMES.map((b) => ['baseline', b, r.baselines[b]] as const),
      ].map(([kind, name, sc]) => [
        `${name}${kind === 'baseline' ? ' (baseline)' : ''}`,
        fmt1(sc.mae),
        sc.adoptionAccuracy === undefined ? '–' : pct(sc.adoptionAccuracy),
        sc.participantAccuracy === undefined ? '–' : pct(sc.participantAccuracy),
        ...(withProb ? [fmt3(sc.brier), fmt3(sc.logScore)] : []),
      ]),
    ),
  );
  lines.push(
    '',
    `Paired bootstrap over cases (${r.bootstrap.resamples.toLocaleString('en-US')} resamples, seed ${r.bootstrap.seed}): model MAE minus the other's, with its 95% interval (below 0: the model is better)`,
    table(
      ['model', 'against', 'cases', 'MAE difference', '95% interval'],
      r.comparisons.map((c) => [
        c.model,
        c.against,
        String(c.n),
        fmt1(c.maeDifference),
        c.ci95 ? `[${c.ci95[0].toFixed(1)}, ${c.ci95[1].toFixed(1)}]` : '–',
      ]),
    ),
  );
  lines.push('', 'Subsets:');
  for (const sub of Object.values(r.subsets)) {
    lines.push(
      `  ${sub.description}: ${sub.cases} case${sub.cases === 1 ? '' : 's'}${
        sub.cases
          ? ` — MAE ${models.map((m) => `${m} ${fmt1(sub.models[m]?.mae)}`).join(', ')}; proposal baseline ${fmt1(sub.baselines.proposal.mae)}`
          : ''
      }`,
    );
  }
  if (r.sweep && r.calibration) {
    lines.push(
      '',
      `Adoption probabilities from a sweep of ${r.sweep.runs.toLocaleString('en-US')} replicates per case (seed ${r.sweep.seed}; ${r.sweep.uncertainty}). Calibration (cases per bin: mean probability → observed share adopted):`,
    );
    for (const m of models) {
      const bins = r.calibration[m]!.filter((b) => b.n > 0);
      lines.push(
        `  ${m}: ${bins.map((b) => `[${b.lo.toFixed(1)}, ${b.hi.toFixed(1)}${b.hi === 1 ? ']' : ')'} n=${b.n}: ${fmt3(b.meanProbability)} → ${fmt3(b.observedFrequency)}`).join('; ') || 'no probabilities'}`,
      );
    }
  }
  return lines.join('\n');
}
