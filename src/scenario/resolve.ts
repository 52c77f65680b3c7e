/**
 * Resolving a scenario file: actors default to the organization's members on `date`; capabilities
 * come from the data on that date (GDP, CINC, population) or are equal, with per-actor overrides;
 * the chair defaults to the chair on the date; the rule to the organization's rule. Every check a
 * schema cannot express is made here, with the path of the offending value. Pure: the registry and
 * the data set are passed in (Node loads them in ../org/load.ts and ../data/load.ts; a browser
 * passes the parsed files).
 *
 * Capability overrides are shares: `RUS: { capability: 0.3 }` gives Russia 30% and the actors
 * without an override share the remaining 70% in proportion to their data (or equally).
 */
import type { Dataset } from '../data/dataset.js';
import type { YearSeries } from '../data/series.js';
import { ConcordError, type ErrorValues } from '../errors.js';
import { localizedShortName } from '../org/names.js';
import { assertActive, chairOn, membersOn } from '../org/organization.js';
import type { OrganizationRegistry } from '../org/registry.js';
import type { Organization } from '../org/schema.js';
import { compileRule, describeRule, type Player, vetoPlayers } from '../rules/evaluate.js';
import type { Rule } from '../rules/schema.js';
import { yearOf } from '../util/dates.js';
import { DATA_YARDSTICKS, type Issue, type ObservedOutcome, type ScenarioFile } from './schema.js';
import type {
  ResolvedActor,
  ResolvedCoding,
  ResolvedIssue,
  ResolvedObserved,
  ResolvedPackage,
  ResolvedRule,
  ResolvedScenario,
} from './types.js';

export interface ResolveOptions {
  readonly registry?: OrganizationRegistry;
  readonly dataset?: Dataset;
  /** The file name, for messages. */
  readonly file?: string;
}

