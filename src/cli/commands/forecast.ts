/** `concord forecast FILE [--model NAME…] [--json]`: every model's forecast for each issue of a scenario. */
import { resolve as resolvePath } from 'node:path';
import type { Command } from 'commander';
import { EUM_VARIANTS, type EumVariant } from '../../bargaining/eum.js';
import {
  applyPackages,
  exchangePoint,
  type ForecastJson,
  type ForecastMemo,
  fmtIntervals,
  fmtPoint,
  forecastAll,
  forecastIssue,
  forecastJson,
  type IssueForecast,
  MODEL_NAMES,
  modelOutcome,
  nashPoint,
  point,
} from '../../bargaining/forecast.js';
import { NASH_DISAGREEMENTS, type NashDisagreement } from '../../bargaining/nash.js';
import {
  EumVariantSchema,
  FORECAST_OPTION_HELP,
  MAX_ROUNDS_LIMIT,
  MaxRoundsSchema,
  NashDisagreementSchema,
  SalienceSchema,
} from '../../bargaining/options.js';
import { forecastCsv } from '../../bargaining/tidy.js';
import { ConcordError } from '../../errors.js';
import { DEFAULT_LOCALE, type Locale, localeFromEnv } from '../../i18n/index.js';
import { formatSummary, type ImportSummary } from '../../scenario/import/summary.js';
import { FORMATS, type Format, type LoadedScenario, loadFile } from '../../scenario/load.js';
import {
  EXCHANGE_VARIANTS,
  type ExchangeRun,
  ExchangeRunSchema,
  type ModelName,
} from '../../scenario/schema.js';
import type { ResolvedScenario } from '../../scenario/types.js';
import { json, table } from '../../util/format.js';
import { forecastEstimateMs, progressBar, warnIfLong } from '../estimate.js';
import type { CliIO } from '../io.js';
import { wantsCsv } from '../output.js';
import {
  exchangeDetail,
  exchangeIssueIds,
  exchangeRepetitionLines,
  exchangeRounds,
  requireExchange,
} from './exchange-rounds.js';
import { requireSmp, smpDetail, smpTurns } from './smp-turns.js';

export function parseModels(names: readonly string[] | undefined): ModelName[] {
  if (!names || names.length === 0) return [...MODEL_NAMES];
  const out: ModelName[] = [];
  for (const raw of names.flatMap((n) => n.split(','))) {
    const m = raw.trim() as ModelName;
    if (!MODEL_NAMES.includes(m)) {
      throw new ConcordError('E_USAGE', `--model: unknown model "${raw}"`, {
        path: '--model',
        hint: `Models: ${MODEL_NAMES.join(', ')}.`,
      });
    }
    if (!out.includes(m)) out.push(m);
  }
  return out;
}

export function parseFormat(f: string | undefined): Format | undefined {
  if (f === undefined) return undefined;
  if (!(FORMATS as readonly string[]).includes(f)) {
    throw new ConcordError('E_USAGE', `--format: unknown format "${f}"`, {
      path: '--format',
      hint: `Formats: ${FORMATS.join(', ')}.`,
    });
  }
  return f as Format;
}

/** --default-salience: a number on 0–100. */
export function parseSalience(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = v.trim() === '' ? Number.NaN : Number(v);
  if (!SalienceSchema.safeParse(n).success) {
    throw new ConcordError('E_USAGE', `--default-salience: "${v}" is not a number from 0 to 100`, {
      path: '--default-salience',
      hint: 'A DEU salience is on 0–100, e.g. --default-salience 50.',
    });
  }
  return n;
}

/** The import summaries of the loaded files, one per file. */
export function importSummaries(loaded: readonly LoadedScenario[]): ImportSummary[] {
  const out: ImportSummary[] = [];
  for (const l of loaded) if (l.summary && !out.includes(l.summary)) out.push(l.summary);
  return out;
}

/** Prints what the imports skipped or defaulted on stderr. */
export function reportImports(io: CliIO, loaded: readonly LoadedScenario[]): ImportSummary[] {
  const ss = importSummaries(loaded);
  for (const s of ss) io.err(formatSummary(s));
  return ss;
}

