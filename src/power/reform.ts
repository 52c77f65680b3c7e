/**
 * The reform explorer: for an organization, a documented family of decision rules is evaluated at
 * every membership stage (and a hypothetical one), the rules that satisfy the user's constraints
 * are kept, and they are ranked by a stated criterion. Pure: the organization, the data set and
 * the options come in; nothing is read or printed here.
 *
 * The family (docs/reform.md), every rule written in the rule language (src/rules):
 *  - consensus; consensus minus one, minus two (at most 1 or 2 members outside the coalition);
 *  - q of n: more than 1/2, at least 3/5, 2/3, 3/4, 4/5 of the members;
 *  - double majorities: (more than 1/2 | at least 55% | at least 2/3 of the members) and (more
 *    than 1/2 | at least 65% | at least 3/4 of the population, or of GDP);
 * each of these also
 *  - with opt-outs: a member that does not join may opt out (the decision does not bind it)
 *    instead of blocking, unless those opting out are at least a third of the members comprising
 *    at least a third of the population — the bar of constructive abstention, TEU art. 31(1); the
 *    SCO Charter, art. 16, already lets members stay out of cooperation projects. So the rule
 *    becomes: R, or more than 2/3 of the members, or more than 2/3 of the population;
 *  - with bloc vetoes, for every bloc given, in two forms: each member of the bloc keeps a veto
 *    (the rule and every bloc member present at the stage: `{ among: […], atLeastShare: 1 }`), or
 *    the bloc as a whole keeps one (the rule and more than half of the bloc's members present:
 *    `{ among: […], moreThanShare: 1/2 }`).
 * Rules with the same figures at every stage are listed once, the others named as equivalent.
 *
 * Constraints are checked at the stage in force on `at` (default: the latest) and at the
 * hypothetical stage, if one is given; the figures of the earlier stages are shown beside them.
 *  - `passage>=X`, `passage<=X` (X a share in [0, 1] or a percentage, `5%`);
 *  - `veto:A,B,…` each named member keeps a veto (is in every winning coalition);
 *  - `bloc-veto:A,B,…` the named members together keep a veto: every winning coalition includes at
 *    least one of them (when they all stay out, nothing passes);
 *  - `maxshare:banzhaf<=X` (or `shapley-shubik`) no member's share of power is above X;
 *  - `cannot-pass-alone:A,B,…` the named members on their own (without any other) do not win.
 * Adding a constraint can only remove rules (a property test checks it).
 *
 * Figures come from the exact power code (./power.ts, which chooses enumeration, the generating
 * functions of ./gf.ts or a decision diagram per rule); the coalition tests from the reference
 * predicate of the compiled rule.
 */
import type { Dataset } from '../data/dataset.js';
import { ConcordError, type ErrorValues } from '../errors.js';
import { localizedShortName } from '../org/names.js';
import { decisionStages } from '../org/organization.js';
import { organizationPlayers } from '../org/players.js';
import type { Organization } from '../org/schema.js';
import { compile, type NumericRule, numericRule, winsExactly } from '../rules/compile.js';
import type { Player } from '../rules/evaluate.js';
import { describeRule } from '../rules/evaluate.js';
import type { Rule } from '../rules/schema.js';
import type { IsoDate } from '../util/dates.js';
import { winningTable } from './enumerate.js';
import { computePower } from './power.js';

/** At most this many blocs (each adds 52 rules) and constraints (conflicts are searched by subsets). */
export const MAX_BLOCS = 4;
export const MAX_CONSTRAINTS = 12;

import { DEFAULT_REFORM_RANK, REFORM_RANKS, type ReformRank } from './reform-ranks.js';

export { DEFAULT_REFORM_RANK, REFORM_RANKS, type ReformRank };

export const REFORM_RANK_HELP: Record<ReformRank, string> = {
  passage: 'passage probability at the stage on --at, highest first',
  'worst-passage': 'the lowest passage probability over the checked stages, highest first',
  equality: 'Gini coefficient of the Banzhaf shares at the stage on --at, most equal first',
  maxshare: 'the largest Banzhaf share at the stage on --at, smallest first',
};

export const SHARE_INDICES = ['banzhaf', 'shapley-shubik'] as const;
export type ShareIndex = (typeof SHARE_INDICES)[number];

export type ReformConstraint =
  | { readonly kind: 'passage'; readonly op: '>=' | '<='; readonly value: number; readonly text: string }
  | { readonly kind: 'veto'; readonly members: readonly string[]; readonly text: string }
  | { readonly kind: 'bloc-veto'; readonly members: readonly string[]; readonly text: string }
  | {
      readonly kind: 'maxshare';
      readonly index: ShareIndex;
      readonly value: number;
      readonly text: string;
    }
  | { readonly kind: 'cannot-pass-alone'; readonly members: readonly string[]; readonly text: string };