export function resolveScenario(s: ScenarioFile, opts: ResolveOptions = {}): ResolvedScenario {
  const file = opts.file ?? s.id;
  // key: a `scenario.` message ({file}: {path}: …) and its hint, worded with `values`.
  const fail: Fail = (path, message, hint, key, values = {}, code = 'E_VALIDATION') => {
    throw new ConcordError(code, `${file}: ${path}: ${message}`, {
      path,
      hint,
      key,
      values: { file, path, ...values },
    });
  };

  // The organization and the members on the date.
  let org: Organization | null = null;
  if (s.organization !== undefined) {
    if (!opts.registry)
      fail(
        'organization',
        'organizations are not available here',
        'Resolve with a registry.',
        'scenario.noRegistry',
      );
    org = opts.registry!.get(s.organization);
    if (!s.date)
      fail(
        'date',
        `a scenario of ${org.shortName} needs a date: its members are taken on it`,
        'Add `date: YYYY-MM-DD`.',
        'scenario.needsDate',
        { org: localizedShortName(org) },
      );
    try {
      assertActive(org, s.date!);
    } catch (e) {
      if (e instanceof ConcordError)
        throw new ConcordError(e.code, `${file}: date: ${e.message}`, {
          path: 'date',
          hint: e.hint,
          cause: e,
          key: 'scenario.inFileAt',
          values: { file, path: 'date' },
        });
      throw e;
    }
  }
  const name = (id: string) => s.actors?.[id]?.name ?? opts.dataset?.countries.get(id)?.name ?? id;
  const ids: string[] = [];
  const member = new Set<string>();
  if (org) {
    for (const m of membersOn(org, s.date!)) {
      ids.push(m.iso3);
      member.add(m.iso3);
    }
  }
  for (const id of Object.keys(s.actors ?? {})) if (!ids.includes(id)) ids.push(id);
  if (!org && !s.actors) {
    for (const issue of s.issues)
      for (const id of Object.keys(issue.positions)) if (!ids.includes(id)) ids.push(id);
  }
  if (ids.length === 0)
    fail(
      'actors',
      'the scenario has no actors',
      'Name an organization and a date, or list the actors.',
      'scenario.noActors',
    );
  const index = new Map(ids.map((id, i) => [id, i]));
  const n = ids.length;
  const actors: ResolvedActor[] = ids.map((id) => ({ id, name: name(id), member: member.has(id) }));
  const actorList = () => (ids.length > 12 ? `${ids.slice(0, 12).join(', ')}…` : ids.join(', '));
  const unknownActor = (path: string, id: string): never =>
    fail(
      path,
      `"${id}" is not an actor of this scenario`,
      org
        ? `The actors are the members of ${org.shortName} on ${s.date} (${actorList()}) and those listed under \`actors\`; add ${id} there if it takes part.`
        : `The actors are ${actorList()}; add ${id} under \`actors\`.`,
      'scenario.unknownActor',
      org
        ? { id, org: localizedShortName(org), date: s.date ?? '', actors: actorList() }
        : { id, org: 'none', date: '', actors: actorList() },
    );

  // Capabilities.
  const cap = resolveCapabilities(s, ids, opts.dataset, fail);

  // Players of the rule: the capability share and the data of the date, for sum rules.
  const year = s.date ? yearOf(s.date) : null;
  const players: Player[] = ids.map((id, i) => {
    const p: Record<string, unknown> = { id, capability: cap.shares[i] };
    if (opts.dataset && year !== null) {
      for (const [field, series] of [
        ['population', opts.dataset.population],
        ['gdp', opts.dataset.gdp],
        ['cinc', opts.dataset.cinc],
      ] as const) {
        const v = latest(series, id, year);
        if (v !== null) p[field] = v;
      }
    }
    Object.assign(p, s.actors?.[id]?.fields ?? {});
    return p as unknown as Player;
  });
  const rules = new Map<string, ResolvedRule>();
  const resolveRule = (rule: Rule, path: string): ResolvedRule => {
    const key = JSON.stringify(rule);
    const hit = rules.get(key);
    if (hit) return hit;
    let test: ResolvedRule['test'];
    try {
      test = compileRule(rule, players, path);
    } catch (e) {
      if (e instanceof ConcordError)
        throw new ConcordError(e.code, `${file}: ${e.message}`, {
          path: e.path ?? path,
          hint: e.hint,
          cause: e,
          key: 'scenario.inFile',
          values: { file },
        });
      throw e;
    }
    const veto = Uint8Array.from(vetoPlayers(test, n), (b) => (b ? 1 : 0));
    const all = new Array<boolean>(n).fill(true);
    const passable = test(all);
    const collegial = passable && test(Array.from(veto, (v) => v === 1));
    const r: ResolvedRule = { rule, description: describeRule(rule), test, veto, collegial, passable };
    rules.set(key, r);
    return r;
  };
  const scenarioRule: Rule = s.rule ?? org?.rule ?? 'consensus';
  resolveRule(scenarioRule, 'rule');

  // The chair.
  let chair = -1;
  if (s.chair !== undefined) {
    chair = index.get(s.chair) ?? unknownActor('chair', s.chair);
  } else if (org) {
    const c = chairOn(org, s.date!);
    if (c && index.has(c.state)) chair = index.get(c.state)!;
  }

  const issues = s.issues.map((issue, k) => {
    let outcome = issue.outcome;
    if (s.outcome) {
      if (outcome)
        fail(
          `issues[${k}].outcome`,
          'the outcome is given twice (here and at the top of the file)',
          'Keep one.',
          'scenario.outcomeTwice',
        );
      outcome = s.outcome;
    }
    return resolveIssue(issue, k, outcome, {
      n,
      index,
      chair,
      rule: resolveRule(issue.rule ?? scenarioRule, issue.rule ? `issues[${k}].rule` : 'rule'),
      fail,
      unknownActor,
    });
  });
  const seen = new Set<string>();
  issues.forEach((i, k) => {
    if (seen.has(i.id))
      fail(
        `issues[${k}].id`,
        `issue id "${i.id}" is used twice`,
        'Give each issue its own id.',
        'scenario.issueTwice',
        {
          id: i.id,
        },
      );
    seen.add(i.id);
  });
  const packages = resolvePackages(s, issues, actors, chair, fail, unknownActor);

  return {
    id: s.id,
    title: s.title ?? s.id,
    date: s.date ?? null,
    organization: org ? { id: org.id, shortName: org.shortName } : null,
    actors,
    capability: cap.shares,
    capabilitySource: cap.given ? 'given' : s.capability,
    capabilityYear: cap.year,
    capabilityNote: cap.note,
    chair,
    issues,
    source: s.source ?? null,
    note: s.note ?? s.description ?? null,
    coded: s.coded ?? null,
    ...(s.modelOptions ? { modelOptions: s.modelOptions } : {}),
    ...(packages.length ? { packages } : {}),
  };
}

