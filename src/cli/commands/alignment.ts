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
import { openOrganization } from '../../org/load.js';
import { stages } from '../../org/organization.js';
import { loadFile } from '../../scenario/load.js';
import { json, table } from '../../util/format.js';
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

const MEASURES: Record<string, { key: PairMeasure; title: string; percent: boolean }> = {
  agreement: {
    key: 'agreement',
    title: 'Agreement: share of identical votes, 0 counted as a vote (%)',
    percent: true,
  },
  'agreement-yn': {
    key: 'agreementYesNo',
    title: 'Agreement on the roll calls where both voted yes or no (%)',
    percent: true,
  },
  kappa: {
    key: 'kappa',
    title: "Cohen's κ, chance-corrected agreement, 0 as a third category (Häge 2011)",
    percent: false,
  },
  'kappa-yn': { key: 'kappaYesNo', title: "Cohen's κ on yes/no votes only", percent: false },
  s: { key: 's', title: 'Signorino–Ritter S (linear distance, no −1 / 0 / yes +1)', percent: false },
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

function number(v: string, flag: string, check: (x: number) => boolean, hint: string): number {
  const x = Number(v);
  if (!Number.isFinite(x) || !check(x))
    throw new ConcordError('E_USAGE', `${flag}: "${v}" is not valid`, { path: flag, hint });
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
    .option('--pair <a,b>', 'the pair followed year by year (default CHN,RUS)')
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
          });
      const seed = number(opts.seed, '--seed', valid(CampSeedSchema), 'Give an integer seed.');
      const resolution = number(
        opts.resolution,
        '--resolution',
        valid(ResolutionSchema),
        'Give a positive number, e.g. 1.',
      );
      if (opts.scenario) {
        if (fmt === 'csv')
          throw new ConcordError('E_UNSUPPORTED', '--format csv is for an organization, not --scenario', {
            path: '--format',
            hint: 'Use --json for the positions of a scenario.',
          });
        const loaded = loadFile(opts.scenario, io.cwd);
        const sc = scenarioPositions(loaded[0]!.scenario);
        const r = alignPositions(sc.matrix, { seed, resolution });
        io.out(
          opts.json
            ? json({ scenario: { id: sc.id, title: sc.title, file: opts.scenario }, ...r, notes: sc.notes })
            : formatPositions(sc, r),
        );
        return;
      }
      if (!orgId)
        throw new ConcordError('E_USAGE', 'alignment: give an organization id, or --scenario FILE', {
          hint: 'For example: concord alignment sco --from 2001 --to 2019',
        });
      if (!CampWeightsSchema.safeParse(opts.campWeights).success)
        throw new ConcordError('E_USAGE', `--camp-weights: "${opts.campWeights}" is not kappa or agreement`, {
          path: '--camp-weights',
          hint: 'Use --camp-weights kappa (default) or agreement.',
        });
      if (!RollCallScopeSchema.safeParse(opts.scope).success)
        throw new ConcordError('E_USAGE', `--scope: "${opts.scope}" is not all or resolutions`, {
          path: '--scope',
          hint: 'Use --scope all (default) or --scope resolutions (resolutions voted on as a whole).',
        });
      const bootstrap = number(
        opts.bootstrap,
        '--bootstrap',
        valid(BootstrapSchema),
        `Give a whole number of resamples from 0 to ${MAX_BOOTSTRAP}, e.g. ${CLI_DEFAULT_BOOTSTRAP}.`,
      );
      const pair = opts.pair
        ? (opts.pair.split(',').map((x) => x.trim().toUpperCase()) as [string, string])
        : undefined;
      if (pair && (pair.length !== 2 || pair[0] === pair[1]))
        throw new ConcordError('E_USAGE', `--pair: "${opts.pair}" is not two different ISO3 codes`, {
          path: '--pair',
          hint: 'Give two ISO3 codes separated by a comma, e.g. --pair CHN,RUS.',
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
              stageYears: number(
                opts.stageYears,
                '--stage-years',
                (x) => x > 0,
                'Give a number of years, e.g. 3.',
              ),
            }
          : {}),
      });
      if (fmt === 'csv') return io.out(alignmentCsv(r).replace(/\n$/, ''));
      io.out(fmt === 'json' ? json(r) : formatAlignment(r, measures, stages(org)));
    });
}

