/**
 * `concord backtest PATH [--format scenario|deu|ktab|decide] [--capabilities equal|FILE] [--json]`:
 * every model against the observed outcomes of the cases in PATH (a file, or a directory of them).
 */

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import {
  BASELINE_NAMES,
  type BacktestResult,
  backtestWithCoders,
  notIndependentNote,
  SUBSET_DESCRIPTIONS,
  subsetDescriptionIn,
} from '../../bargaining/backtest.js';
import { ADOPTION_RULE, ADOPTION_TOLERANCE, MODEL_NAMES } from '../../bargaining/forecast.js';
import {
  DEFAULT_BACKTEST_RESAMPLES,
  DEFAULT_FORECAST_SEED,
  FORECAST_OPTION_HELP,
} from '../../bargaining/options.js';
import { backtestCsv } from '../../bargaining/tidy.js';
import { ConcordError } from '../../errors.js';
import { formatter } from '../../i18n/format.js';
import { DEFAULT_LOCALE, type Locale, translator } from '../../i18n/index.js';
import { cliBacktest } from '../../i18n/messages/cli-backtest/index.js';
import { forecasts as forecastsMessages } from '../../i18n/messages/forecasts/index.js';
import { reportForecasts } from '../../i18n/messages/report-forecasts/index.js';
import { loadPath } from '../../scenario/load.js';
import { adoptionProbabilities } from '../../sweep/backtest.js';
import { sweepUncertaintyIn } from '../../sweep/notes.js';
import { json, pct, table } from '../../util/format.js';
import { backtestEstimateMs, warnIfLong } from '../estimate.js';
import { type CliIO, localeOf } from '../io.js';
import { wantsCsv } from '../output.js';
import { pointText } from '../points.js';
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
      key: 'cli.backtest.badCount',
      values: {
        flag,
        input: v,
        min: String(min),
        max: String(max),
        example: String(Math.max(min, Math.min(max, 1000))),
      },
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
    .option('--seed <n>', FORECAST_OPTION_HELP.backtestSeed)
    .option('--resamples <n>', FORECAST_OPTION_HELP.backtestResamples)
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
      const seed = parseCount(opts.seed, '--seed', 0, 2 ** 31 - 1) ?? DEFAULT_FORECAST_SEED;
      const resamples = parseCount(opts.resamples, '--resamples', 0, 1_000_000);
      const eum = { maxRounds: parseRounds(opts.maxRounds), variant: parseVariant(opts.eumVariant) };
      // Before the sweep and the bootstrap: what the user is in for, and the way to a faster answer.
      const bt = backtestText(localeOf(io));
      const size = {
        cases: loaded.reduce((t, l) => t + l.scenario.issues.length, 0),
        actors: Math.max(0, ...loaded.map((l) => l.scenario.actors.length)),
      };
      warnIfLong(
        io,
        backtestEstimateMs(
          loaded.map((l) => l.scenario),
          models,
          { maxRounds: eum.maxRounds, sweepRuns: runs, resamples },
        ),
        runs ? bt.t('long.whatSweep', { ...size, runs: bt.int(runs) }) : bt.t('long.what', size),
        [
          ...(runs ? [bt.t('faster.sweepRuns')] : []),
          ...((resamples ?? DEFAULT_BACKTEST_RESAMPLES) > DEFAULT_BACKTEST_RESAMPLES
            ? [bt.t('faster.resamples')]
            : []),
          bt.t('faster.noEum'),
          bt.t('faster.rounds'),
        ].join(', '),
      );
      let probabilities: ReturnType<typeof adoptionProbabilities> | undefined;
      if (runs !== undefined) {
        const files = [...new Set(loaded.map((l) => l.file))];
        if (files.some((f) => !/\.(ya?ml|json)$/i.test(f)))
          throw new ConcordError('E_UNSUPPORTED', '--sweep-runs works on scenario files (YAML/JSON) only', {
            path: '--sweep-runs',
            hint: 'Convert the table to a scenario file, or leave out --sweep-runs.',
            key: 'cli.backtest.sweepRunsScenarioOnly',
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
      const locale = localeOf(io);
      io.out(formatBacktest(r, path, loaded.length, models, locale));
      const { t, fmt1, name } = backtestText(locale);
      if (perCoder) {
        const ni = r.codersNotIndependent;
        io.out(
          t('coders.title', {
            table: table(
              [t('col.coding'), ...models.map(name)],
              [
                [t('coders.mean'), ...models.map((m) => fmt1(r.models[m]?.mae))],
                ...Object.entries(perCoder).map(([c, x]) => [
                  ni?.coders.includes(c)
                    ? t('coders.aloneDependent', { coder: c })
                    : t('coders.alone', { coder: c }),
                  ...models.map((m) => fmt1(x.models[m]?.mae)),
                ]),
              ],
            ),
          }),
        );
        if (ni) io.out(locale === 'en' ? ni.note : notIndependentNote(ni.coders, ni.independent, locale));
      }
      if (isDeu) io.out(`\n${t('deuNote')}`);
    });
}