/** The package deals: every issue id known, none twice in a package or in two packages. */
function resolvePackages(
  s: ScenarioFile,
  issues: readonly ResolvedIssue[],
  actors: readonly ResolvedActor[],
  chair: number,
  fail: Fail,
  unknownActor: (path: string, id: string) => never,
): ResolvedPackage[] {
  const ids = issues.map((i) => i.id);
  const owner = new Map<number, number>();
  return (s.packages ?? []).map((p, k) => {
    const long = Array.isArray(p) ? { issues: p } : p;
    const at = Array.isArray(p) ? `packages[${k}]` : `packages[${k}].issues`;
    const idx = long.issues.map((id, j) => {
      const q = ids.indexOf(id);
      if (q < 0)
        fail(
          `${at}[${j}]`,
          `package ${k + 1} names an unknown issue "${id}"`,
          `The issues of this scenario: ${ids.join(', ')}.`,
          'scenario.packageUnknownIssue',
          { package: String(k + 1), id, issues: ids.join(', ') },
        );
      if (owner.has(q))
        fail(
          `${at}[${j}]`,
          owner.get(q) === k
            ? `issue "${id}" is named twice in package ${k + 1}`
            : `issue "${id}" is already in package ${owner.get(q)! + 1}`,
          'An issue belongs to one package at most; merge the packages or drop the issue from one.',
          'scenario.packageIssueTwice',
          {
            id,
            same: owner.get(q) === k ? 'yes' : 'no',
            package: String(k + 1),
            other: String(owner.get(q)! + 1),
          },
        );
      owner.set(q, k);
      return q;
    });
    let setter = -1;
    if (!Array.isArray(p) && p.setter !== undefined) {
      setter = actors.findIndex((a) => a.id === p.setter);
      if (setter < 0) unknownActor(`packages[${k}].setter`, p.setter);
    } else setter = chair >= 0 ? chair : issues[idx[0]!]!.setter;
    return {
      id: (!Array.isArray(p) && p.id) || long.issues.join('+'),
      index: k,
      issues: idx,
      setter,
      source: (!Array.isArray(p) && p.source) || null,
      sourceDate: (!Array.isArray(p) && p.sourceDate) || null,
      inferred: !Array.isArray(p) && p.inferred === true,
      note: (!Array.isArray(p) && p.note) || null,
    };
  });
}

function latest(series: YearSeries, id: string, year: number): number | null {
  for (let y = Math.min(year, series.lastYear); y >= series.firstYear; y--) {
    const v = series.get(id, y);
    if (v !== null) return v;
  }
  return null;
}

/** A sum that does not depend on the order of the actors (summed in sorted order), so that relabelling them changes no bit. */
function orderFreeSum(values: number[]): number {
  return values.sort((a, b) => a - b).reduce((a, b) => a + b, 0);
}

/** The largest end of an issue's scale (its squares and their weighted sums stay finite). */
export const MAX_SCALE = 1e100;

/** Throws at `path`: the English message and hint, and the catalogue key (with its values) that words them. */
type Fail = (
  path: string,
  message: string,
  hint: string,
  key: string,
  values?: ErrorValues,
  code?: 'E_VALIDATION' | 'E_NO_DATA',
) => never;