const f3 = (x: number | null | undefined) => (x == null ? '–' : x.toFixed(3));
const pc = (x: number | null | undefined) => (x == null ? '–' : (x * 100).toFixed(1));
const int = (x: number) => x.toLocaleString('en-US');
/** Fixed digits without a negative zero (a modularity of −1e−17 is 0). */
const fx = (x: number, d: number) => (Math.abs(x) < 0.5 * 10 ** -d ? 0 : x).toFixed(d);
const pm = (x: number | null | undefined, se: number | null | undefined) =>
  x == null ? '–' : `${x.toFixed(3)}${se == null ? '' : ` ± ${se.toFixed(3)}`}`;

/** Widest matrix printed as text (columns of 5–6 characters). */
const MAX_MATRIX = 24;

function matrixText(
  states: readonly string[],
  m: ReadonlyArray<ReadonlyArray<number | null>>,
  percent: boolean,
): string {
  return table(
    ['', ...states],
    states.map((s, i) => [
      s,
      ...states.map((_, j) => (i === j ? '·' : percent ? pc(m[i]![j]) : f3(m[i]![j]))),
    ]),
  );
}

export function formatAlignment(
  r: AlignmentResult,
  measures: readonly string[],
  orgStages: ReadonlyArray<{ from: string; joined: string[]; left: string[] }>,
): string {
  const w = r.window;
  const lines: string[] = [];
  const topic = w.topic ? `topic: ${w.topic.label} (${w.topic.code})` : 'all topics';
  lines.push(
    `${r.organization.name} (${r.organization.shortName}) in the UN General Assembly, ${windowLabel(w)}: ${int(w.rollCalls)} roll calls (${w.firstDate} – ${w.lastDate}), ${topic}${w.scope === 'resolutions' ? ', resolutions voted on as a whole only' : ''}`,
  );
  for (const s of r.data.sources)
    if (s.firstDate <= w.lastDate && s.lastDate >= w.firstDate)
      lines.push(`data: ${s.title}, ${s.firstDate} – ${s.lastDate}`);
  lines.push(`note: ${r.data.zero}; see docs/alignment.md`);
  const members = r.states.filter((s) => s.role === 'member');
  lines.push(
    '',
    `States (${members.length} member${members.length === 1 ? '' : 's'}${r.states.length > members.length ? `, ${r.states.length - members.length} other` : ''})`,
  );
  lines.push(
    table(
      ['iso3', 'state', 'role', 'membership in the window', 'roll calls'],
      r.states.map((s) => [
        s.iso3,
        s.name,
        s.role,
        s.memberships.map((m) => `${m.from} – ${m.to ?? ''}`).join('; ') || '',
        int(s.rollCalls),
      ]),
    ),
  );
  const codes = r.states.map((s) => s.iso3);
  if (codes.length > MAX_MATRIX)
    lines.push('', `${codes.length} states: the matrices are too wide to print; use --json for every pair`);
  else
    for (const m of measures) {
      const spec = MEASURES[m]!;
      lines.push('', spec.title);
      lines.push(matrixText(codes, pairMatrix(codes, r.pairs, spec.key), spec.percent));
    }
  const ranked = r.pairs.filter((p) => p.agreement !== null).sort((a, b) => b.agreement! - a.agreement!);
  if (ranked.length > 2) {
    const show = (ps: typeof ranked) => ps.map((p) => `${p.a}–${p.b} ${pc(p.agreement)}%`).join(', ');
    lines.push(
      '',
      `closest pairs: ${show(ranked.slice(0, 3))}; most distant: ${show(ranked.slice(-3).reverse())}`,
    );
  }

  const c = r.camps;
  lines.push(
    '',
    `Camps: Louvain communities of the agreement graph (${c.weights === 'kappa' ? 'weights κ, negative → 0' : 'weights: agreement'}; seed ${c.seed}, resolution ${c.resolution})`,
  );
  c.camps.forEach((camp, i) => {
    lines.push(`  ${i + 1}. ${camp.join(', ')}`);
  });
  lines.push(
    `  modularity of the camps Q = ${fx(c.modularity, 4)}${c.camps.length === 1 ? ' (one camp: no split raises the modularity)' : ''}`,
  );
  if (c.membersModularity !== null)
    lines.push(`  modularity of the partition members | others Q = ${fx(c.membersModularity, 4)}`);
  if (c.uncertainty) lines.push(...uncertaintyLines(c.uncertainty, '  '));

  lines.push(
    '',
    `Cohesion of the members per year (the members on each roll call's date; Agreement Index, Hix, Noury & Roland 2005; Rice index on yes/no; share of member pairs voting alike)`,
  );
  const marks = new Map<number, string[]>();
  for (const st of orgStages.slice(1)) {
    const y = Number(st.from.slice(0, 4));
    const label = `${st.joined.length ? `+${st.joined.join(', ')}` : ''}${st.left.length ? ` −${st.left.join(', ')}` : ''} (${st.from})`;
    marks.set(y, [...(marks.get(y) ?? []), label.trim()]);
  }
  lines.push(
    table(
      ['year', 'roll calls', 'members', 'AI', 'Rice', 'pairs alike', 'stage'],
      [
        ...r.cohesion.byYear.map((y) => [
          String(y.year),
          y.rollCalls ? int(y.rollCalls) : 'none',
          y.measured ? String(y.members) : '–',
          f3(y.agreementIndex),
          f3(y.rice),
          f3(y.pairAgreement),
          marks.has(y.year) ? `← ${marks.get(y.year)!.join('; ')}` : '',
        ]),
        [
          'all',
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
    lines.push(
      '',
      'Cohesion before and after each membership stage (Agreement Index: mean over roll calls ± standard error)',
    );
    for (const s of r.stages) {
      const change = [
        s.joined.length ? `+${s.joined.join(', ')}` : '',
        s.left.length ? `−${s.left.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join(' ');
      lines.push('', `${s.date} ${change}: ${s.membersBefore.length} → ${s.membersAfter.length} members`);
      if (!s.before && !s.after) {
        if (s.note) lines.push(s.note);
        continue;
      }
      const rows: string[][] = [];
      for (const [label, p] of [
        ['before', s.before],
        ['after', s.after],
      ] as const) {
        if (!p) {
          rows.push([label, 'no roll call in the window and the data', '', '', '', '', '']);
          continue;
        }
        rows.push([
          label,
          `${p.from} – ${p.to}`,
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
            'period',
            'roll calls',
            `old set (${s.membersBefore.length})`,
            `new set (${s.membersAfter.length})`,
            'camps of the new set',
            'Q',
          ],
          rows,
        ),
      );
      if (s.comparable)
        lines.push(
          `change, new set after − old set before: ${sign(s.change!)}${f3(s.change)}${s.changeSe != null ? ` ± ${s.changeSe.toFixed(3)} (roll calls taken as independent: a lower bound of the uncertainty)` : ''}`,
        );
      if (s.split)
        lines.push(
          `  of which composition (new set before − old set before) ${sign(s.split.composition)}${f3(s.split.composition)}, behaviour (new set after − new set before) ${sign(s.split.behaviour)}${f3(s.split.behaviour)}`,
        );
      for (const [label, p] of [
        ['before', s.before],
        ['after', s.after],
      ] as const)
        if (p?.newCampsUncertainty)
          lines.push(`camps of the new set ${label}:`, ...uncertaintyLines(p.newCampsUncertainty, '  '));
      if (s.note) lines.push(s.note);
    }
  }
  if (r.pairByYear) {
    const p = r.pairByYear;
    lines.push(
      '',
      `${p.a}–${p.b} agreement per year (share of identical votes, 0 or abstention counted as a vote; resolutions: those voted on as a whole only)`,
    );
    lines.push(
      table(
        ['year', 'roll calls', 'agreement', 'yes/no only', 'κ', 'resolutions', 'agreement', 'source'],
        p.years.map((y) => [
          String(y.year),
          y.rollCalls ? int(y.rollCalls) : 'none',
          pc(y.agreement),
          pc(y.agreementYesNo),
          f3(y.kappa),
          y.resolutions.rollCalls ? int(y.resolutions.rollCalls) : 'none',
          pc(y.resolutions.agreement),
          y.source === 'un'
            ? 'UN records'
            : y.source === 'voeten'
              ? 'Voeten'
              : y.source === 'both'
                ? 'both'
                : '',
        ]),
      ),
    );
  }
  if (r.notes.length) {
    lines.push('');
    for (const n of r.notes) lines.push(`note: ${n}`);
  }
  return lines.join('\n');
}

const sign = (x: number) => (x >= 0 ? '+' : '');

/** The bootstrap interval, the null model and the plain verdict on the camps. */
export function uncertaintyLines(u: CampUncertainty, indent: string): string[] {
  const unstable = u.sameCamp.filter((p) => p.share > 0.05 && p.share < 0.95);
  return [
    `${indent}bootstrap over roll calls (${int(u.resamples)} resamples, seed ${u.seed}): Q ${fx(u.observed, 3)}, 95% interval ${fx(u.bootstrap.lo, 3)} – ${fx(u.bootstrap.hi, 3)}`,
    `${indent}null model (votes permuted within each roll call, ${int(u.permutations)} permutations): Q by chance ${fx(u.null.mean, 3)} on average, 95th percentile ${fx(u.null.hi, 3)}; p = ${u.null.p.toFixed(3)}`,
    `${indent}${u.strongerThanChance ? 'the camps are stronger than chance' : 'the camps are NO stronger than chance: read them as noise'}`,
    ...(unstable.length
      ? [
          `${indent}pairs whose camp changes across resamples (share of resamples together): ${unstable
            .sort((a, b) => a.share - b.share)
            .slice(0, 8)
            .map((p) => `${p.a}–${p.b} ${(p.share * 100).toFixed(0)}%`)
            .join(', ')}${unstable.length > 8 ? `, … (${unstable.length} in all)` : ''}`,
        ]
      : [`${indent}every pair is in the same camp, or apart, in at least 95% of the resamples`]),
  ];
}

export function formatPositions(sc: ScenarioPositions, r: PositionsAlignment): string {
  const lines: string[] = [];
  lines.push(
    `Scenario ${sc.id ?? ''}${sc.title ? ` — ${sc.title}` : ''}: positions of ${r.actors.length} actors on ${r.issues.length} issue${r.issues.length === 1 ? '' : 's'} (each rescaled to 0–1 by its scale)`,
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
  lines.push('', 'Signorino–Ritter S (1 − 2 · mean distance)');
  lines.push(matrixText(r.actors, pairKey('s'), false));
  lines.push('', "Cohen's κ with the linear distance (Häge 2011)");
  lines.push(matrixText(r.actors, pairKey('kappa'), false));
  lines.push('', 'Identical positions (% of common issues)');
  lines.push(matrixText(r.actors, pairKey('agreement'), true));
  lines.push(
    '',
    `Camps: Louvain communities, weights (S + 1) / 2 (seed ${r.camps.seed}, resolution ${r.camps.resolution})`,
  );
  r.camps.camps.forEach((camp, i) => {
    lines.push(`  ${i + 1}. ${camp.join(', ')}`);
  });
  lines.push(`  modularity Q = ${fx(r.camps.modularity, 4)}`);
  lines.push(
    '',
    'Cohesion per issue (1 − mean pairwise distance / its maximum: 1 all agree, 0 split at both ends)',
  );
  lines.push(
    table(
      ['issue', 'actors', 'cohesion'],
      [
        ...r.cohesion.map((c) => [c.issue, String(c.actors), f3(c.cohesion)]),
        ['mean', '', f3(r.overallCohesion)],
      ],
    ),
  );
  for (const n of sc.notes) lines.push(`note: ${n}`);
  return lines.join('\n');
}