export function parseRounds(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = v.trim() === '' ? Number.NaN : Number(v);
  if (!MaxRoundsSchema.safeParse(n).success) {
    throw new ConcordError(
      'E_USAGE',
      `--max-rounds: "${v}" is not a whole number from 1 to ${MAX_ROUNDS_LIMIT}`,
      {
        path: '--max-rounds',
        hint: 'For example --max-rounds 50.',
      },
    );
  }
  return n;
}

export function parseVariant(v: string | undefined): EumVariant | undefined {
  if (v === undefined) return undefined;
  if (!EumVariantSchema.safeParse(v).success) {
    throw new ConcordError('E_USAGE', `--eum-variant: unknown variant "${v}"`, {
      path: '--eum-variant',
      hint: `Variants: ${EUM_VARIANTS.join(', ')} (text: the paper's text; scholz: the code behind its numbers).`,
    });
  }
  return v as EumVariant;
}

export function parseNash(v: string | undefined): NashDisagreement | undefined {
  if (v === undefined) return undefined;
  if (!NashDisagreementSchema.safeParse(v).success)
    throw new ConcordError('E_USAGE', `--nash-disagreement: unknown disagreement point "${v}"`, {
      path: '--nash-disagreement',
      hint: `Choose ${NASH_DISAGREEMENTS.join(' or ')}.`,
    });
  return v as NashDisagreement;
}

const EXCHANGE_FLAGS = {
  variant: '--exchange-variant',
  p: '--exchange-p',
  repetitions: '--exchange-repetitions',
  seed: '--seed',
} as const;

/** The exchange model's run options, validated by ExchangeRunSchema; a bad one exits 2 naming its flag. */
export function parseExchangeRun(o: {
  exchangeVariant?: string;
  exchangeP?: string;
  exchangeRepetitions?: string;
  seed?: string;
}): ExchangeRun {
  const num = (v: string | undefined) => (v === undefined || v.trim() === '' ? v : Number(v));
  const raw: Record<string, unknown> = {};
  if (o.exchangeVariant !== undefined) raw.variant = o.exchangeVariant;
  if (o.exchangeP !== undefined) raw.p = num(o.exchangeP);
  if (o.exchangeRepetitions !== undefined) raw.repetitions = num(o.exchangeRepetitions);
  if (o.seed !== undefined) raw.seed = num(o.seed);
  const r = ExchangeRunSchema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const key = String(issue.path[0]) as keyof typeof EXCHANGE_FLAGS;
  const flag = EXCHANGE_FLAGS[key];
  const given = {
    variant: o.exchangeVariant,
    p: o.exchangeP,
    repetitions: o.exchangeRepetitions,
    seed: o.seed,
  }[key];
  const hints: Record<keyof typeof EXCHANGE_FLAGS, string> = {
    variant: `Variants: ${EXCHANGE_VARIANTS.join(', ')} (the package's Random Rate is not built yet).`,
    p: 'A number from 0 (plain Equal Gain) to 1 (the widest random split of the gain).',
    repetitions: 'A whole number from 1 to 10000.',
    seed: 'A whole number from 0 to 2^53 − 1.',
  };
  throw new ConcordError('E_USAGE', `${flag}: "${given}" is not valid (${issue.message})`, {
    path: flag,
    hint: hints[key],
  });
}

interface Opts {
  exchangeVariant?: string;
  exchangeP?: string;
  exchangeRepetitions?: string;
  seed?: string;
  model?: string[];
  json?: boolean;
  format?: string;
  capabilities?: string;
  defaultSalience?: string;
  maxRounds?: string;
  eumVariant?: string;
  trace?: boolean;
  eumSensitivity?: boolean;
  register?: boolean;
  store?: string;
  capabilitySensitivity?: boolean;
  nashDisagreement?: string;
}