/** What a backtest's text needs in a locale: its words, model and baseline names, numbers. */
function backtestText(locale: Locale) {
  const en = locale === 'en';
  const t = translator(cliBacktest, locale);
  // Words of other surfaces, named `.t` like every translator (test/cli/strings.test.ts).
  const rf = { t: translator(reportForecasts, locale) };
  const fc = { t: translator(forecastsMessages, locale) };
  const f = formatter(locale);
  const fixed = (v: number | undefined | null, d: number) =>
    v === undefined || v === null ? '–' : en ? v.toFixed(d) : f.fixed(v, d);
  const baselines: Record<string, string> = {
    statusQuo: fc.t('baseline.statusQuo'),
    proposal: fc.t('baseline.proposal'),
    alwaysAdopted: fc.t('baseline.alwaysAdopted'),
    meanPosition: fc.t('baseline.meanPosition'),
  };
  return {
    t,
    rf,
    fc,
    en,
    p: pointText(locale),
    fmt1: (v: number | undefined | null) => fixed(v, 1),
    fmt3: (v: number | undefined | null) => fixed(v, 3),
    pct: (x: number | undefined) => (x === undefined ? '–' : en ? pct(x) : f.percent(x, 1)),
    int: (x: number) => (en ? x.toLocaleString('en-US') : f.number(x, 0)),
    /** A model's or baseline's name (the id in English). */
    name: (id: string) => {
      if (en) return id;
      if (id in baselines) return baselines[id]!;
      return rf.t.has(`model-short.${id}`) ? rf.t(`model-short.${id}` as never) : id;
    },
  };
}

