/** `concord forecast FILE [--model NAME…] [--json]`: every model's forecast for each issue of a scenario. */
import { resolve as resolvePath } from 'node:path';
import type { Command } from 'commander';
import { EUM_VARIANTS, type EumVariant } from '../../bargaining/eum.js';
import {
  applyPackages,
  exchangePoint,
  type ForecastJson,
  type ForecastMemo,
  forecastAll,
  forecastIssue,
  forecastJson,
  type IssueForecast,
  MODEL_NAMES,
  modelNoteIn,
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
import { formatter } from '../../i18n/format.js';
import { DEFAULT_LOCALE, type Locale, translator } from '../../i18n/index.js';
import { cliForecast } from '../../i18n/messages/cli-forecast/index.js';
import { reportForecasts } from '../../i18n/messages/report-forecasts/index.js';
import { loadOrganizations } from '../../org/load.js';
import { organizationShortName } from '../../org/names.js';
import { describeRule } from '../../rules/evaluate.js';
import { formatSummary, type ImportSummary } from '../../scenario/import/summary.js';
import { FORMATS, type Format, type LoadedScenario, loadFile } from '../../scenario/load.js';
import { capabilityNoteIn } from '../../scenario/notes.js';
import {
  EXCHANGE_VARIANTS,
  type ExchangeRun,
  ExchangeRunSchema,
  type ModelName,
} from '../../scenario/schema.js';
import type { ResolvedScenario } from '../../scenario/types.js';
import { json, table } from '../../util/format.js';
import { forecastEstimateMs, progressBar, warnIfLong } from '../estimate.js';
import { explainIn } from '../explain.js';
import { cliText } from '../i18n.js';
import { type CliIO, localeOf } from '../io.js';
import { wantsCsv } from '../output.js';
import { pointText } from '../points.js';
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
        key: 'cli.forecast.unknownModel',
        values: { input: raw, known: MODEL_NAMES.join(', ') },
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
      key: 'cli.forecast.unknownFormat',
      values: { input: f, known: FORMATS.join(', ') },
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
      key: 'cli.forecast.badSalience',
      values: { input: v },
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
  for (const s of ss) io.err(formatSummary(s, localeOf(io)));
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
        key: 'cli.forecast.badRounds',
        values: { input: v },
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
      key: 'cli.forecast.unknownEumVariant',
      values: { input: v, known: EUM_VARIANTS.join(', ') },
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
      key: 'cli.forecast.unknownNashDisagreement',
      values: {
        input: v,
        known: {
          en: NASH_DISAGREEMENTS.join(' or '),
          ru: NASH_DISAGREEMENTS.join(' или '),
          'zh-Hans': NASH_DISAGREEMENTS.join('或'),
        },
      },
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
  const keys = {
    variant: 'cli.forecast.badExchangeVariant',
    p: 'cli.forecast.badExchangeP',
    repetitions: 'cli.forecast.badExchangeRepetitions',
    seed: 'cli.forecast.badExchangeSeed',
  } as const;
  throw new ConcordError('E_USAGE', `${flag}: "${given}" is not valid (${issue.message})`, {
    path: flag,
    hint: hints[key],
    key: keys[key],
    values: { flag, input: String(given), reason: issue.message, known: EXCHANGE_VARIANTS.join(', ') },
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
    .option('--exchange-variant <variant>', FORECAST_OPTION_HELP.exchangeVariant)
    .option('--exchange-p <p>', FORECAST_OPTION_HELP.exchangeP)
    .option('--exchange-repetitions <n>', FORECAST_OPTION_HELP.exchangeRepetitions)
    .option('--seed <s>', FORECAST_OPTION_HELP.seed)
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
      const { t } = cliText(io, cliForecast);
      const results = loaded.map(({ scenario }) => {
        const long = warnIfLong(
          io,
          forecastEstimateMs(scenario, models, maxRounds),
          t('long.what', { actors: scenario.actors.length, issues: scenario.issues.length }),
          t('long.faster'),
        );
        const bar = long ? progressBar(io, scenario.issues.length, t('progress.issues')) : null;
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
                key: 'cli.forecast.consensusNeedsStatusQuo',
                values: { file, index: String(f.issue.index), issue: f.issue.id },
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
        const { scenarioFileHash } = await import('./registry.js');
        const { withStore } = await import('../store.js');
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
      const locale = localeOf(io);
      const p = pointText(locale);
      const model = (m: string) => modelName(m, locale);
      const smpTurnsToo = Boolean(opts.model?.includes('smp'));
      io.out(
        results
          .map((r) => {
            const text = formatForecast(
              r.scenario,
              r.forecasts,
              forecastJson(r.scenario, r.forecasts),
              locale,
              smpTurnsToo,
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
            t('coders.title', {
              id: is.id,
              table: table(
                [t('col.model'), ...Object.keys(pc)],
                models.map((m) => [
                  model(m),
                  ...Object.values(pc).map((x) => {
                    const v = x[is.id]?.[m];
                    return v === null || v === undefined
                      ? '–'
                      : p.point(typeof v === 'number' ? v : Float64Array.from(v));
                  }),
                ]),
              ),
            }),
          );
        }
      }
      if (capSens) {
        const avail = capSens.yardsticks.filter((y) => y.available);
        const rf = { t: translator(reportForecasts, locale) };
        const yardstick = (y: string) =>
          locale === 'en' || !rf.t.has(`yardstick.name.${y}`) ? y : rf.t(`yardstick.name.${y}` as never);
        const missing = capSens.yardsticks.filter((y) => !y.available).map((y) => yardstick(y.capability));
        for (const id of Object.keys(capSens.range)) {
          const tbl = table(
            [t('col.model'), ...avail.map((y) => yardstick(y.capability)), t('col.range')],
            models.map((m) => [
              model(m),
              ...avail.map((y) => p.point(y.forecasts[id]?.[m] ?? null)),
              capSens.range[id]![m]
                ? `${p.point(capSens.range[id]![m]![0])}–${p.point(capSens.range[id]![m]![1])}`
                : '–',
            ]),
          );
          io.out(
            missing.length
              ? t('yardstick.titleMissing', { id, missing: missing.join(', '), table: tbl })
              : t('yardstick.title', { id, table: tbl }),
          );
        }
      }
      if (registered)
        io.out(
          t('registered', {
            id: registered.id,
            date: registered.date,
            hash: registered.scenarioHash.slice(0, 12),
            version: registered.codeVersion,
            short: registered.id.slice(0, 8),
          }),
        );
    });
}

function fmtCap(x: number, locale: Locale): string {
  if (x === 0) return '0';
  if (locale === 'en') return x >= 0.1 ? x.toFixed(2) : x.toPrecision(2);
  const f = formatter(locale);
  return x >= 0.1 ? f.fixed(x, 2) : f.number(Number(x.toPrecision(2)), 20);
}

/** A model's short name in the locale (the id itself in English). */
function modelName(m: string, locale: Locale): string {
  if (locale === 'en') return m;
  const t = translator(reportForecasts, locale);
  const key = `model-short.${m}`;
  return t.has(key) ? t(key as never) : m;
}

/** An organization's short name in the locale: the organization file's `localized`, else the scenario's. */
function orgShort(o: { id: string; shortName: string }, locale: Locale): string {
  if (locale === 'en') return o.shortName;
  const orgs = loadOrganizations();
  return orgs.has(o.id) ? organizationShortName(orgs.get(o.id), locale) : o.shortName;
}

export function formatForecast(
  s: ResolvedScenario,
  fs: readonly IssueForecast[],
  j: ForecastJson,
  locale: Locale = DEFAULT_LOCALE,
  /** Print SMP's turns (when `--model smp` names it; with every model the table row says enough). */
  smpTurnsToo = true,
): string {
  const t = translator(cliForecast, locale);
  const rf = { t: translator(reportForecasts, locale) };
  const en = locale === 'en';
  const fmt = formatter(locale);
  const p = pointText(locale);
  const date = (iso: string) => (en ? iso : fmt.date(iso, 'short'));
  /** A model's note (English, as JSON carries it) in the locale; one the catalogue does not know as is. */
  const note = (text: string) => (en ? text : (modelNoteIn(text, locale) ?? text));
  const lines: string[] = [];
  lines.push(`${s.id} — ${s.title}`);
  const src = s.capabilitySource;
  const srcName =
    en || !rf.t.has(`yardstick.name.${src}`) ? src.toUpperCase() : rf.t(`yardstick.name.${src}` as never);
  const capText =
    src === 'equal'
      ? t('head.capEqual')
      : src === 'given'
        ? t('head.capGiven')
        : s.capabilityYear
          ? t('head.capSharesYear', { source: srcName, year: String(s.capabilityYear) })
          : t('head.capShares', { source: srcName });
  const head = [
    s.organization
      ? t('head.orgOn', {
          org: orgShort(s.organization, locale),
          date: s.date ? date(s.date) : String(s.date),
        })
      : s.date
        ? t('head.on', { date: date(s.date) })
        : null,
    s.chair >= 0 ? t('head.chair', { actor: s.actors[s.chair]!.id }) : null,
    capText,
  ].filter(Boolean);
  lines.push(head.join(' · '));
  if (s.capabilityNote)
    lines.push(t('head.note', { note: capabilityNoteIn(s.capabilityNote, locale) ?? s.capabilityNote }));
  const ids = (xs: readonly number[]) => xs.map((i) => s.actors[i]!.id).join(', ');
  const yes = (b: unknown) => (b === true ? t('yes') : b === false ? t('no') : '–');
  fs.forEach((f, k) => {
    const is = f.issue;
    const ij = j.issues[k]!;
    lines.push(
      '',
      is.title !== is.id
        ? t('issue.titleNamed', { id: is.id, title: is.title })
        : t('issue.title', { id: is.id }),
    );
    const pole = (v: number, name: string | undefined) =>
      name ? t('issue.pole', { value: p.num(v), pole: name }) : p.num(v);
    const scale =
      is.dims === 1
        ? t('issue.scale', { lo: pole(is.lo[0]!, is.poles[0]?.[0]), hi: pole(is.hi[0]!, is.poles[0]?.[1]) })
        : t('issue.dims', {
            count: is.dims,
            list: is.dimensionIds
              .map((d, i) => `${d} [${p.num(is.lo[i]!)}${p.sep}${p.num(is.hi[i]!)}]`)
              .join(', '),
          });
    const mode = is.optOut
      ? rf.t('mode.opt-out')
      : is.amendable
        ? rf.t('mode.amendable')
        : rf.t('mode.take-it');
    const facts = [
      scale,
      t('issue.rule', { rule: en ? is.rule.description : describeRule(is.rule.rule, locale) }),
      is.statusQuo ? t('issue.statusQuo', { point: p.point(is.statusQuo) }) : t('issue.noStatusQuo'),
      is.proposal
        ? is.proposer >= 0
          ? t('issue.proposalBy', { actor: s.actors[is.proposer]!.id, point: p.point(is.proposal) })
          : t('issue.proposal', { point: p.point(is.proposal) })
        : null,
      mode,
    ].filter(Boolean);
    lines.push(facts.join(' · '));
    const meta = Object.entries(is.metadata);
    if (meta.length) lines.push(t('issue.case', { facts: meta.map(([k, v]) => `${k} ${v}`).join(' · ') }));
    const actorRows = s.actors.map((a, i) => [
      a.id,
      fmtCap(s.capability[i]!, locale),
      is.has[i] ? p.point(is.position.subarray(i * is.dims, (i + 1) * is.dims)) : '–',
      is.has[i] ? p.point(is.salience.subarray(i * is.dims, (i + 1) * is.dims), 2) : '–',
      is.rule.veto[i] ? t('veto') : '',
    ]);
    lines.push(
      '',
      table(
        [t('col.actor'), t('col.capability'), t('col.position'), t('col.salience'), t('col.rule')],
        actorRows,
      ),
    );
    const rows: string[][] = [];
    for (const m of MODEL_NAMES) {
      const mj = ij.models[m];
      if (!mj) continue;
      let detail = '';
      let outcome = '–';
      if (m === 'consensus' && f.consensus) {
        const c = f.consensus;
        outcome = p.point(c.outcome);
        const parts: string[] = [];
        if (c.blockers.length) parts.push(t('consensus.blockers', { actors: ids(c.blockers) }));
        if (c.participants && !c.proposalPasses)
          parts.push(t('consensus.participants', { actors: ids(c.participants) || t('consensus.nobody') }));
        if (c.mode === 'agenda-setter' && c.setter >= 0)
          parts.push(t('consensus.setter', { actor: s.actors[c.setter]!.id }));
        if (c.winSet) parts.push(t('consensus.winSet', { set: p.intervals(c.winSet) }));
        if (c.core) parts.push(t('consensus.core', { set: p.intervals(c.core) }));
        if (c.note) parts.push(note(c.note));
        detail = parts.join(' · ');
      } else if (m === 'eum' && f.eum) {
        outcome = p.point(f.eum.outcome);
        detail = t('eum.detail', {
          variant: (mj as { variant?: string }).variant ?? 'text',
          rounds: f.eum.rounds,
          converged: f.eum.converged ? 'yes' : 'no',
          mean: p.point(f.eum.mean),
        });
        const sens = f.eumSensitivity;
        if (sens)
          detail +=
            t('eum.sensitivity', {
              min: p.point(sens.min),
              median: p.point(sens.median),
              max: p.point(sens.max),
            }) +
            (sens.moving.length ? t('eum.movedBy', { choices: sens.moving.join(', ') }) : t('eum.unmoved'));
      } else if (m === 'nash' && f.nash) {
        const r = f.nash;
        outcome = p.point(nashPoint(r));
        detail =
          t('nash.detail', {
            point:
              r.disagreement === 'statusQuo'
                ? r.mode === 'statusQuo'
                  ? t('nash.sqAll')
                  : t('nash.sqVeto')
                : t('nash.worst'),
          }) + (r.feasible ? t('nash.feasible', { range: p.range(r.feasible[0], r.feasible[1]) }) : '');
        if (f.notes.nash) detail += `; ${note(f.notes.nash)}`;
      } else if (m === 'compromise' && f.compromise) {
        outcome = p.point(f.compromise);
        detail = `${t('compromise.detail')}${f.notes.compromise ? `; ${note(f.notes.compromise)}` : ''}`;
      } else if (m === 'exchange' && f.exchange) {
        outcome = p.point(exchangePoint(f.exchange));
        detail = exchangeDetail(f.exchange, locale);
        if (f.notes.exchange) detail += `; ${note(f.notes.exchange)}`;
      } else if (m === 'smp' && f.smp) {
        outcome = p.point(f.smp.outcome);
        detail = smpDetail(f.smp, locale);
      } else if (m === 'median' && f.median) {
        outcome = p.point(f.median);
        detail = `${t('median.detail')}${f.notes.median ? `; ${note(f.notes.median)}` : ''}`;
      } else {
        const own = f.notes[m];
        detail = own ? note(own) : '';
      }
      rows.push([modelName(m, locale), outcome, yes((mj as { adopted?: unknown }).adopted), detail]);
    }
    if (is.observed) {
      const o = is.observed;
      rows.push([
        t('observed'),
        p.point(o.position),
        o.adopted === null ? '–' : yes(o.adopted),
        o.participants ? t('consensus.participants', { actors: ids(o.participants) }) : '',
      ]);
    }
    lines.push('', table([t('col.model'), t('col.outcome'), t('col.adopted'), t('col.detail')], rows));
    if (f.eum?.history) {
      const present = s.actors.flatMap((_a, i) => (is.has[i] ? [i] : []));
      lines.push(
        '',
        t('eum.history'),
        table(
          [t('col.round'), ...present.map((i) => s.actors[i]!.id), t('col.median'), t('col.mean')],
          f.eum.history.map((row, k) => [
            String(k),
            ...present.map((i) => p.point(row[i]!, 2)),
            p.point(f.eum!.medians![k]!, 2),
            p.point(f.eum!.means![k]!, 2),
          ]),
        ),
      );
    }
    lines.push('', explainIn(s, f, locale));
    if (f.exchange)
      lines.push('', ...exchangeRounds(s, f.exchange, f.exchange.labels ?? exchangeIssueIds(s), locale));
    if (f.smp && smpTurnsToo) lines.push('', ...smpTurns(s, is, f.smp, locale));
    const notes = Object.entries(is.modelNotes);
    if (notes.length) {
      lines.push('', t('caseNotes'));
      for (const [m, text] of notes) lines.push(`  ${modelName(m, locale)}: ${text}`);
    }
  });
  return lines.join('\n');
}
