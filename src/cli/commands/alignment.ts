/**
 * `concord alignment <org> [--from Y --to Y] [--topic T] [--with ISO3,…] [--json]`: the members'
 * agreement in the UN General Assembly, their camps, their cohesion per year and across the
 * enlargement stages; `--scenario FILE`: the same measures on a scenario's positions.
 */
import type { Command } from 'commander';
import {
  type AlignmentResult,
  alignOrganization,
  alignPositions,
  type CampWeights,
  type PairMeasure,
  type PositionsAlignment,
  pairMatrix,
  windowBound,
  windowLabel,
} from '../../alignment/analysis.js';
import { loadVoteData } from '../../alignment/load.js';
import { alignmentNoteIn, zeroNoteIn } from '../../alignment/notes.js';
import {
  ALIGNMENT_OPTION_HELP,
  BootstrapSchema,
  CampSeedSchema,
  CampWeightsSchema,
  CLI_DEFAULT_BOOTSTRAP,
  DEFAULT_CAMP_SEED,
  DEFAULT_CAMP_WEIGHTS,
  DEFAULT_RESOLUTION,
  DEFAULT_SCOPE,
  MAX_BOOTSTRAP,
  ResolutionSchema,
  type RollCallScopeFilter,
  RollCallScopeSchema,
} from '../../alignment/options.js';
import { type ScenarioPositions, scenarioPositions } from '../../alignment/scenario.js';
import { alignmentCsv } from '../../alignment/tidy.js';
import type { CampUncertainty } from '../../alignment/uncertainty.js';
import { ConcordError } from '../../errors.js';
import { cliAnalysis } from '../../i18n/messages/cli-analysis/index.js';
import { cliPower } from '../../i18n/messages/cli-power/index.js';
import { translator } from '../../i18n/translate.js';
import { openOrganization } from '../../org/load.js';
import { organizationName, organizationShortName } from '../../org/names.js';
import { stages } from '../../org/organization.js';
import { loadFile } from '../../scenario/load.js';
import { json, table } from '../../util/format.js';
import { type CliText, cliText, type NamespaceKeys } from '../i18n.js';
import type { CliIO } from '../io.js';
import { FORMAT_OPTION_HELP, outputFormat } from '../output.js';

interface Options {
  from?: string;
  to?: string;
  topic?: string;
  with?: string;
  measures: string;
  seed: string;
  resolution: string;
  campWeights: string;
  stageYears?: string;
  scope: string;
  bootstrap: string;
  pair?: string;
  scenario?: string;
  json?: boolean;
  format?: string;
}

/** The matrices `--measures` prints (their titles are the catalogue's `al.measure.<name>`). */
const MEASURES: Record<string, { key: PairMeasure; percent: boolean }> = {
  agreement: { key: 'agreement', percent: true },
  'agreement-yn': { key: 'agreementYesNo', percent: true },
  kappa: { key: 'kappa', percent: false },
  'kappa-yn': { key: 'kappaYesNo', percent: false },
  s: { key: 's', percent: false },
};

/** A window bound as given (a year: the whole year; or a day `YYYY-MM-DD`), checked. */
function bound(v: string | undefined, flag: '--from' | '--to'): string | undefined {
  if (v === undefined) return undefined;
  windowBound(v, flag === '--from' ? 'from' : 'to');
  return v.trim();
}

/** A check by an option's schema (src/alignment/options.ts). */
const valid = (schema: { safeParse(x: number): { success: boolean } }) => (x: number) =>
  schema.safeParse(x).success;

/** The hints of the numeric options, by `which` (the `hint.cli.alignment.notValid` select). */
const NUMBER_HINTS = {
  seed: 'Give an integer seed.',
  resolution: 'Give a positive number, e.g. 1.',
  bootstrap: `Give a whole number of resamples from 0 to ${MAX_BOOTSTRAP}, e.g. ${CLI_DEFAULT_BOOTSTRAP}.`,
  stageYears: 'Give a number of years, e.g. 3.',
} as const;

function number(
  v: string,
  flag: string,
  check: (x: number) => boolean,
  which: keyof typeof NUMBER_HINTS,
): number {
  const x = Number(v);
  if (!Number.isFinite(x) || !check(x))
    throw new ConcordError('E_USAGE', `${flag}: "${v}" is not valid`, {
      path: flag,
      hint: NUMBER_HINTS[which],
      key: 'cli.alignment.notValid',
      values: { flag, value: v, which },
    });
  return x;
}