export const CONSTRAINT_HELP =
  'passage>=X | passage<=X (X a share or a percentage, 0.05 or 5%), veto:A,B (each keeps a veto), bloc-veto:A,B (together they can block), maxshare:banzhaf<=X (or shapley-shubik), cannot-pass-alone:A,B';

/** Throws E_USAGE `path: message`; `key` names a `power.reform.` message ({path}: …) and its hint. */
function bad(
  path: string,
  message: string,
  key: string,
  values: ErrorValues = {},
  hint = `Write a constraint as one of: ${CONSTRAINT_HELP}.`,
): never {
  throw new ConcordError('E_USAGE', `${path}: ${message}`, {
    path,
    hint,
    key,
    values: { path, help: CONSTRAINT_HELP, ...values },
  });
}

function share(s: string, path: string): number {
  const t = s.trim();
  const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(t);
  if (!m)
    bad(
      path,
      `"${s}" is not a share`,
      'power.reform.notAShare',
      { value: s },
      'Give a number in [0, 1] (0.05) or a percentage (5%).',
    );
  const v = Number(m[1]) / (m[2] ? 100 : 1);
  if (!(v >= 0 && v <= 1))
    bad(
      path,
      `${s} is outside [0, 1]`,
      'power.reform.shareOutside',
      { value: s },
      'Give a share between 0 and 1, or 0% to 100%.',
    );
  return v;
}

function codes(s: string, path: string): string[] {
  const list = s
    .split(',')
    .map((x) => x.trim().toUpperCase())
    .filter(Boolean);
  if (!list.length)
    bad(
      path,
      'no member named',
      'power.reform.noMember',
      {},
      'Name members by their ISO 3166 alpha-3 codes, e.g. veto:KAZ,KGZ.',
    );
  if (new Set(list).size !== list.length)
    bad(path, 'a member is named twice', 'power.reform.memberTwice', {}, 'Name each member once.');
  return list;
}

/** Reads one constraint; errors name `path` (e.g. `--constraint[1]`). */
export function parseConstraint(text: string, path: string): ReformConstraint {
  const t = text.trim();
  let m = /^passage\s*(>=|<=)\s*(.+)$/i.exec(t);
  if (m) return { kind: 'passage', op: m[1] as '>=' | '<=', value: share(m[2]!, path), text: t };
  m = /^(veto|bloc-veto|cannot-pass-alone):(.*)$/i.exec(t);
  if (m) {
    const kind = m[1]!.toLowerCase() as 'veto' | 'bloc-veto' | 'cannot-pass-alone';
    return { kind, members: codes(m[2]!, path), text: t };
  }
  m = /^maxshare:([a-z-]+)\s*<=\s*(.+)$/i.exec(t);
  if (m) {
    const index = m[1]!.toLowerCase();
    if (!(SHARE_INDICES as readonly string[]).includes(index))
      bad(
        path,
        `"${m[1]}" is not an index for maxshare`,
        'power.reform.notAShareIndex',
        { index: m[1]!, indices: SHARE_INDICES.join(', ') },
        `Use one of: ${SHARE_INDICES.join(', ')}.`,
      );
    return { kind: 'maxshare', index: index as ShareIndex, value: share(m[2]!, path), text: t };
  }
  return bad(path, `"${text}" is not a constraint`, 'power.reform.notAConstraint', { text });
}

/** `vetoes`: every member of the bloc must join; `consent`: more than half of them. */
export const BLOC_FORMS = ['vetoes', 'consent'] as const;
export type BlocForm = (typeof BLOC_FORMS)[number];

/** A rule of the family, before it is written for a stage's members. */
export interface FamilyRule {
  readonly id: string;
  readonly label: string;
  readonly base: string;
  readonly shape: BaseShape;
  readonly optOut: boolean;
  readonly bloc: readonly string[] | null;
  readonly blocForm: BlocForm | null;
  /** The rule at a stage with these members (a bloc is cut to its members present). */
  readonly ruleFor: (members: readonly string[]) => Rule;
}

const OPT_OUT_BAR: Rule[] = [
  { count: { moreThanShare: '2/3' } },
  { sum: 'population', moreThanShare: '2/3' },
];

/** What a base rule is, for labels in other languages: shares as written (`>1/2`, `≥3/5`). */
export type BaseShape =
  | { readonly kind: 'consensus' }
  | { readonly kind: 'minus'; readonly k: number }
  | { readonly kind: 'members'; readonly share: string }
  | {
      readonly kind: 'double';
      readonly members: string;
      readonly field: 'population' | 'gdp';
      readonly weight: string;
    };