export function register(program: Command, io: CliIO): void {
  program
    .command('forecast')
    .description(
      'forecast each issue of a scenario with every model (consensus, compromise, median, nash, eum, exchange, smp)',
    )
    .argument(
      '<file>',
      'a scenario file (YAML/JSON), a long table (CSV/TSV/XLSX), or a DEU, DECIDE or KTAB file',
    )
    .option('--model <names...>', `models to run (default: all): ${MODEL_NAMES.join(', ')}`)
    .option(
      '--format <format>',
      `input format (default: from the file): ${FORMATS.join(', ')}; or csv: tidy CSV output (docs/interop.md)`,
    )
    .option(
      '--capabilities <source>',
      'equal, votes (DEU: Council votes on the date), or a file of `actor,capability` lines',
    )
    .option('--default-salience <s>', FORECAST_OPTION_HELP.defaultSalience)
    .option('--max-rounds <n>', FORECAST_OPTION_HELP.maxRounds)
    .option('--eum-variant <variant>', FORECAST_OPTION_HELP.eumVariant)
    .option('--trace', "add the expected-utility model's positions round by round")
    .option(
      '--eum-sensitivity',
      'run the expected-utility model under all 16 combinations of its four choices',
    )
    .option(
      '--register',
      "store every model's forecast in the registry (scored later by `concord registry score`)",
    )
    .option('--store <path|url>', 'the store for --register: SQLite file or postgres:// URL')
    .option('--nash-disagreement <point>', FORECAST_OPTION_HELP.nashDisagreement)
    .option(
      '--capability-sensitivity',
      "each model's forecast under each capability yardstick (gdp, cinc, population, equal)",
    )
    .option(
      '--exchange-variant <variant>',
      `exchange model: ${EXCHANGE_VARIANTS.join(', ')} (default equal-gain)`,
    )
    .option(
      '--exchange-p <p>',
      "exchange model: the randomised Equal Gain's p in [0, 1] (default 0: no randomness)",
    )
    .option(
      '--exchange-repetitions <n>',
      'exchange model: seeded runs, reported each and as mean and sd per issue (default 1)',
    )
    .option('--seed <s>', "the seed of the exchange model's random draws (default 1)")
    .option('--json', 'print JSON')
    .action(async (file: string, opts: Opts) => {
      const models = parseModels(opts.model);
      const exchangeRun = parseExchangeRun(opts);
      const maxRounds = parseRounds(opts.maxRounds);
      const csvOut = wantsCsv(opts.format);
      const variant = parseVariant(opts.eumVariant);
      const eum = { maxRounds, variant, trace: opts.trace ? true : undefined };
      const loaded = loadFile(file, io.cwd, {
        format: parseFormat(csvOut ? undefined : opts.format),
        capabilities: opts.capabilities,
        defaultSalience: parseSalience(opts.defaultSalience),
      });
      const imports = opts.json ? importSummaries(loaded) : reportImports(io, loaded);
      const nashDisagreement = parseNash(opts.nashDisagreement);
      const results = loaded.map(({ scenario }) => {
        const long = warnIfLong(
          io,
          forecastEstimateMs(scenario, models, maxRounds),
          `forecasting ${scenario.actors.length} actors on ${scenario.issues.length} issue(s) (the eum model grows with the square of the actors)`,
          '--model consensus compromise median nash (without eum), or --max-rounds 20.',
        );
        const bar = long ? progressBar(io, scenario.issues.length, 'issues') : null;
        // one memo for the issues: the exchange model runs once for all of them
        const memo: ForecastMemo = {};
        const fs = applyPackages(
          scenario,
          scenario.issues.map((issue) => {
            const f = forecastIssue(
              scenario,
              issue,
              {
                models,
                eum,
                eumSensitivity: opts.eumSensitivity,
                nashDisagreement,
                exchange: {
                  p: exchangeRun.p,
                  repetitions: exchangeRun.repetitions,
                  seed: exchangeRun.seed,
                },
              },
              memo,
            );
            bar?.tick();
            return f;
          }),
        );
        bar?.stop();
        for (const f of fs) {
          if (models.includes('consensus') && !f.issue.statusQuo && opts.model?.length) {
            throw new ConcordError(
              'E_VALIDATION',
              `${file}: issues[${f.issue.index}].statusQuo: the consensus model needs a status quo on issue "${f.issue.id}"`,
              {
                path: `issues[${f.issue.index}].statusQuo`,
                hint: 'Give `statusQuo`, or run other models (--model compromise median nash eum).',
              },
            );
          }
        }
        if (opts.model?.length) requireExchange(file, scenario, fs);
        if (opts.model?.length && models.includes('smp')) requireSmp(file, fs);
        return { scenario, forecasts: fs };
      });
      let registered: { id: string; scenarioHash: string; codeVersion: string; date: string } | null = null;
      if (opts.register) {
        const { scenarioFileHash, withStore } = await import('./registry.js');
        const { registeredForecast } = await import('../../bargaining/registry.js');
        const { softwareManifest } = await import('../../sweep/manifest.js');
        const hash = scenarioFileHash(file, io.cwd);
        const sw = softwareManifest();
        const codeVersion = `${sw.concord}${sw.commit ? ` (${sw.commit.slice(0, 12)})` : ''}`;
        const r = results[0]!;
        const rec = await withStore(io, opts.store, (store) =>
          store.registerForecast({
            scenarioId: r.scenario.id,
            file: resolvePath(io.cwd, file),
            scenarioHash: hash,
            codeVersion,
            forecast: registeredForecast(r.scenario, r.forecasts, models, { ...eum, trace: undefined }),
          }),
        );
        registered = { id: rec.id, scenarioHash: hash, codeVersion, date: rec.created_at };
      }
      // several coders: every model on each coder's codings (the mean coding elsewhere), and the spread
      const { codersOf, withCoder } = await import('../../scenario/reliability.js');
      const perCoder = (sc: ResolvedScenario) => {
        const coders = codersOf(sc);
        if (coders.length < 2) return null;
        const byCoder = Object.fromEntries(
          coders.map((c) => [
            c,
            Object.fromEntries(
              forecastAll(withCoder(sc, c), { models, eum: { ...eum, trace: undefined } }).map((f) => [
                f.issue.id,
                Object.fromEntries(models.map((m) => [m, point(modelOutcome(f, m))])),
              ]),
            ),
          ]),
        );
        return byCoder as Record<string, Record<string, Record<string, number | number[] | null>>>;
      };
      const capSens = opts.capabilitySensitivity
        ? (await import('./capability-sensitivity.js')).capabilitySensitivity(file, io.cwd, models)
        : null;
      if (csvOut) {
        const out = results.map((r) => forecastJson(r.scenario, r.forecasts));
        io.out(forecastCsv({ scenarios: out }).replace(/\n$/, ''));
        return;
      }
      if (opts.json) {
        const out = results.map((r) => {
          const j = forecastJson(r.scenario, r.forecasts);
          const pc = perCoder(r.scenario);
          return pc ? { ...j, coders: pc } : j;
        });
        const one = out.length === 1 ? out[0] : { scenarios: out };
        io.out(
          json({
            ...one,
            ...(capSens ? { capabilitySensitivity: capSens } : {}),
            ...(registered ? { registered } : {}),
            ...(imports.length ? { import: imports.length === 1 ? imports[0] : imports } : {}),
          }),
        );
        return;
      }
      io.out(
        results
          .map((r) => {
            const text = formatForecast(
              r.scenario,
              r.forecasts,
              forecastJson(r.scenario, r.forecasts),
              localeFromEnv(io.env),
              Boolean(opts.model?.includes('smp')),
            );
            const reps = exchangeRepetitionLines(io, r.forecasts);
            return reps.length ? `${text}\n\n${reps.join('\n')}` : text;
          })
          .join('\n\n'),
      );
      for (const r of results) {
        const pc = perCoder(r.scenario);
        if (!pc) continue;
        for (const is of r.scenario.issues) {
          io.out(
            `\nIssue ${is.id} per coder (each coder's codings, the mean elsewhere; the table above uses the mean coding):\n${table(
              ['model', ...Object.keys(pc)],
              models.map((m) => [
                m,
                ...Object.values(pc).map((x) => {
                  const v = x[is.id]?.[m];
                  return v === null || v === undefined
                    ? '–'
                    : fmtPoint(typeof v === 'number' ? v : Float64Array.from(v));
                }),
              ]),
            )}`,
          );
        }
      }
      if (capSens) {
        const avail = capSens.yardsticks.filter((y) => y.available);
        for (const id of Object.keys(capSens.range)) {
          io.out(
            `\nIssue ${id}, forecast by capability yardstick${
              capSens.yardsticks.some((y) => !y.available)
                ? ` (no data for every actor: ${capSens.yardsticks
                    .filter((y) => !y.available)
                    .map((y) => y.capability)
                    .join(', ')})`
                : ''
            }:\n${table(
              ['model', ...avail.map((y) => y.capability), 'range'],
              models.map((m) => [
                m,
                ...avail.map((y) => fmtPoint(y.forecasts[id]?.[m] ?? null)),
                capSens.range[id]![m]
                  ? `${fmtPoint(capSens.range[id]![m]![0])}–${fmtPoint(capSens.range[id]![m]![1])}`
                  : '–',
              ]),
            )}`,
          );
        }
      }
      if (registered)
        io.out(
          `\nRegistered as ${registered.id} (${registered.date}; scenario ${registered.scenarioHash.slice(0, 12)}, Concord ${registered.codeVersion}). Score it once the file has an outcome: concord registry score ${registered.id.slice(0, 8)}`,
        );
    });
}