function resolveCapabilities(
  s: ScenarioFile,
  ids: readonly string[],
  ds: Dataset | undefined,
  fail: Fail,
): { shares: Float64Array; year: number | null; note: string | null; given: boolean } {
  const n = ids.length;
  let override = ids.map((id) => s.actors?.[id]?.capability);
  let fixed = orderFreeSum(override.map((v) => v ?? 0));
  if (!Number.isFinite(fixed)) {
    // Capabilities near the largest double overflow when summed: scale them first (shares are
    // relative, so dividing every one by the largest changes none of them).
    if (override.some((v) => v === undefined))
      fail(
        'actors',
        `the capability overrides sum to more than a double can hold (${override.filter((v) => v !== undefined).length} overrides)`,
        'Overrides mixed with capabilities from the data are shares of the total: keep their sum below 1.',
        'scenario.overridesOverflow',
        { count: String(override.filter((v) => v !== undefined).length) },
      );
    const max = Math.max(...override.map((v) => v!));
    override = override.map((v) => v! / max);
    fixed = orderFreeSum(override.map((v) => v!));
  }
  const free = ids.filter((_, i) => override[i] === undefined);
  const raw = new Float64Array(n);
  let year: number | null = null;
  let note: string | null = null;
  if (free.length > 0) {
    if (s.capability === 'equal') {
      ids.forEach((_, i) => {
        if (override[i] === undefined) raw[i] = 1;
      });
    } else if (!(DATA_YARDSTICKS as readonly string[]).includes(s.capability)) {
      // a numeric field of the actors (`actors.<id>.fields.<field>`), as the sum rules read it
      const field = s.capability;
      const missing = free.filter((id) => typeof s.actors?.[id]?.fields?.[field] !== 'number');
      if (missing.length) {
        const known = [
          ...new Set(Object.values(s.actors ?? {}).flatMap((a) => Object.keys(a.fields ?? {}))),
        ].sort();
        fail(
          `actors.${missing[0]}.fields.${field}`,
          `capability: ${field} is not gdp, cinc, population, milex or equal, so it names a field of the actors; ${missing.join(', ')} give${missing.length === 1 ? 's' : ''} no "${field}"`,
          known.length
            ? `Give every actor \`fields: { ${field}: … }\`, or use one of their fields (${known.join(', ')}) or gdp, cinc, population, milex, equal.`
            : `Give every actor \`fields: { ${field}: … }\` under \`actors\`, or use gdp, cinc, population, milex or equal.`,
          'scenario.capabilityField',
          {
            field,
            missing: missing.join(', '),
            count: missing.length,
            known: known.join(', ') || 'none',
            fields: `fields: { ${field}: … }`,
          },
          'E_NO_DATA',
        );
      }
      ids.forEach((id, i) => {
        if (override[i] === undefined) raw[i] = s.actors![id]!.fields![field]!;
      });
    } else {
      if (!ds)
        fail(
          'capability',
          `capabilities from ${s.capability} need the data set`,
          'Resolve with the data set.',
          'scenario.needsDataset',
          { source: s.capability },
        );
      if (!s.date)
        fail(
          'date',
          `capabilities from ${s.capability} are taken on the scenario date; there is none`,
          'Add `date: YYYY-MM-DD`, or use `capability: equal`.',
          'scenario.capabilityNeedsDate',
          { source: s.capability },
        );
      const series =
        s.capability === 'gdp'
          ? ds!.gdp
          : s.capability === 'cinc'
            ? ds!.cinc
            : s.capability === 'milex'
              ? ds!.milex
              : ds!.population;
      const wanted = yearOf(s.date!);
      year = series.commonYear(free, wanted);
      if (year === null) {
        const missing = free.filter((id) => latest(series, id, wanted) === null);
        fail(
          `actors.${missing[0] ?? free[0]}.capability`,
          `no ${s.capability} data for ${missing.length ? missing.join(', ') : free.join(', ')} in or before ${wanted}`,
          `Give these actors a capability under \`actors\` (e.g. \`${missing[0] ?? free[0]}: { capability: 0.05 }\`), or use \`capability: equal\`.`,
          'scenario.noCapabilityData',
          {
            source: s.capability,
            actors: missing.length ? missing.join(', ') : free.join(', '),
            year: String(wanted),
            example: `${missing[0] ?? free[0]}: { capability: 0.05 }`,
          },
          'E_NO_DATA',
        );
      }
      if (year !== wanted) note = `${s.capability}: ${wanted} not available for every actor; ${year} used`;
      ids.forEach((id, i) => {
        if (override[i] === undefined) raw[i] = series.get(id, year!) ?? 0;
      });
    }
  }
  const freeTotal = orderFreeSum(Array.from(raw));
  const shares = new Float64Array(n);
  if (free.length === 0) {
    if (fixed <= 0)
      fail(
        'actors',
        'every capability is 0',
        'Give at least one actor a positive capability.',
        'scenario.allZero',
      );
    ids.forEach((_, i) => {
      shares[i] = override[i]! / fixed;
    });
    // every capability given: used as given, labelled so; shares only because sum rules need them
    if (Math.abs(fixed - 1) > 1e-12)
      note = `capabilities as given (they sum to ${Number(fixed.toPrecision(6))}); divided by their sum for the models, whose forecasts do not depend on the scale`;
  } else {
    if (fixed >= 1) {
      fail(
        'actors',
        `the capability overrides sum to ${fixed}, leaving nothing for the ${free.length} actor(s) whose capability comes from ${s.capability}`,
        'Overrides are shares of the total: keep their sum below 1, or give every actor one.',
        'scenario.overridesTooLarge',
        { sum: String(fixed), count: String(free.length), source: s.capability },
      );
    }
    if (freeTotal <= 0)
      fail(
        'capability',
        `every ${s.capability} value is 0`,
        'Use another capability source.',
        'scenario.sourceZero',
        {
          source: s.capability,
        },
      );
    ids.forEach((_, i) => {
      shares[i] = override[i] !== undefined ? override[i]! : (raw[i]! / freeTotal) * (1 - fixed);
    });
  }
  // A non-finite share (an overflow somewhere) is an error naming the actor, never a silent 0.
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(shares[i]!))
      fail(
        `actors.${ids[i]}.capability`,
        `the capability share of ${ids[i]} is not a finite number (${shares[i]})`,
        'Give capabilities of ordinary size (they are relative: 1, 2, 3 say the same as 1e300, 2e300, 3e300).',
        'scenario.shareNotFinite',
        { actor: ids[i]!, value: String(shares[i]) },
      );
  }
  return { shares, year, note, given: free.length === 0 };
}