interface Base {
  readonly id: string;
  readonly label: string;
  readonly rule: Rule;
  readonly shape: BaseShape;
}

function bases(): Base[] {
  const out: Base[] = [
    { id: 'consensus', label: 'consensus', rule: 'consensus', shape: { kind: 'consensus' } },
    {
      id: 'consensus-1',
      label: 'consensus minus one',
      rule: { count: { atMostAgainst: 1 } },
      shape: { kind: 'minus', k: 1 },
    },
    {
      id: 'consensus-2',
      label: 'consensus minus two',
      rule: { count: { atMostAgainst: 2 } },
      shape: { kind: 'minus', k: 2 },
    },
  ];
  const members: Array<[string, string, Rule]> = [
    ['>1/2', 'more than 1/2', { count: { moreThanShare: '1/2' } }],
    ['>=3/5', '3/5', { count: { atLeastShare: '3/5' } }],
    ['>=2/3', '2/3', { count: { atLeastShare: '2/3' } }],
    ['>=3/4', '3/4', { count: { atLeastShare: '3/4' } }],
    ['>=4/5', '4/5', { count: { atLeastShare: '4/5' } }],
  ];
  for (const [id, label, rule] of members)
    out.push({
      id: `members${id}`,
      label: `${label} of members`,
      rule,
      shape: { kind: 'members', share: id.replace('>=', '≥') },
    });
  const dmMembers: Array<[string, string, Rule]> = [
    ['>1/2', '>1/2', { count: { moreThanShare: '1/2' } }],
    ['>=55%', '≥55%', { count: { atLeastShare: '55/100' } }],
    ['>=2/3', '≥2/3', { count: { atLeastShare: '2/3' } }],
  ];
  for (const field of ['population', 'gdp'] as const) {
    const weight: Array<[string, string, Rule]> = [
      ['>1/2', '>1/2', { sum: field, moreThanShare: '1/2' }],
      ['>=65%', '≥65%', { sum: field, atLeastShare: '65/100' }],
      ['>=3/4', '≥3/4', { sum: field, atLeastShare: '3/4' }],
    ];
    for (const [mi, ml, mr] of dmMembers)
      for (const [wi, wl, wr] of weight)
        out.push({
          id: `members${mi}+${field}${wi}`,
          label: `${ml} of members and ${wl} of ${field === 'gdp' ? 'GDP' : field}`,
          rule: { all: [mr, wr] },
          shape: { kind: 'double', members: ml, field, weight: wl },
        });
  }
  return out;
}

/** The family for these blocs (each a list of member codes). */
export function reformFamily(blocs: ReadonlyArray<readonly string[]>): FamilyRule[] {
  const out: FamilyRule[] = [];
  for (const b of bases()) {
    for (const optOut of [false, true]) {
      const variants: Array<{ bloc: readonly string[]; form: BlocForm } | null> = [
        null,
        ...blocs.flatMap((bloc) => BLOC_FORMS.map((form) => ({ bloc, form }))),
      ];
      for (const v of variants) {
        const id = `${b.id}${optOut ? '+opt-out' : ''}${v ? `+${v.form}:${v.bloc.join(',')}` : ''}`;
        const label = `${b.label}${optOut ? ', with opt-outs' : ''}${
          v
            ? v.form === 'vetoes'
              ? `, each of ${v.bloc.join(', ')} keeping a veto`
              : `, with the consent of most of ${v.bloc.join(', ')}`
            : ''
        }`;
        out.push({
          id,
          label,
          base: b.id,
          shape: b.shape,
          optOut,
          bloc: v?.bloc ?? null,
          blocForm: v?.form ?? null,
          ruleFor: (members) => {
            let r: Rule = b.rule;
            if (optOut) r = { any: [r, ...OPT_OUT_BAR] };
            const present = v?.bloc.filter((x) => members.includes(x)) ?? [];
            if (present.length)
              r = {
                all: [
                  r,
                  v!.form === 'vetoes'
                    ? { among: present, atLeastShare: 1 }
                    : { among: present, moreThanShare: '1/2' },
                ],
              };
            return r;
          },
        });
      }
    }
  }
  return out;
}

export interface ReformStage {
  readonly from: IsoDate;
  readonly hypothetical: boolean;
  /** Constraints are checked at this stage. */
  readonly checked: boolean;
  readonly members: string[];
  readonly joined: string[];
  readonly dataYears: Record<string, number>;
}

export interface ReformPlayerFigures {
  readonly id: string;
  readonly banzhaf: number;
  readonly shapleyShubik: number | null;
  /** Coleman's power to prevent. */
  readonly blockingPower: number | null;
  readonly veto: boolean;
}