function fmtCap(x: number): string {
  if (x === 0) return '0';
  return x >= 0.1 ? x.toFixed(2) : x.toPrecision(2);
}

export function formatForecast(
  s: ResolvedScenario,
  fs: readonly IssueForecast[],
  j: ForecastJson,
  locale: Locale = DEFAULT_LOCALE,
  /** Print SMP's turns (when `--model smp` names it; with every model the table row says enough). */
  smpTurnsToo = true,
): string {
  const lines: string[] = [];
  lines.push(`${s.id} — ${s.title}`);
  const capText =
    s.capabilitySource === 'equal'
      ? 'capabilities: equal'
      : s.capabilitySource === 'given'
        ? 'capabilities: as given in the file'
        : `capabilities: ${s.capabilitySource.toUpperCase()}${s.capabilityYear ? ` ${s.capabilityYear}` : ''} shares`;
  const head = [
    s.organization ? `${s.organization.shortName} on ${s.date}` : s.date ? `on ${s.date}` : null,
    s.chair >= 0 ? `chair: ${s.actors[s.chair]!.id}` : null,
    capText,
  ].filter(Boolean);
  lines.push(head.join(' · '));
  if (s.capabilityNote) lines.push(`note: ${s.capabilityNote}`);
  fs.forEach((f, k) => {
    const is = f.issue;
    const ij = j.issues[k]!;
    lines.push('', `Issue ${is.id}${is.title !== is.id ? ` — ${is.title}` : ''}`);
    const scale =
      is.dims === 1
        ? `scale ${is.lo[0]}${is.poles[0] ? ` (${is.poles[0][0]})` : ''} to ${is.hi[0]}${is.poles[0] ? ` (${is.poles[0][1]})` : ''}`
        : `${is.dims} dimensions: ${is.dimensionIds.map((d, i) => `${d} [${is.lo[i]}, ${is.hi[i]}]`).join(', ')}`;
    const facts = [
      scale,
      `rule: ${is.rule.description}`,
      is.statusQuo ? `status quo ${fmtPoint(is.statusQuo)}` : 'no status quo',
      is.proposal
        ? `${is.proposer >= 0 ? `${s.actors[is.proposer]!.id}'s ` : ''}proposal ${fmtPoint(is.proposal)}`
        : null,
      is.optOut ? 'opt-out allowed' : is.amendable ? 'amendable' : 'take it or leave it',
    ].filter(Boolean);
    lines.push(facts.join(' · '));
    const meta = Object.entries(is.metadata);
    if (meta.length) lines.push(`case: ${meta.map(([k, v]) => `${k} ${v}`).join(' · ')}`);
    const actorRows = s.actors.map((a, i) => [
      a.id,
      fmtCap(s.capability[i]!),
      is.has[i] ? fmtPoint(is.position.subarray(i * is.dims, (i + 1) * is.dims)) : '–',
      is.has[i] ? fmtPoint(is.salience.subarray(i * is.dims, (i + 1) * is.dims), 2) : '–',
      is.rule.veto[i] ? 'veto' : '',
    ]);
    lines.push('', table(['actor', 'capability', 'position', 'salience', 'rule'], actorRows));
    const rows: string[][] = [];
    for (const m of MODEL_NAMES) {
      const mj = ij.models[m];
      if (!mj) continue;
      const yes = (b: unknown) => (b === true ? 'yes' : b === false ? 'no' : '–');
      let detail = '';
      let outcome = '–';
      if (m === 'consensus' && f.consensus) {
        const c = f.consensus;
        outcome = fmtPoint(c.outcome);
        const parts: string[] = [];
        if (c.blockers.length) parts.push(`blockers ${c.blockers.map((i) => s.actors[i]!.id).join(', ')}`);
        if (c.participants && !c.proposalPasses)
          parts.push(`participants ${c.participants.map((i) => s.actors[i]!.id).join(', ') || 'none'}`);
        if (c.mode === 'agenda-setter' && c.setter >= 0) parts.push(`setter ${s.actors[c.setter]!.id}`);
        if (c.winSet) parts.push(`win-set ${fmtIntervals(c.winSet)}`);
        if (c.core) parts.push(`core ${fmtIntervals(c.core)}`);
        if (c.note && c.outcome) parts.push(c.note);
        if (!c.outcome && c.note) parts.push(c.note);
        detail = parts.join(' · ');
      } else if (m === 'eum' && f.eum) {
        outcome = fmtPoint(f.eum.outcome);
        detail = `${(mj as { variant?: string }).variant ?? 'text'} variant; ${f.eum.rounds} round${f.eum.rounds === 1 ? '' : 's'}${f.eum.converged ? ', converged' : ', round limit reached'}; mean of final positions ${fmtPoint(f.eum.mean)}`;
        const sens = f.eumSensitivity;
        if (sens)
          detail += `; over the 16 combinations of choices (a)–(d): min ${fmtPoint(sens.min)}, median ${fmtPoint(sens.median)}, max ${fmtPoint(sens.max)}${sens.moving.length ? `, moved by ${sens.moving.join(', ')}` : ', no choice moves it'}`;
      } else if (m === 'nash' && f.nash) {
        const r = f.nash;
        outcome = fmtPoint(nashPoint(r));
        detail = `disagreement point: ${r.disagreement === 'statusQuo' ? (r.mode === 'statusQuo' ? 'the status quo for all' : 'the status quo for veto players, the worst point for the others') : 'worst point (no status quo)'}${r.feasible ? `; feasible [${fmtPoint(r.feasible[0])}, ${fmtPoint(r.feasible[1])}]` : ''}`;
        if (f.notes.nash) detail += `; ${f.notes.nash}`;
      } else if (m === 'compromise' && f.compromise) {
        outcome = fmtPoint(f.compromise);
        detail = `capability × salience weighted mean${f.notes.compromise ? `; ${f.notes.compromise}` : ''}`;
      } else if (m === 'exchange' && f.exchange) {
        outcome = fmtPoint(exchangePoint(f.exchange));
        detail = exchangeDetail(f.exchange);
        if (f.notes.exchange) detail += `; ${f.notes.exchange}`;
      } else if (m === 'smp' && f.smp) {
        outcome = fmtPoint(f.smp.outcome);
        detail = smpDetail(f.smp, locale);
      } else if (m === 'median' && f.median) {
        outcome = fmtPoint(f.median);
        detail = `capability × salience weighted median${f.notes.median ? `; ${f.notes.median}` : ''}`;
      } else {
        detail = f.notes[m] ?? '';
      }
      rows.push([m, outcome, yes((mj as { adopted?: unknown }).adopted), detail]);
    }
    if (is.observed) {
      const o = is.observed;
      rows.push([
        'observed',
        fmtPoint(o.position),
        o.adopted === null ? '–' : o.adopted ? 'yes' : 'no',
        o.participants ? `participants ${o.participants.map((i) => s.actors[i]!.id).join(', ')}` : '',
      ]);
    }
    lines.push('', table(['model', 'outcome', 'adopted', 'detail'], rows));
    if (f.eum?.history) {
      const present = s.actors.flatMap((_a, i) => (is.has[i] ? [i] : []));
      lines.push(
        '',
        'Expected-utility model, round by round:',
        table(
          ['round', ...present.map((i) => s.actors[i]!.id), 'median', 'mean'],
          f.eum.history.map((row, k) => [
            String(k),
            ...present.map((i) => fmtPoint(row[i]!, 2)),
            fmtPoint(f.eum!.medians![k]!, 2),
            fmtPoint(f.eum!.means![k]!, 2),
          ]),
        ),
      );
    }
    lines.push('', ij.explanation);
    if (f.exchange)
      lines.push('', ...exchangeRounds(s, f.exchange, f.exchange.labels ?? exchangeIssueIds(s)));
    if (f.smp && smpTurnsToo) lines.push('', ...smpTurns(s, is, f.smp, locale));
    const notes = Object.entries(is.modelNotes);
    if (notes.length) {
      lines.push('', 'Notes from the case file:');
      for (const [m, t] of notes) lines.push(`  ${m}: ${t}`);
    }
  });
  return lines.join('\n');
}
