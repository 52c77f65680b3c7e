/**
 * The inputs of power against the quota (./quota.ts), shared by `concord quota` and
 * POST /api/power/quota: a game as integer weights (its one summed criterion, or the one a
 * multi-criterion rule names with `criterion`), an organization's members weighted by population,
 * GDP or count on a date, the list of indices, and the tidy CSV of a sweep.
 */
import type { Dataset } from '../data/dataset.js';
import { ConcordError } from '../errors.js';
import { resolveGame } from '../org/players.js';
import type { OrganizationRegistry } from '../org/registry.js';
import { compile } from '../rules/compile.js';
import type { Game } from '../rules/game.js';
import { type CsvValue, csvLine } from '../util/csv.js';
import { DEFAULT_QUOTA_INDEX } from './options.js';
import { QUOTA_INDICES, type QuotaIndex, type QuotaSweep } from './quota.js';

export interface WeightedInput {
  readonly ids: string[];
  readonly weights: number[];
  /** The game's own quota, in the same units. */
  readonly ownQuota: number | null;
  readonly label: string;
  readonly unit: string;
}

/**
 * A game as integer weights: its one summed criterion (or the count of members). With
 * `criterion`, the criterion of that field (or `count`) in a rule of several (the Nice rule's
 * `votes`), at its own quota.
 */
export function weightedInput(
  game: Game,
  path = 'rule',
  criterion?: { field: string; path: string },
): WeightedInput {
  const c = compile(game.rule, game.players);
  const dims = c.dims.filter((d) => !d.isCount);
  const usedDims = new Set(c.atoms.map((a) => a.dim));
  let dimIndex: number;
  if (criterion) {
    dimIndex = c.dims.findIndex((d) =>
      criterion.field === 'count' ? d.isCount : d.key === criterion.field || d.label === criterion.field,
    );
    if (dimIndex < 0)
      throw new ConcordError(
        'E_USAGE',
        `${criterion.path}: the rule has no criterion "${criterion.field}"; it has ${c.dims.map((d) => (d.isCount ? 'count' : d.key)).join(', ')}`,
        {
          path: criterion.path,
          hint: `Use one of ${c.dims.map((d) => (d.isCount ? 'count' : d.key)).join(', ')}.`,
          key: 'power.quota.noCriterion',
          values: {
            path: criterion.path,
            field: criterion.field,
            criteria: c.dims.map((d) => (d.isCount ? 'count' : d.key)).join(', '),
          },
        },
      );
  } else {
    if (dims.length > 1 || c.atoms.length > 1 || usedDims.size > 1)
      throw new ConcordError(
        'E_USAGE',
        `${path}: power against the quota needs a weighted game (one summed criterion); this rule is "${c.dims.map((d) => d.label).join(' and ')}"`,
        {
          path,
          hint: 'Give a game with one weighted criterion, e.g. rule: { sum: votes, atLeast: 12 }, or name one of the rule’s criteria (--criterion votes).',
          key: 'power.quota.notWeighted',
          values: {
            path,
            rule: c.dims.map((d) => d.label).join(' and '),
            example: 'rule: { sum: votes, atLeast: 12 }',
          },
        },
      );
    dimIndex = c.atoms.length ? c.atoms[0]!.dim : c.dims.indexOf(dims[0] ?? c.dims[0]!);
  }
  const d = c.dims[dimIndex];
  if (!d)
    throw new ConcordError('E_USAGE', `${path}: the rule has no weights to vary a quota over`, {
      path,
      hint: 'Use a rule such as { sum: votes, atLeast: 12 } or { count: { atLeast: 4 } }.',
      key: 'power.quota.noWeights',
      values: { path, sum: '{ sum: votes, atLeast: 12 }', count: '{ count: { atLeast: 4 } }' },
    });
  // The compiler divides a field's weights by their common divisor (den) and multiplies them by a
  // power of ten when they have decimals (num > 1): whole weights are those with num = 1, and their
  // values are the scaled weights times den (an all-equal game, 50 × 100 votes, is whole).
  if (d.scale.num !== 1n)
    throw new ConcordError('E_USAGE', `${path}: the weights of "${d.label}" are not whole numbers`, {
      path: 'players',
      hint: 'Round the weights to whole numbers (e.g. population in thousands), or use --org with --weight.',
      key: 'power.quota.notWhole',
      values: { path, label: d.label },
    });
  const atom = c.atoms.find((a) => a.dim === dimIndex);
  return {
    ids: [...c.ids],
    weights: d.weights.map((w) => Number(w * d.scale.den)),
    // in the field's own units: the least multiple of the common divisor at or above the quota
    // written, which has the same winning coalitions
    ownQuota: atom ? Number(atom.quota * d.scale.den) : null,
    label: game.name,
    unit: d.label,
  };
}

export { QUOTA_WEIGHTS, type QuotaWeight } from './options.js';