export interface ReformFigures {
  readonly from: IsoDate;
  /** Null when the rule cannot be written at the stage (a field the data lack). */
  readonly passageProbability: number | null;
  readonly passageProbabilityFraction: string | null;
  readonly maxShare: { id: string; banzhaf: number } | null;
  /** Gini coefficient of the Banzhaf shares (0: equal power). */
  readonly gini: number | null;
  readonly vetoes: string[];
  readonly players: ReformPlayerFigures[];
  readonly note: string | null;
}

export interface ReformRuleResult {
  readonly rank: number;
  readonly id: string;
  readonly label: string;
  /** The rule as written at the stage on `at`. */
  readonly rule: Rule;
  readonly description: string;
  /** The rule's make-up (for labels in other languages). */
  readonly parts: {
    readonly base: BaseShape;
    readonly optOut: boolean;
    readonly bloc: string[] | null;
    readonly blocForm: BlocForm | null;
  };
  readonly criterion: number;
  /** Rules of the family with the same figures at every stage. */
  readonly equivalent: string[];
  readonly stages: ReformFigures[];
}

export interface ReformConflict {
  /** Indices into the constraints. */
  readonly constraints: number[];
  readonly texts: string[];
}

export interface ReformResult {
  readonly organization: { id: string; name: string; shortName: string };
  readonly at: IsoDate;
  readonly rankBy: ReformRank;
  readonly rankHelp: string;
  readonly constraints: ReadonlyArray<ReformConstraint & { satisfiedBy: number }>;
  readonly blocs: string[][];
  readonly family: { rules: number; distinct: number; description: string };
  readonly stages: ReformStage[];
  readonly rules: ReformRuleResult[];
  /** When no rule satisfies every constraint: the smallest sets of constraints that no rule meets. */
  readonly conflicts: ReformConflict[];
}

export interface ReformOptions {
  readonly constraints: readonly ReformConstraint[];
  readonly at?: IsoDate;
  readonly add?: readonly string[];
  readonly rank?: ReformRank;
  /** Blocs for the family's bloc-consent variants (default: the lists of the veto constraints). */
  readonly blocs?: ReadonlyArray<readonly string[]>;
  /** How constraints are named in errors: `--constraint` (CLI) or `body.constraints` (API). */
  readonly path?: string;
  /** How the blocs and the date are named in errors (default `--unions`, `--at`). */
  readonly unionsPath?: string;
  readonly atPath?: string;
}

export const FAMILY_DESCRIPTION =
  'consensus; consensus minus one or two; q of n (more than 1/2, 3/5, 2/3, 3/4, 4/5 of members); double majorities of members (>1/2, ≥55%, ≥2/3) and population or GDP (>1/2, ≥65%, ≥3/4); each with or without opt-outs (the bar of TEU art. 31(1): those opting out must be fewer than 1/3 of members or hold less than 1/3 of the population) and with or without bloc vetoes for each bloc (every member of the bloc must join, or more than half of them)';

function gini(xs: readonly number[]): number {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  if (!(mean > 0)) return 0;
  let s = 0;
  for (const a of xs) for (const b of xs) s += Math.abs(a - b);
  return s / (2 * n * n * mean);
}

interface Evaluated {
  readonly fig: ReformFigures;
  /** Winning test on member codes (null when the rule cannot be written). */
  readonly wins: ((ids: readonly string[]) => boolean) | null;
}

function evaluate(players: readonly Player[], rule: Rule, from: IsoDate): Evaluated {
  const ids = players.map((p) => p.id);
  let compiled: ReturnType<typeof compile>;
  try {
    compiled = compile(rule, players);
  } catch (e) {
    if (!(e instanceof ConcordError)) throw e;
    const note = e.message.includes('no coalition can win')
      ? 'no coalition can win'
      : /unknown field "([^"]+)"/.test(e.message)
        ? `no ${/unknown field "([^"]+)"/.exec(e.message)![1]} data for every member`
        : e.message;
    return {
      fig: {
        from,
        passageProbability: null,
        passageProbabilityFraction: null,
        maxShare: null,
        gini: null,
        vetoes: [],
        players: [],
        note,
      },
      wins: null,
    };
  }
  const numeric = ids.length <= FAST_MAX_PLAYERS ? numericRule(compiled) : null;
  if (numeric) return fastEvaluate(ids, numeric, from);
  const p = computePower(
    { name: describeRule(rule), players: [...players], rule, source: [], notes: [], literature: [] },
    { basicOnly: true },
  );
  const figures = p.players.map((x) => ({
    id: x.id,
    // (every swing index asked for: Banzhaf is counted)
    banzhaf: x.banzhaf!,
    shapleyShubik: x.shapleyShubik,
    blockingPower: x.colemanPrevent,
    veto: x.veto,
  }));
  let top = figures[0]!;
  for (const f of figures) if (f.banzhaf > top.banzhaf) top = f;
  const wins = (members: readonly string[]) => {
    const set = new Set(members);
    return winsExactly(
      compiled,
      ids.map((id) => set.has(id)),
    );
  };
  return {
    fig: {
      from,
      passageProbability: p.passageProbability,
      passageProbabilityFraction: p.passageProbabilityFraction,
      maxShare: { id: top.id, banzhaf: top.banzhaf },
      gini: gini(figures.map((f) => f.banzhaf)),
      vetoes: figures.filter((f) => f.veto).map((f) => f.id),
      players: figures,
      note: null,
    },
    wins,
  };
}