interface IssueContext {
  readonly n: number;
  readonly index: ReadonlyMap<string, number>;
  readonly chair: number;
  readonly rule: ResolvedRule;
  readonly fail: Fail;
  readonly unknownActor: (path: string, id: string) => never;
}

function resolveIssue(
  issue: Issue,
  k: number,
  outcome: ObservedOutcome | undefined,
  c: IssueContext,
): ResolvedIssue {
  const { n, index, fail, unknownActor } = c;
  const at = `issues[${k}]`;
  const dimsSpec = issue.dimensions ?? [
    {
      id: issue.id,
      title: issue.title,
      scale: issue.scale ?? ([0, 100] as [number, number]),
      poles: issue.poles,
    },
  ];
  const dims = dimsSpec.length;
  const lo = Float64Array.from(dimsSpec, (d) => d.scale[0]);
  const hi = Float64Array.from(dimsSpec, (d) => d.scale[1]);
  for (let d = 0; d < dims; d++) {
    // The models square distances on the scale (and weigh them by capability and salience): with
    // ends beyond ±1e100 an intermediate would overflow to Infinity and a forecast silently break.
    if (!(Math.abs(lo[d]!) <= MAX_SCALE && Math.abs(hi[d]!) <= MAX_SCALE))
      fail(
        issue.dimensions ? `${at}.dimensions[${d}].scale` : `${at}.scale`,
        `the scale [${lo[d]}, ${hi[d]}] reaches beyond ±${MAX_SCALE}, where the models' squared distances overflow`,
        'Use a scale of ordinary size, e.g. [0, 100]: the models depend on positions only relative to the scale.',
        'scenario.scaleTooLarge',
        { low: String(lo[d]), high: String(hi[d]), max: String(MAX_SCALE) },
      );
  }
  const scaleText = (d: number) => `[${lo[d]}, ${hi[d]}]`;

  /** A point of the right dimension inside the scale. */
  // what: the point in English; kind: the same as a value of the messages' select.
  const point = (v: number | number[], path: string, what: string, kind: string): Float64Array => {
    const arr = typeof v === 'number' ? [v] : v;
    if (arr.length !== dims) {
      fail(
        path,
        `${what} has ${arr.length} number(s); the issue has ${dims} dimension(s)`,
        dims === 1
          ? 'Give a single number.'
          : `Give a list of ${dims} numbers, one per dimension (${dimsSpec.map((d) => d.id).join(', ')}).`,
        'scenario.pointDimensions',
        { kind, count: String(arr.length), dims: String(dims), ids: dimsSpec.map((d) => d.id).join(', ') },
      );
    }
    arr.forEach((x, d) => {
      if (x < lo[d]! || x > hi[d]!) {
        fail(
          dims === 1 ? path : `${path}[${d}]`,
          `${what} ${x} is outside the scale ${scaleText(d)}`,
          `Give a value between ${lo[d]} and ${hi[d]}, or widen the issue's scale.`,
          'scenario.outsideScale',
          { kind, value: String(x), low: String(lo[d]), high: String(hi[d]) },
        );
      }
    });
    return Float64Array.from(arr);
  };

  const position = new Float64Array(n * dims);
  const salience = new Float64Array(n * dims);
  const has = new Uint8Array(n);
  const positionNotes: Array<{
    note?: string;
    source?: string;
    inferred?: boolean;
    sourceDate?: string;
  } | null> = new Array(n).fill(null);
  const codings: Array<ResolvedCoding[] | null> = new Array(n).fill(null);
  let multi = false;
  for (const [id, entry] of Object.entries(issue.positions)) {
    const a = index.get(id);
    if (a === undefined) unknownActor(`${at}.positions.${id}`, id);
    if (entry === null) continue;
    const list = Array.isArray(entry) ? entry : [entry];
    const resolved = list.map((c, k) => {
      const path = Array.isArray(entry) ? `${at}.positions.${id}[${k}]` : `${at}.positions.${id}`;
      const p = point(c.position, `${path}.position`, 'position', 'position');
      const sArr = typeof c.salience === 'number' ? new Array<number>(dims).fill(c.salience) : c.salience;
      if (sArr.length !== dims) {
        fail(
          `${path}.salience`,
          `salience has ${sArr.length} number(s); the issue has ${dims} dimension(s)`,
          'Give one salience, or one per dimension.',
          'scenario.salienceDimensions',
          { count: String(sArr.length), dims: String(dims) },
        );
      }
      return {
        coder: c.coder ?? '',
        position: p,
        salience: Float64Array.from(sArr),
        ...(c.independent === false ? { independent: false } : {}),
      };
    });
    // several codings: the models use their mean
    for (let d = 0; d < dims; d++) {
      let ps = 0;
      let ss = 0;
      for (const c of resolved) {
        ps += c.position[d]!;
        ss += c.salience[d]!;
      }
      position[a! * dims + d] = ps / resolved.length;
      salience[a! * dims + d] = ss / resolved.length;
    }
    has[a!] = 1;
    if (list.length > 1) multi = true;
    codings[a!] = resolved;
    positionNotes[a!] = {
      note:
        list
          .map((c) => c.note)
          .filter(Boolean)
          .join(' / ') || undefined,
      source:
        list
          .map((c) => c.source)
          .filter(Boolean)
          .join('; ') || undefined,
      // inferred only when no coding rests on a source; dated by the latest source of the grounded codings
      inferred: list.every((c) => c.inferred === true),
      ...(list.some((c) => c.sourceDate && c.inferred !== true)
        ? {
            sourceDate: list
              .filter((c) => c.sourceDate && c.inferred !== true)
              .map((c) => c.sourceDate!)
              .sort()
              .at(-1),
          }
        : {}),
    };
  }
  for (const [id, a] of index) {
    if (!(id in issue.positions)) {
      fail(
        `${at}.positions.${id}`,
        `${id} has no entry on issue "${issue.id}"`,
        `Give ${id} a position and a salience, or write \`${id}: null\` if it takes no position.`,
        'scenario.noEntry',
        { id, issue: issue.id, none: `${id}: null` },
      );
    }
    void a;
  }

  const statusQuo =
    issue.statusQuo === undefined
      ? null
      : point(issue.statusQuo, `${at}.statusQuo`, 'the status quo', 'statusQuo');
  let proposer = -1;
  if (issue.proposer !== undefined)
    proposer = index.get(issue.proposer) ?? unknownActor(`${at}.proposer`, issue.proposer);
  let proposal: Float64Array | null = null;
  if (issue.proposal !== undefined)
    proposal = point(issue.proposal, `${at}.proposal`, 'the proposal', 'proposal');
  else if (proposer >= 0) {
    if (!has[proposer]) {
      fail(
        `${at}.proposal`,
        `the proposer ${issue.proposer} takes no position, so there is no proposal`,
        'Give the proposal, or a position for the proposer.',
        'scenario.proposerNoPosition',
        { proposer: String(issue.proposer) },
      );
    }
    proposal = position.slice(proposer * dims, proposer * dims + dims);
  }
  if (!issue.amendable) {
    if (!proposal)
      fail(
        `${at}.proposal`,
        'a take-it-or-leave-it issue (amendable: false) needs a tabled proposal',
        'Give `proposal` (or a `proposer`).',
        'scenario.takeItNeedsProposal',
      );
    if (!statusQuo)
      fail(
        `${at}.statusQuo`,
        'a take-it-or-leave-it issue needs a status quo to compare the proposal with',
        'Give `statusQuo`.',
        'scenario.takeItNeedsStatusQuo',
      );
  }
  if (issue.optOut) {
    if (proposer < 0)
      fail(
        `${at}.proposer`,
        'an opt-out issue needs a proposer (it is adopted when at least two members including the proposer take part)',
        'Give `proposer`.',
        'scenario.optOutNeedsProposer',
      );
    if (!statusQuo)
      fail(
        `${at}.statusQuo`,
        'an opt-out issue needs a status quo: participants are those who prefer the proposal to it',
        'Give `statusQuo`.',
        'scenario.optOutNeedsStatusQuo',
      );
  }

  let observed: ResolvedObserved | null = null;
  if (outcome) {
    observed = {
      adopted: outcome.adopted ?? null,
      position:
        outcome.position === undefined
          ? null
          : point(outcome.position, `${at}.outcome.position`, 'the observed outcome', 'outcome'),
      participants:
        outcome.participants?.map(
          (id, j) => index.get(id) ?? unknownActor(`${at}.outcome.participants[${j}]`, id),
        ) ?? null,
      source: outcome.source ?? null,
      note: outcome.note ?? null,
    };
  }

  return {
    id: issue.id,
    title: issue.title ?? issue.id,
    index: k,
    dims,
    dimensionIds: dimsSpec.map((d) => d.id),
    dimensionTitles: dimsSpec.map((d) => d.title ?? d.id),
    lo,
    hi,
    poles: dimsSpec.map((d) => (d.poles ? ([d.poles[0], d.poles[1]] as const) : null)),
    position,
    salience,
    has,
    statusQuo,
    proposal,
    proposer,
    setter: proposer >= 0 ? proposer : c.chair,
    amendable: issue.amendable,
    optOut: issue.optOut,
    rule: c.rule,
    observed,
    positionNotes,
    ...(multi ? { codings } : {}),
    modelNotes: issue.modelNotes ?? {},
    metadata: issue.metadata ?? {},
    note: issue.note ?? null,
    source: issue.source ?? null,
  };
}