export function register(program: Command, io: CliIO): void {
  program
    .command('alignment')
    .description(
      'who votes with whom in the UN General Assembly: agreement, camps, cohesion across enlargements',
    )
    .argument('[org]', 'organization id (sco, csto, asean, …)')
    .option('--from <date>', 'first day, YYYY-MM-DD, or a year (default: the founding date, or 1946)')
    .option('--to <date>', 'last day, YYYY-MM-DD, or a year (default: the last roll call of the data)')
    .option('--scope <scope>', ALIGNMENT_OPTION_HELP.scope, DEFAULT_SCOPE)
    .option('--topic <topic>', 'only roll calls of one topic: me, nu, di, co, hr, ec (or its name)')
    .option('--with <states>', 'also compare these states: ISO3 codes, "partners", "all" (comma-separated)')
    .option(
      '--measures <list>',
      'matrices to print: agreement, agreement-yn, kappa, kappa-yn, s',
      'agreement,kappa',
    )
    .option('--seed <n>', ALIGNMENT_OPTION_HELP.seed, String(DEFAULT_CAMP_SEED))
    .option('--resolution <x>', ALIGNMENT_OPTION_HELP.resolution, String(DEFAULT_RESOLUTION))
    .option('--camp-weights <w>', ALIGNMENT_OPTION_HELP.campWeights, DEFAULT_CAMP_WEIGHTS)
    .option('--bootstrap <n>', ALIGNMENT_OPTION_HELP.bootstrap, String(CLI_DEFAULT_BOOTSTRAP))
    .option('--pair <a,b>', ALIGNMENT_OPTION_HELP.pair)
    .option(
      '--stage-years <n>',
      'compare at most n years before and after each stage (default: whole stages)',
    )
    .option(
      '--scenario <file>',
      "the same measures on a scenario's positions (actors × issues) instead of UN votes",
    )
    .option('--json', 'print JSON')
    .option('--format <fmt>', FORMAT_OPTION_HELP)
    .action((orgId: string | undefined, opts: Options) => {
      const fmt = outputFormat(opts);
      const measures = opts.measures
        .split(',')
        .map((m) => m.trim())
        .filter(Boolean);
      for (const m of measures)
        if (!MEASURES[m])
          throw new ConcordError('E_USAGE', `--measures: unknown measure "${m}"`, {
            path: '--measures',
            hint: `Choose among ${Object.keys(MEASURES).join(', ')}.`,
            key: 'cli.alignment.unknownMeasure',
            values: { measure: m, measures: Object.keys(MEASURES).join(', ') },
          });
      const seed = number(opts.seed, '--seed', valid(CampSeedSchema), 'seed');
      const resolution = number(opts.resolution, '--resolution', valid(ResolutionSchema), 'resolution');
      if (opts.scenario) {
        if (fmt === 'csv')
          throw new ConcordError('E_UNSUPPORTED', '--format csv is for an organization, not --scenario', {
            path: '--format',
            hint: 'Use --json for the positions of a scenario.',
            key: 'cli.alignment.csvScenario',
          });
        const loaded = loadFile(opts.scenario, io.cwd);
        const sc = scenarioPositions(loaded[0]!.scenario);
        const r = alignPositions(sc.matrix, { seed, resolution });
        io.out(
          opts.json
            ? json({ scenario: { id: sc.id, title: sc.title, file: opts.scenario }, ...r, notes: sc.notes })
            : formatPositions(sc, r, cliText(io, cliAnalysis)),
        );
        return;
      }
      if (!orgId)
        throw new ConcordError('E_USAGE', 'alignment: give an organization id, or --scenario FILE', {
          hint: 'For example: concord alignment sco --from 2001 --to 2019',
          key: 'cli.alignment.noOrg',
        });
      if (!CampWeightsSchema.safeParse(opts.campWeights).success)
        throw new ConcordError('E_USAGE', `--camp-weights: "${opts.campWeights}" is not kappa or agreement`, {
          path: '--camp-weights',
          hint: 'Use --camp-weights kappa (default) or agreement.',
          key: 'cli.alignment.campWeights',
          values: { value: opts.campWeights },
        });
      if (!RollCallScopeSchema.safeParse(opts.scope).success)
        throw new ConcordError('E_USAGE', `--scope: "${opts.scope}" is not all or resolutions`, {
          path: '--scope',
          hint: 'Use --scope all (default) or --scope resolutions (resolutions voted on as a whole).',
          key: 'cli.alignment.scope',
          values: { value: opts.scope },
        });
      const bootstrap = number(opts.bootstrap, '--bootstrap', valid(BootstrapSchema), 'bootstrap');
      const pair = opts.pair
        ? (opts.pair.split(',').map((x) => x.trim().toUpperCase()) as [string, string])
        : undefined;
      if (pair && (pair.length !== 2 || pair[0] === pair[1]))
        throw new ConcordError('E_USAGE', `--pair: "${opts.pair}" is not two different ISO3 codes`, {
          path: '--pair',
          hint: 'Give two ISO3 codes separated by a comma, e.g. --pair CHN,RUS.',
          key: 'cli.alignment.pair',
          values: { pair: opts.pair ?? '' },
        });
      const { org } = openOrganization(orgId, io.cwd);
      const data = loadVoteData();
      const first = `${data.meta.firstYear}-01-01`;
      const from = bound(opts.from, '--from') ?? (org.founded > first ? org.founded : first);
      // A dissolved organization: by default up to the day before its dissolution.
      const lastData = data.rollCalls.at(-1)!.date;
      const to =
        bound(opts.to, '--to') ?? (org.dissolved && org.dissolved <= lastData ? org.dissolved : undefined);
      const r = alignOrganization(data, org, {
        from,
        ...(to !== undefined ? { to } : {}),
        ...(opts.topic ? { topic: opts.topic } : {}),
        scope: opts.scope as RollCallScopeFilter,
        bootstrap,
        ...(pair ? { pair } : {}),
        with: opts.with ? opts.with.split(',') : [],
        seed,
        resolution,
        campWeights: opts.campWeights as CampWeights,
        ...(opts.stageYears
          ? {
              stageYears: number(opts.stageYears, '--stage-years', (x) => x > 0, 'stageYears'),
            }
          : {}),
      });
      if (fmt === 'csv') return io.out(alignmentCsv(r).replace(/\n$/, ''));
      if (fmt === 'json') return io.out(json(r));
      const c = cliText(io, cliAnalysis);
      io.out(
        formatAlignment(r, measures, stages(org), c, {
          name: organizationName(org, c.locale),
          short: organizationShortName(org, c.locale),
        }),
      );
    });
}