/** Up to this many members a stage is counted from its table of winning coalitions. */
const FAST_MAX_PLAYERS = 20;

function gcdNum(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/**
 * The figures from the table of the 2^n winning coalitions (./enumerate.ts): swings, vetoes and
 * Shapley–Shubik by size, all counts exact in doubles for n ≤ 20 (the tests compare them with
 * the reference predicate).
 */
function fastEvaluate(ids: readonly string[], r: NumericRule, from: IsoDate): Evaluated {
  const n = ids.length;
  const win = winningTable(r);
  const size = 2 ** n;
  let winning = 0;
  for (let m = 0; m < size; m++) winning += win[m]!;
  // Shapley–Shubik weight of a swing into a coalition of s members (s − 1 others): (s−1)!(n−s)!/n!
  const ssWeight = new Float64Array(n + 1);
  for (let k = 1; k <= n; k++) {
    let w = 1 / n;
    // 1 / (n · C(n−1, k−1))
    let c = 1;
    for (let j = 1; j <= k - 1; j++) c = (c * (n - k + j)) / j;
    w /= c;
    ssWeight[k] = w;
  }
  const swings = new Float64Array(n);
  const ss = new Float64Array(n);
  const pop = new Uint8Array(size);
  for (let m = 1; m < size; m++) pop[m] = pop[m >> 1]! + (m & 1);
  for (let m = 1; m < size; m++) {
    if (!win[m]) continue;
    for (let i = 0; i < n; i++) {
      const bit = 1 << i;
      if (m & bit && !win[m ^ bit]) {
        swings[i]! += 1;
        ss[i]! += ssWeight[pop[m]!]!;
      }
    }
  }
  const totalSwings = swings.reduce((a, b) => a + b, 0);
  const full = size - 1;
  const figures = ids.map((id, i) => ({
    id,
    banzhaf: totalSwings > 0 ? swings[i]! / totalSwings : 0,
    shapleyShubik: winning > 0 ? ss[i]! : 0,
    blockingPower: winning > 0 ? swings[i]! / winning : null,
    veto: win[full] === 1 && win[full ^ (1 << i)] === 0,
  }));
  let top = figures[0]!;
  for (const f of figures) if (f.banzhaf > top.banzhaf) top = f;
  const g = gcdNum(winning, size) || 1;
  const index = new Map(ids.map((id, i) => [id, i]));
  return {
    fig: {
      from,
      passageProbability: winning / size,
      passageProbabilityFraction: winning === 0 ? '0' : `${winning / g}/${size / g}`,
      maxShare: { id: top.id, banzhaf: top.banzhaf },
      gini: gini(figures.map((f) => f.banzhaf)),
      vetoes: figures.filter((f) => f.veto).map((f) => f.id),
      players: figures,
      note: null,
    },
    wins: (members) => {
      let m = 0;
      for (const id of members) {
        const i = index.get(id);
        if (i !== undefined) m |= 1 << i;
      }
      return win[m] === 1;
    },
  };
}

/** Does the rule, evaluated at one stage, meet the constraint there? */
function meets(c: ReformConstraint, e: Evaluated, members: readonly string[]): boolean {
  const f = e.fig;
  if (f.passageProbability === null || !e.wins) return false;
  switch (c.kind) {
    case 'passage':
      return c.op === '>=' ? f.passageProbability >= c.value : f.passageProbability <= c.value;
    case 'veto':
      return c.members.every((m) => f.vetoes.includes(m));
    case 'bloc-veto':
      return !e.wins(members.filter((m) => !c.members.includes(m)));
    case 'cannot-pass-alone':
      return !e.wins(c.members);
    case 'maxshare':
      return f.players.every((p) => {
        const v = c.index === 'banzhaf' ? p.banzhaf : p.shapleyShubik;
        return v !== null && v <= c.value + 1e-12;
      });
  }
}

export function reform(org: Organization, ds: Dataset, opts: ReformOptions): ReformResult {
  const path = opts.path ?? '--constraint';
  if (opts.constraints.length > MAX_CONSTRAINTS)
    throw new ConcordError(
      'E_LIMIT',
      `${path}: at most ${MAX_CONSTRAINTS} constraints (got ${opts.constraints.length})`,
      {
        path,
        hint: 'State the constraints that matter; each one can only remove rules.',
        key: 'power.reform.tooManyConstraints',
        values: { path, max: String(MAX_CONSTRAINTS), got: String(opts.constraints.length) },
      },
    );
  const unionsPath = opts.unionsPath ?? '--unions';
  const atPath = opts.atPath ?? '--at';
  const rankBy = opts.rank ?? DEFAULT_REFORM_RANK;
  const real = decisionStages(org).filter((s) => s.members.length > 0);
  if (!real.length)
    throw new ConcordError('E_NO_DATA', `${org.shortName} has no membership stage`, {
      path: 'org',
      hint: 'Give an organization with members.',
      key: 'power.reform.noStage',
      values: { org: localizedShortName(org) },
    });
  const last = real[real.length - 1]!;
  const at = opts.at ?? last.from;
  let current = -1;
  real.forEach((s, i) => {
    if (s.from <= at) current = i;
  });
  if (current < 0)
    throw new ConcordError(
      'E_BEFORE_FOUNDING',
      `${atPath}: ${at} is before ${org.shortName}'s first stage (${real[0]!.from})`,
      {
        path: '--at',
        hint: `Give a date on or after ${real[0]!.from}.`,
        key: 'power.reform.beforeFirstStage',
        values: { path: atPath, at, org: localizedShortName(org), first: real[0]!.from },
      },
    );
  const plans = real.map((s, i) => ({
    from: s.from,
    add: [] as readonly string[],
    hypothetical: false,
    checked: i === current,
    joined: i > 0 ? s.joined : [],
  }));
  if (opts.add?.length)
    plans.push({
      from: at > last.from ? at : last.from,
      add: opts.add,
      hypothetical: true,
      checked: true,
      joined: [],
    });
  const stageData = plans.map((p) => {
    const op = organizationPlayers(org, ds, p.from, p.add);
    const members = [...op.members, ...op.added];
    return { plan: p, op, members };
  });
  // Named members must be members at every checked stage.
  opts.constraints.forEach((c, i) => {
    if (!('members' in c)) return;
    for (const s of stageData) {
      if (!s.plan.checked) continue;
      const missing = c.members.filter((m) => !s.members.includes(m));
      if (missing.length)
        throw new ConcordError(
          'E_VALIDATION',
          `${path}[${i}]: ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not ${missing.length > 1 ? 'members' : 'a member'} of ${org.shortName} at the ${s.plan.hypothetical ? 'hypothetical stage' : `stage of ${s.plan.from}`}`,
          {
            path: `${path}[${i}]`,
            hint: `Members then: ${s.members.join(', ')}. Name members, or choose another --at.`,
            key: 'power.reform.notMembersAtStage',
            values: {
              path: `${path}[${i}]`,
              states: missing.join(', '),
              count: missing.length,
              org: localizedShortName(org),
              hypothetical: s.plan.hypothetical ? 'yes' : 'no',
              from: s.plan.from,
              members: s.members.join(', '),
            },
          },
        );
    }
  });
  const blocs = (
    opts.blocs ??
    opts.constraints.flatMap((c) =>
      (c.kind === 'veto' || c.kind === 'bloc-veto') && c.members.length > 1 ? [c.members] : [],
    )
  ).filter((b, i, all) => all.findIndex((x) => x.length === b.length && x.every((y, k) => y === b[k])) === i);
  const everyone = new Set(stageData.flatMap((s) => s.members));
  blocs.forEach((b, k) => {
    const unknown = b.filter((m) => !everyone.has(m));
    if (unknown.length && opts.blocs)
      throw new ConcordError(
        'E_USAGE',
        `${unionsPath}[${k}]: ${unknown.join(', ')} ${unknown.length > 1 ? 'are' : 'is'} a member of ${org.shortName} at no stage`,
        {
          path: `${unionsPath}[${k}]`,
          hint: `Name members of some stage: ${[...everyone].join(', ')}.`,
          key: 'power.reform.noStageMember',
          values: {
            path: `${unionsPath}[${k}]`,
            states: unknown.join(', '),
            count: unknown.length,
            org: localizedShortName(org),
            members: [...everyone].join(', '),
          },
        },
      );
    const seen = blocs.slice(0, k).find((x) => x.some((m) => b.includes(m)));
    if (seen && opts.blocs)
      throw new ConcordError(
        'E_USAGE',
        `${unionsPath}[${k}]: blocs must not overlap (${b.join(',')} and ${seen.join(',')})`,
        {
          path: `${unionsPath}[${k}]`,
          hint: 'Put every member in at most one bloc.',
          key: 'power.reform.blocsOverlap',
          values: { path: `${unionsPath}[${k}]`, bloc: b.join(','), other: seen.join(',') },
        },
      );
  });
  if (blocs.length > MAX_BLOCS)
    throw new ConcordError('E_LIMIT', `${unionsPath}: at most ${MAX_BLOCS} blocs (got ${blocs.length})`, {
      path: unionsPath,
      hint: 'Each bloc adds 52 rules to the family; name the blocs that matter.',
      key: 'power.reform.tooManyBlocs',
      values: { path: unionsPath, max: String(MAX_BLOCS), got: String(blocs.length) },
    });
  const family = reformFamily(blocs);

  // Evaluate every rule at every stage, and the constraints at the checked stages.
  const evaluated = family.map((fr) => {
    const perStage = stageData.map((s) => {
      const e = evaluate(s.op.players, fr.ruleFor(s.members), s.plan.from);
      return { e, s };
    });
    const sat = opts.constraints.map((c) =>
      perStage.every(({ e, s }) => !s.plan.checked || meets(c, e, s.members)),
    );
    return { fr, perStage, sat };
  });

  // One entry per distinct set of figures.
  const signature = (x: (typeof evaluated)[number]) =>
    x.perStage
      .map(({ e }) =>
        e.fig.passageProbability === null
          ? 'x'
          : `${e.fig.passageProbabilityFraction ?? e.fig.passageProbability}|${e.fig.players.map((p) => `${p.banzhaf.toPrecision(12)}:${p.veto ? 1 : 0}`).join(',')}`,
      )
      .join(';');
  const groups = new Map<string, typeof evaluated>();
  for (const x of evaluated) {
    const k = signature(x);
    const g = groups.get(k);
    if (g) g.push(x);
    else groups.set(k, [x]);
  }
  const distinct = [...groups.values()];

  const atIndex = stageData.findIndex((s) => s.plan.checked && !s.plan.hypothetical);
  const criterion = (x: (typeof evaluated)[number]): number => {
    const f = x.perStage[atIndex]!.e.fig;
    switch (rankBy) {
      case 'passage':
        return f.passageProbability ?? -1;
      case 'worst-passage':
        return Math.min(
          ...x.perStage.filter(({ s }) => s.plan.checked).map(({ e }) => e.fig.passageProbability ?? -1),
        );
      case 'equality':
        return f.gini ?? Number.POSITIVE_INFINITY;
      case 'maxshare':
        return f.maxShare?.banzhaf ?? Number.POSITIVE_INFINITY;
    }
  };
  const descending = rankBy === 'passage' || rankBy === 'worst-passage';
  const kept = distinct
    .filter((g) => g[0]!.sat.every(Boolean))
    .map((g) => ({ g, c: criterion(g[0]!) }))
    .sort((a, b) => {
      const d = descending ? b.c - a.c : a.c - b.c;
      if (d !== 0) return d;
      const pa = a.g[0]!.perStage[atIndex]!.e.fig.passageProbability ?? -1;
      const pb = b.g[0]!.perStage[atIndex]!.e.fig.passageProbability ?? -1;
      return pb - pa;
    });

  const conflicts = kept.length
    ? []
    : minimalConflicts(
        distinct.map((g) => g[0]!.sat),
        opts.constraints,
      );

  return {
    organization: { id: org.id, name: org.name, shortName: org.shortName },
    at: stageData[atIndex]!.plan.from,
    rankBy,
    rankHelp: REFORM_RANK_HELP[rankBy],
    constraints: opts.constraints.map((c, i) => ({
      ...c,
      satisfiedBy: distinct.filter((g) => g[0]!.sat[i]).length,
    })),
    blocs: blocs.map((b) => [...b]),
    family: { rules: family.length, distinct: distinct.length, description: FAMILY_DESCRIPTION },
    stages: stageData.map((s) => ({
      from: s.plan.from,
      hypothetical: s.plan.hypothetical,
      checked: s.plan.checked,
      members: s.members,
      joined: s.plan.hypothetical ? s.op.added : s.plan.joined,
      dataYears: s.op.years,
    })),
    rules: kept.map(({ g, c }, i) => {
      const head = g[0]!;
      const rule = head.perStage[atIndex]!.s.members;
      return {
        rank: i + 1,
        id: head.fr.id,
        label: head.fr.label,
        rule: head.fr.ruleFor(rule),
        description: describeRule(head.fr.ruleFor(rule)),
        parts: {
          base: head.fr.shape,
          optOut: head.fr.optOut,
          bloc: head.fr.bloc ? [...head.fr.bloc] : null,
          blocForm: head.fr.blocForm,
        },
        criterion: c,
        equivalent: g.slice(1).map((x) => x.fr.id),
        stages: head.perStage.map(({ e }) => e.fig),
      };
    }),
    conflicts,
  };
}

/** Throws when no rule satisfies the constraints, naming the smallest conflicting sets. */
export function assertFeasible(r: ReformResult, path = '--constraint'): void {
  if (r.rules.length) return;
  const setsWith = (withWord: string) =>
    r.conflicts.map((c) =>
      c.constraints
        .map((j) => `${path}[${j}] ${JSON.stringify(c.texts[c.constraints.indexOf(j)])}`)
        .join(withWord),
    );
  const sets = setsWith(' with ');
  const first = r.conflicts[0]?.constraints ?? [];
  throw new ConcordError(
    'E_VALIDATION',
    `${first.map((j) => `${path}[${j}]`).join(', ')}: no rule of the family (${r.family.distinct} distinct of ${r.family.rules}) satisfies ${
      first.length === 1 ? 'this constraint' : 'these constraints together'
    }: ${sets.join('; or ')}`,
    {
      path: first.length ? `${path}[${first[0]}]` : path,
      hint:
        first.length === 1
          ? 'Relax this constraint: no rule of the family meets it at the checked stages (docs/reform.md lists the family).'
          : 'Drop or relax one of the conflicting constraints; each of them alone can be met.',
      key: 'power.reform.infeasible',
      values: {
        where: first.map((j) => `${path}[${j}]`).join(', '),
        distinct: String(r.family.distinct),
        rules: String(r.family.rules),
        count: first.length,
        sets: {
          en: sets.join('; or '),
          ru: setsWith(' вместе с ').join('; или '),
          'zh-Hans': setsWith(' 与 ').join('；或 '),
        },
      },
    },
  );
}

/** Tidy CSV rows: a row per kept rule, stage and measure. */
export function reformRows(r: ReformResult): Array<Record<string, string | number | null>> {
  const rows: Array<Record<string, string | number | null>> = [];
  for (const x of r.rules)
    x.stages.forEach((f, i) => {
      const st = r.stages[i]!;
      const base = {
        organization: r.organization.id,
        rank: x.rank,
        rule: x.id,
        rule_label: x.label,
        stage_from: st.from,
        hypothetical: st.hypothetical ? 1 : 0,
        checked: st.checked ? 1 : 0,
        members: st.members.length,
      };
      rows.push({ ...base, member: null, measure: 'passage_probability', value: f.passageProbability });
      rows.push({ ...base, member: null, measure: 'gini_banzhaf', value: f.gini });
      for (const p of f.players) {
        rows.push({ ...base, member: p.id, measure: 'banzhaf', value: p.banzhaf });
        rows.push({ ...base, member: p.id, measure: 'blocking_power', value: p.blockingPower });
        rows.push({ ...base, member: p.id, measure: 'veto', value: p.veto ? 1 : 0 });
      }
    });
  return rows;
}

export const REFORM_CSV_COLUMNS = [
  'organization',
  'rank',
  'rule',
  'rule_label',
  'stage_from',
  'hypothetical',
  'checked',
  'members',
  'member',
  'measure',
  'value',
] as const;

/**
 * The smallest sets of constraints that no rule satisfies, each minimal (no proper subset is
 * unsatisfiable): by increasing size, over the rules' satisfaction vectors.
 */
export function minimalConflicts(
  sat: ReadonlyArray<readonly boolean[]>,
  constraints: readonly ReformConstraint[],
): ReformConflict[] {
  const m = constraints.length;
  if (m === 0) return [];
  const feasible = (set: number[]) => sat.some((row) => set.every((j) => row[j]));
  const found: number[][] = [];
  const limit = Math.min(m, 12);
  const rec = (start: number, size: number, cur: number[]) => {
    if (cur.length === size) {
      if (found.some((f) => f.every((j) => cur.includes(j)))) return;
      if (!feasible(cur)) found.push([...cur]);
      return;
    }
    for (let j = start; j < m; j++) {
      cur.push(j);
      rec(j + 1, size, cur);
      cur.pop();
    }
  };
  for (let size = 1; size <= limit && !found.length; size++) rec(0, size, []);
  return found.map((f) => ({ constraints: f, texts: f.map((j) => constraints[j]!.text) }));
}