/** An organization's members on a date, weighted by population (millions), GDP (billion USD) or count. */
export function orgWeightedInput(
  org: string,
  at: string,
  weight: string,
  registry: OrganizationRegistry | (() => OrganizationRegistry),
  ds: Dataset | (() => Dataset),
  weightPath = '--weight',
): WeightedInput {
  const units: Record<string, { field: string; per: number; unit: string }> = {
    population: { field: 'population', per: 1e6, unit: 'population (millions)' },
    gdp: { field: 'gdp', per: 1e9, unit: 'GDP (billion USD)' },
  };
  if (weight !== 'count' && !units[weight])
    throw new ConcordError('E_USAGE', `${weightPath}: "${weight}" is not a weight`, {
      path: weightPath,
      hint: 'Use population, gdp or count.',
      key: 'power.quota.notAWeight',
      values: { path: weightPath, weight },
    });
  const game = resolveGame({ organization: org, at }, org, registry, ds, { rule: { count: { atLeast: 1 } } });
  if (weight === 'count') return { ...weightedInput(game), ownQuota: null, unit: 'members' };
  const u = units[weight]!;
  const players = game.players.map((p) => {
    const v = p[u.field];
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new ConcordError(
        'E_NO_DATA',
        `players.${p.id}.${u.field}: no ${u.field} for ${p.id} on this date`,
        {
          path: `players.${p.id}.${u.field}`,
          hint: 'Use another weight or date, or a game file with the weights.',
          key: 'power.quota.noWeightData',
          values: { path: `players.${p.id}.${u.field}`, field: u.field, id: p.id },
        },
      );
    return { ...p, w: Math.round(v / u.per) };
  });
  const input = weightedInput({ ...game, players, rule: { sum: 'w', atLeast: 1 } });
  return { ...input, ownQuota: null, unit: u.unit };
}

/** `banzhaf,ss,…` (aliases and `all`) as the indices of a quota sweep; default banzhaf. */
export function parseQuotaIndices(spec: string | undefined, path = '--index'): QuotaIndex[] {
  if (spec === undefined) return [DEFAULT_QUOTA_INDEX];
  const alias: Record<string, QuotaIndex> = {
    bz: 'banzhaf',
    shapley: 'shapley-shubik',
    ss: 'shapley-shubik',
    shapleyshubik: 'shapley-shubik',
    colemanprevent: 'coleman-prevent',
    colemaninitiate: 'coleman-initiate',
  };
  const out = new Set<QuotaIndex>();
  for (const raw of spec.split(',')) {
    const s = raw.trim().toLowerCase();
    if (!s) continue;
    if (s === 'all') {
      for (const i of QUOTA_INDICES) out.add(i);
      continue;
    }
    const name = alias[s] ?? s;
    if (!(QUOTA_INDICES as readonly string[]).includes(name))
      throw new ConcordError('E_USAGE', `${path}: "${raw.trim()}" is not an index of concord quota`, {
        path,
        hint: `Use ${QUOTA_INDICES.join(', ')} or all (the indices built on minimal winning coalitions: concord power at one quota).`,
        key: 'power.quota.notAnIndex',
        values: { path, name: raw.trim(), indices: QUOTA_INDICES.join(', ') },
      });
    out.add(name as QuotaIndex);
  }
  if (!out.size)
    throw new ConcordError('E_USAGE', `${path}: no index given`, {
      path,
      hint: `Use ${QUOTA_INDICES.join(', ')}.`,
      key: 'power.quota.noIndex',
      values: { path, indices: QUOTA_INDICES.join(', ') },
    });
  return QUOTA_INDICES.filter((i) => out.has(i));
}

/** The field of a quota row's player that holds each index. */
export const QUOTA_FIELD: Record<
  QuotaIndex,
  'penrose' | 'banzhaf' | 'shapleyShubik' | 'colemanPrevent' | 'colemanInitiate'
> = {
  penrose: 'penrose',
  banzhaf: 'banzhaf',
  'shapley-shubik': 'shapleyShubik',
  'coleman-prevent': 'colemanPrevent',
  'coleman-initiate': 'colemanInitiate',
};

/** The tidy CSV of a sweep: a row per quota and player (`concord quota --format csv`, `?format=csv`). */
export function quotaCsv(s: QuotaSweep): string {
  const fields = s.indices.map((i) => QUOTA_FIELD[i]);
  const head = [
    'quota',
    'passage_probability',
    'jump',
    'player',
    'swings',
    ...s.indices.map((i) => i.replace('-', '_')),
  ];
  let out = csvLine(head);
  for (const r of s.quotas)
    for (const p of r.players)
      out += csvLine([
        r.quota,
        r.passageProbability,
        r.jump,
        p.id,
        p.swings as CsvValue,
        ...fields.map((f) => (p[f] ?? null) as CsvValue),
      ]);
  return out.replace(/\n$/, '');
}