type AnalysisText = CliText<NamespaceKeys<typeof cliAnalysis>>;

/** The numbers of the alignment tables in the locale of `c` (English: as Concord always printed them). */
function numbers(c: AnalysisText) {
  const en = c.locale === 'en';
  /** Fixed digits without a negative zero (a modularity of −1e−17 is 0). */
  const fx = (x: number, d: number) => {
    const v = Math.abs(x) < 0.5 * 10 ** -d ? 0 : x;
    return en ? v.toFixed(d) : c.fmt.fixed(v, d);
  };
  const f3 = (x: number | null | undefined) => (x == null ? '–' : en ? x.toFixed(3) : c.fmt.fixed(x, 3));
  return {
    fx,
    f3,
    pc: (x: number | null | undefined) =>
      x == null ? '–' : en ? (x * 100).toFixed(1) : c.fmt.fixed(x * 100, 1),
    int: (x: number) => (en ? x.toLocaleString('en-US') : c.fmt.number(x, 0)),
    pm: (x: number | null | undefined, se: number | null | undefined) =>
      x == null ? '–' : `${f3(x)}${se == null ? '' : ` ± ${f3(se)}`}`,
    /** A share of 100 as a whole percentage ("87%", «87 %»). */
    pct0: (x: number) => (en ? `${(x * 100).toFixed(0)}%` : c.fmt.percent(x, 0)),
  };
}

/** Widest matrix printed as text (columns of 5–6 characters). */
const MAX_MATRIX = 24;

function matrixText(
  states: readonly string[],
  m: ReadonlyArray<ReadonlyArray<number | null>>,
  percent: boolean,
  c: AnalysisText,
): string {
  const { pc, f3 } = numbers(c);
  return table(
    ['', ...states],
    states.map((s, i) => [
      s,
      ...states.map((_, j) => (i === j ? '·' : percent ? pc(m[i]![j]) : f3(m[i]![j]))),
    ]),
  );
}

/** The UN topics of the vote data, by code, in the catalogue (a topic it does not know keeps the data's label). */
const TOPICS = new Set(['me', 'nu', 'di', 'co', 'hr', 'ec']);

/**
 * The alignment of an organization's members as text in the locale of `c`. The data's notes
 * (`zero`, the stages' and the result's notes) and the sources' titles are printed as they come.
 */