export function formatBacktest(
  r: BacktestResult,
  path: string,
  files: number,
  models = MODEL_NAMES,
  locale: Locale = DEFAULT_LOCALE,
): string {
  const { t, rf, fc, en, p, fmt1, fmt3, pct: pc, int, name } = backtestText(locale);
  const lines = [t('title', { path, files, cases: r.cases.length }), ''];
  const mark = (b: boolean | null) => (b === null ? '' : b ? ' ✓' : ' ✗');
  lines.push(
    table(
      [t('col.case'), t('col.observed'), ...models.map(name)],
      r.cases.map((c) => {
        const pos =
          c.observed.position === null
            ? '–'
            : p.point(
                typeof c.observed.position === 'number'
                  ? c.observed.position
                  : Float64Array.from(c.observed.position),
              );
        return [
          `${c.scenario}/${c.issue}`,
          c.observed.adopted === null
            ? pos
            : c.observed.adopted
              ? t('observed.yes', { point: pos })
              : t('observed.no', { point: pos }),
          ...models.map((m) => {
            const x = c.models[m];
            if (!x || x.outcome === null) return '–';
            const o = typeof x.outcome === 'number' ? x.outcome : Float64Array.from(x.outcome);
            return `${p.point(o)}${x.error === null ? '' : ` (${p.point(x.error)})`}${mark(x.adoptionRight)}`;
          }),
        ];
      }),
    ),
  );
  const rule = en
    ? ADOPTION_RULE
    : rf.t('adoption-rule', { share: formatter(locale).percent(ADOPTION_TOLERANCE, 0) });
  lines.push('', t('cells', { rule }), '');
  lines.push(
    table(
      [
        t('col.model'),
        t('col.mae'),
        t('col.cases'),
        t('col.adoptionRight'),
        t('col.calls'),
        t('col.participationRight'),
        t('col.calls'),
      ],
      models.map((m) => {
        const s = r.models[m]!;
        return [
          name(m),
          fmt1(s.mae),
          String(s.n.mae),
          pc(s.adoptionAccuracy),
          String(s.n.adoption),
          pc(s.participantAccuracy),
          String(s.n.participants),
        ];
      }),
    ),
  );
  const withProb = r.sweep !== undefined;
  lines.push('', t('predictors'));
  lines.push(
    table(
      [
        t('col.predictor'),
        t('col.maeShort'),
        t('col.adoptionRight'),
        t('col.participationRight'),
        ...(withProb ? [t('col.brier'), t('col.logScore')] : []),
      ],
      [
        ...models.map((m) => [false, m, r.models[m]!] as const),
        ...BASELINE_NAMES.map((b) => [true, b, r.baselines[b]] as const),
      ].map(([baseline, id, sc]) => [
        baseline ? fc.t('scores.baseline', { name: name(id) }) : name(id),
        fmt1(sc.mae),
        pc(sc.adoptionAccuracy),
        pc(sc.participantAccuracy),
        ...(withProb ? [fmt3(sc.brier), fmt3(sc.logScore)] : []),
      ]),
    ),
  );
  lines.push(
    '',
    t('bootstrap', { resamples: int(r.bootstrap.resamples), seed: String(r.bootstrap.seed) }),
    table(
      [t('col.model'), t('col.against'), t('col.cases'), t('col.maeDifference'), t('col.interval')],
      r.comparisons.map((c) => [
        name(c.model),
        name(c.against),
        String(c.n),
        fmt1(c.maeDifference),
        c.ci95 ? `[${fmt1(c.ci95[0])}${p.sep}${fmt1(c.ci95[1])}]` : '–',
      ]),
    ),
  );
  lines.push('', t('subsets'));
  for (const [id, sub] of Object.entries(r.subsets)) {
    const description =
      en || !(id in SUBSET_DESCRIPTIONS)
        ? sub.description
        : subsetDescriptionIn(id as keyof typeof SUBSET_DESCRIPTIONS, locale);
    lines.push(
      sub.cases
        ? t('subset.lineMae', {
            description,
            cases: sub.cases,
            models: models
              .map((m) => `${name(m)} ${fmt1(sub.models[m]?.mae)}`)
              .join(locale === 'zh-Hans' ? '，' : ', '),
            proposal: fmt1(sub.baselines.proposal.mae),
          })
        : t('subset.line', { description, cases: sub.cases }),
    );
  }
  if (r.sweep && r.calibration) {
    lines.push(
      '',
      t('sweep', {
        runs: int(r.sweep.runs),
        seed: String(r.sweep.seed),
        uncertainty: sweepUncertaintyIn(r.sweep.uncertainty, locale) ?? r.sweep.uncertainty,
      }),
    );
    for (const m of models) {
      const bins = r.calibration[m]!.filter((b) => b.n > 0);
      lines.push(
        `  ${name(m)}: ${bins.map((b) => `[${fmt1(b.lo)}${p.sep}${fmt1(b.hi)}${b.hi === 1 ? ']' : ')'} n=${b.n}: ${fmt3(b.meanProbability)} → ${fmt3(b.observedFrequency)}`).join('; ') || t('calibration.none')}`,
      );
    }
  }
  return lines.join('\n');
}