export function formatAlignment(
  r: AlignmentResult,
  measures: readonly string[],
  orgStages: ReadonlyArray<{ from: string; joined: string[]; left: string[] }>,
  c: AnalysisText,
  names?: { readonly name: string; readonly short: string },
): string {
  const { t } = c;
  const en = c.locale === 'en';
  const pw = { t: translator(cliPower, c.locale) };
  const { fx, f3, pc, int, pm } = numbers(c);
  const d = (iso: string) => c.date(iso);
  const span = (x: { from: string; to: string }) => {
    const label = windowLabel(x);
    return en || !label.includes(' – ') ? label : `${d(x.from)} – ${d(x.to)}`;
  };
  const w = r.window;
  /** An alignment note (English, as JSON carries it) in the locale; one the catalogue does not know as is. */
  const note = (text: string) =>
    en ? text : (alignmentNoteIn(text, c.locale, names?.short ?? r.organization.shortName) ?? text);
  const lines: string[] = [];
  const topicLabel = (x: { code: string; label: string }) =>
    en || !TOPICS.has(x.code) ? x.label : t(`al.topic.${x.code}` as 'al.topic.hr');
  lines.push(
    t('al.title', {
      name: names?.name ?? r.organization.name,
      short: names?.short ?? r.organization.shortName,
      span: span(w),
      count: w.rollCalls,
      n: int(w.rollCalls),
      first: d(w.firstDate),
      last: d(w.lastDate),
      topic: w.topic ? t('al.topic', { label: topicLabel(w.topic), code: w.topic.code }) : t('al.allTopics'),
      resolutions: w.scope === 'resolutions' ? 'yes' : 'no',
    }),
  );
  for (const s of r.data.sources)
    if (s.firstDate <= w.lastDate && s.lastDate >= w.firstDate)
      lines.push(t('al.data', { title: s.title, first: d(s.firstDate), last: d(s.lastDate) }));
  lines.push(t('al.zero', { zero: zeroNoteIn(r.data.zero, c.locale) ?? r.data.zero }));
  const members = r.states.filter((s) => s.role === 'member');
  lines.push('', t('al.states', { members: members.length, others: r.states.length - members.length }));
  lines.push(
    table(
      [t('al.col.iso3'), t('al.col.state'), t('al.col.role'), t('al.col.membership'), t('al.col.rollCalls')],
      r.states.map((s) => [
        s.iso3,
        en ? s.name : c.country(s.iso3),
        t('al.role', { role: s.role }),
        s.memberships.map((m) => `${d(m.from)} – ${m.to ? d(m.to) : ''}`).join('; ') || '',
        int(s.rollCalls),
      ]),
    ),
  );
  const codes = r.states.map((s) => s.iso3);
  if (codes.length > MAX_MATRIX) lines.push('', t('al.tooWide', { count: codes.length }));
  else
    for (const m of measures) {
      const spec = MEASURES[m]!;
      lines.push('', t(`al.measure.${m}` as 'al.measure.agreement'));
      lines.push(matrixText(codes, pairMatrix(codes, r.pairs, spec.key), spec.percent, c));
    }
  const ranked = r.pairs.filter((p) => p.agreement !== null).sort((a, b) => b.agreement! - a.agreement!);
  if (ranked.length > 2) {
    const show = (ps: typeof ranked) =>
      ps.map((p) => t('al.pairShare', { a: p.a, b: p.b, value: pc(p.agreement) })).join(t('al.listSep'));
    lines.push(
      '',
      t('al.closest', { closest: show(ranked.slice(0, 3)), distant: show(ranked.slice(-3).reverse()) }),
    );
  }

  const k = r.camps;
  lines.push(
    '',
    t('al.camps', {
      weights: k.weights,
      seed: String(k.seed),
      resolution: en ? String(k.resolution) : c.fmt.number(k.resolution, 4),
    }),
  );
  k.camps.forEach((camp, i) => {
    lines.push(`  ${i + 1}. ${camp.join(', ')}`);
  });
  lines.push(`  ${t('al.modularity', { q: fx(k.modularity, 4), one: k.camps.length === 1 ? 'yes' : 'no' })}`);
  if (k.membersModularity !== null)
    lines.push(`  ${t('al.membersModularity', { q: fx(k.membersModularity, 4) })}`);
  if (k.uncertainty) lines.push(...uncertaintyLines(k.uncertainty, '  ', c));

  lines.push('', t('al.cohesion'));
  const marks = new Map<number, string[]>();
  for (const st of orgStages.slice(1)) {
    const y = Number(st.from.slice(0, 4));
    const label = `${st.joined.length ? `+${st.joined.join(', ')}` : ''}${st.left.length ? ` −${st.left.join(', ')}` : ''} (${d(st.from)})`;
    marks.set(y, [...(marks.get(y) ?? []), label.trim()]);
  }
  const none = t('al.none');
  lines.push(
    table(
      [
        t('al.col.year'),
        t('al.col.rollCalls'),
        t('al.col.members'),
        t('al.col.ai'),
        t('al.col.rice'),
        t('al.col.pairsAlike'),
        t('al.col.stage'),
      ],
      [
        ...r.cohesion.byYear.map((y) => [
          String(y.year),
          y.rollCalls ? int(y.rollCalls) : none,
          y.measured ? String(y.members) : '–',
          f3(y.agreementIndex),
          f3(y.rice),
          f3(y.pairAgreement),
          marks.has(y.year) ? `← ${marks.get(y.year)!.join('; ')}` : '',
        ]),
        [
          t('al.all'),
          int(r.cohesion.overall.rollCalls),
          String(Math.max(0, ...r.cohesion.byYear.map((y) => y.members))),
          f3(r.cohesion.overall.agreementIndex),
          f3(r.cohesion.overall.rice),
          f3(r.cohesion.overall.pairAgreement),
          '',
        ],
      ],
    ),
  );

  if (r.stages.length) {
    lines.push('', t('al.stages'));
    const before = t('al.before');
    const after = t('al.after');
    for (const s of r.stages) {
      const change = [
        s.joined.length ? `+${s.joined.join(', ')}` : '',
        s.left.length ? `−${s.left.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join(' ');
      lines.push(
        '',
        t('al.stage', {
          date: d(s.date),
          change,
          before: s.membersBefore.length,
          after: s.membersAfter.length,
        }),
      );
      if (!s.before && !s.after) {
        if (s.note) lines.push(note(s.note));
        continue;
      }
      const rows: string[][] = [];
      for (const [label, p] of [
        [before, s.before],
        [after, s.after],
      ] as const) {
        if (!p) {
          rows.push([label, t('al.noRollCall'), '', '', '', '', '']);
          continue;
        }
        rows.push([
          label,
          `${d(p.from)} – ${d(p.to)}`,
          int(p.rollCalls),
          pm(p.oldSet.agreementIndex, p.oldSet.agreementIndexSe),
          pm(p.newSet.agreementIndex, p.newSet.agreementIndexSe),
          p.newCamps.camps.map((x) => x.join(' ')).join(' | '),
          fx(p.newCamps.modularity, 3),
        ]);
      }
      lines.push(
        table(
          [
            '',
            t('al.col.period'),
            t('al.col.rollCalls'),
            t('al.col.oldSet', { count: s.membersBefore.length }),
            t('al.col.newSet', { count: s.membersAfter.length }),
            t('al.col.newCamps'),
            'Q',
          ],
          rows,
        ),
      );
      if (s.comparable)
        lines.push(
          t('al.change', {
            value: `${sign(s.change!)}${f3(s.change)}`,
            se: s.changeSe != null ? f3(s.changeSe) : '',
            hasSe: s.changeSe != null ? 'yes' : 'no',
          }),
        );
      if (s.split)
        lines.push(
          `  ${t('al.split', {
            composition: `${sign(s.split.composition)}${f3(s.split.composition)}`,
            behaviour: `${sign(s.split.behaviour)}${f3(s.split.behaviour)}`,
          })}`,
        );
      for (const [side, p] of [
        ['before', s.before],
        ['after', s.after],
      ] as const)
        if (p?.newCampsUncertainty)
          lines.push(t('al.newCampsOf', { side }), ...uncertaintyLines(p.newCampsUncertainty, '  ', c));
      if (s.note) lines.push(note(s.note));
    }
  }
  if (r.pairByYear) {
    const p = r.pairByYear;
    lines.push('', t('al.pairByYear', { a: p.a, b: p.b }));
    lines.push(
      table(
        [
          t('al.col.year'),
          t('al.col.rollCalls'),
          t('al.col.agreement'),
          t('al.col.yesNo'),
          'κ',
          t('al.col.resolutions'),
          t('al.col.agreement'),
          t('al.col.source'),
        ],
        p.years.map((y) => [
          String(y.year),
          y.rollCalls ? int(y.rollCalls) : none,
          pc(y.agreement),
          pc(y.agreementYesNo),
          f3(y.kappa),
          y.resolutions.rollCalls ? int(y.resolutions.rollCalls) : none,
          pc(y.resolutions.agreement),
          y.source ? t('al.source', { source: y.source }) : '',
        ]),
      ),
    );
  }
  if (r.notes.length) {
    lines.push('');
    for (const n of r.notes) lines.push(pw.t('note', { note: note(n) }));
  }
  return lines.join('\n');
}

const sign = (x: number) => (x >= 0 ? '+' : '');

/** The bootstrap interval, the null model and the plain verdict on the camps. */
export function uncertaintyLines(u: CampUncertainty, indent: string, c: AnalysisText): string[] {
  const { t } = c;
  const { fx, int, pct0 } = numbers(c);
  const unstable = u.sameCamp.filter((p) => p.share > 0.05 && p.share < 0.95);
  return [
    `${indent}${t('al.bootstrap', {
      count: u.resamples,
      n: int(u.resamples),
      seed: String(u.seed),
      q: fx(u.observed, 3),
      lo: fx(u.bootstrap.lo, 3),
      hi: fx(u.bootstrap.hi, 3),
    })}`,
    `${indent}${t('al.null', {
      count: u.permutations,
      n: int(u.permutations),
      mean: fx(u.null.mean, 3),
      hi: fx(u.null.hi, 3),
      p: c.locale === 'en' ? u.null.p.toFixed(3) : c.fmt.fixed(u.null.p, 3),
    })}`,
    `${indent}${u.strongerThanChance ? t('al.stronger') : t('al.notStronger')}`,
    ...(unstable.length
      ? [
          `${indent}${t('al.unstable', {
            pairs: unstable
              .sort((a, b) => a.share - b.share)
              .slice(0, 8)
              .map((p) => t('al.pairShare0', { a: p.a, b: p.b, value: pct0(p.share) }))
              .join(t('al.listSep')),
            more: unstable.length > 8 ? 'yes' : 'no',
            count: unstable.length,
          })}`,
        ]
      : [`${indent}${t('al.stable')}`]),
  ];
}

export function formatPositions(sc: ScenarioPositions, r: PositionsAlignment, c: AnalysisText): string {
  const { t } = c;
  const pw = { t: translator(cliPower, c.locale) };
  const { fx, f3 } = numbers(c);
  const lines: string[] = [];
  lines.push(
    t('al.scenario', {
      id: sc.id ?? '',
      title: sc.title ? ` — ${sc.title}` : '',
      actors: r.actors.length,
      issues: r.issues.length,
    }),
  );
  const pairKey = (k: 'agreement' | 'kappa' | 's') => {
    const idx = new Map(r.actors.map((a, i) => [a, i]));
    const m = r.actors.map(() => r.actors.map(() => null as number | null));
    for (const p of r.pairs) {
      m[idx.get(p.a)!]![idx.get(p.b)!] = p[k];
      m[idx.get(p.b)!]![idx.get(p.a)!] = p[k];
    }
    return m;
  };
  const [sM, kappaM, agreementM] = (['s', 'kappa', 'agreement'] as const).map(pairKey);
  lines.push('', t('al.pos.s'));
  lines.push(matrixText(r.actors, sM!, false, c));
  lines.push('', t('al.pos.kappa'));
  lines.push(matrixText(r.actors, kappaM!, false, c));
  lines.push('', t('al.pos.identical'));
  lines.push(matrixText(r.actors, agreementM!, true, c));
  lines.push(
    '',
    t('al.pos.camps', {
      seed: String(r.camps.seed),
      resolution: c.locale === 'en' ? String(r.camps.resolution) : c.fmt.number(r.camps.resolution, 4),
    }),
  );
  r.camps.camps.forEach((camp, i) => {
    lines.push(`  ${i + 1}. ${camp.join(', ')}`);
  });
  lines.push(`  ${t('al.pos.modularity', { q: fx(r.camps.modularity, 4) })}`);
  lines.push('', t('al.pos.cohesion'));
  lines.push(
    table(
      [t('al.col.issue'), t('al.col.actors'), t('al.col.cohesion')],
      [
        ...r.cohesion.map((x) => [x.issue, String(x.actors), f3(x.cohesion)]),
        [t('al.mean'), '', f3(r.overallCohesion)],
      ],
    ),
  );
  for (const n of sc.notes) lines.push(pw.t('note', { note: alignmentNoteIn(n, c.locale) ?? n }));
  return lines.join('\n');
}
