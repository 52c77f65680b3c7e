/**
 * `concord quota FILE|--org ID [--at DATE] [--weight FIELD] [--from Q1 --to Q2 --step S] [--jumps]
 * [--index NAME,…] [--format table|json|csv]`: power and passage probability against the quota of
 * a weighted game, with the quotas where the winning coalitions change and the square-root rule's
 * optimal quota.
 */

import type { Command } from 'commander';
import { loadDataset } from '../../data/load.js';
import { ConcordError } from '../../errors.js';
import { loadOrganizations } from '../../org/load.js';
import { resolveGame } from '../../org/players.js';
import { QUOTA_INDICES, type QuotaIndex, type QuotaSweep, quotaSweep } from '../../power/quota.js';
import { compile } from '../../rules/compile.js';
import type { Game } from '../../rules/game.js';
import { builtinGames, readGameFile, readRule } from '../../rules/load.js';
import type { Rule } from '../../rules/schema.js';
import { type CsvValue, csvLine } from '../../util/csv.js';
import { parseDate, todayIso } from '../../util/dates.js';
import { json, table } from '../../util/format.js';
import type { CliIO } from '../io.js';

export interface WeightedInput {
  readonly ids: string[];
  readonly weights: number[];
  /** The game's own quota, in the same units. */
  readonly ownQuota: number | null;
  readonly label: string;
  readonly unit: string;
}

/** A game as integer weights: its one summed criterion (or the count of members). */
export function weightedInput(game: Game, path = 'rule'): WeightedInput {
  const c = compile(game.rule, game.players);
  const dims = c.dims.filter((d) => !d.isCount);
  const usedDims = new Set(c.atoms.map((a) => a.dim));
  if (dims.length > 1 || c.atoms.length > 1 || usedDims.size > 1)
    throw new ConcordError(
      'E_USAGE',
      `${path}: power against the quota needs a weighted game (one summed criterion); this rule is "${c.dims.map((d) => d.label).join(' and ')}"`,
      {
        path,
        hint: 'Give a game with one weighted criterion, e.g. rule: { sum: votes, atLeast: 12 }, or --rule with one.',
      },
    );
  const d = c.atoms.length ? c.dims[c.atoms[0]!.dim]! : (dims[0] ?? c.dims[0]);
  if (!d)
    throw new ConcordError('E_USAGE', `${path}: the rule has no weights to vary a quota over`, {
      path,
      hint: 'Use a rule such as { sum: votes, atLeast: 12 } or { count: { atLeast: 4 } }.',
    });
  if (d.scale.num !== d.scale.den)
    throw new ConcordError('E_USAGE', `${path}: the weights of "${d.label}" are not whole numbers`, {
      path: 'players',
      hint: 'Round the weights to whole numbers (e.g. population in thousands), or use --org with --weight.',
    });
  return {
    ids: [...c.ids],
    weights: d.weights.map(Number),
    ownQuota: c.atoms.length ? Number(c.atoms[0]!.quota) : null,
    label: game.name,
    unit: d.label,
  };
}

const FORMATS = ['table', 'json', 'csv'] as const;

export function register(program: Command, io: CliIO): void {
  program
    .command('quota')
    .description(
      'power and passage probability against the quota of a weighted game: every quota, the jumps, the square-root optimal quota',
    )
    .argument('[file]', `a game file, or a built-in game: ${builtinGames().join(', ')}`)
    .option('--org <id>', "an organization's members as the players (instead of a file)")
    .option('--at <date>', 'the date for --org, YYYY-MM-DD (default: today)')
    .option(
      '--weight <field>',
      'with --org: the weight, "population" (millions, rounded; default), "gdp" (billion USD, rounded) or "count"',
    )
    .option(
      '--rule <rule>',
      'with a game file: another rule with one summed criterion (a name, a file or inline YAML)',
    )
    .option('--from <q>', 'the first quota (default 1)')
    .option('--to <q>', 'the last quota (default: the total weight)')
    .option('--step <s>', 'the step between quotas (default 1)')
    .option('--jumps', 'only the quotas where the set of winning coalitions changes')
    .option('--index <names>', `indices, comma-separated (default banzhaf): ${QUOTA_INDICES.join(', ')}`)
    .option('--format <format>', 'table | json | csv (default table)')
    .option('--json', 'print JSON (same as --format json)')
    .action(
      (
        file: string | undefined,
        opts: {
          org?: string;
          at?: string;
          weight?: string;
          rule?: string;
          from?: string;
          to?: string;
          step?: string;
          jumps?: boolean;
          index?: string;
          format?: string;
          json?: boolean;
        },
      ) => {
        if (!file === !opts.org)
          throw new ConcordError(
            'E_USAGE',
            file ? 'give a game file or --org, not both' : 'give a game file or --org',
            {
              path: file ? '--org' : 'file',
              hint: 'Example: concord quota eec-1958, or concord quota --org sco --weight population.',
            },
          );
        const format = opts.json ? 'json' : (opts.format ?? 'table');
        if (!(FORMATS as readonly string[]).includes(format))
          throw new ConcordError('E_USAGE', `--format: "${format}" is not a format`, {
            path: '--format',
            hint: `Use one of ${FORMATS.join(', ')}.`,
          });
        const indices = parseQuotaIndices(opts.index);
        const rule = opts.rule ? readRule(opts.rule, io.cwd).rule : undefined;
        const input = file ? fileInput(file, io.cwd, rule) : orgInput(opts.org!, opts.at, opts.weight);
        const int = (s: string | undefined, path: string) => {
          if (s === undefined) return undefined;
          const v = Number(s);
          if (!Number.isInteger(v))
            throw new ConcordError('E_USAGE', `${path}: "${s}" is not a whole number`, {
              path,
              hint: `Quotas are whole numbers of ${input.unit} from 1 to ${input.weights.reduce((a, b) => a + b, 0)}.`,
            });
          return v;
        };
        const sweep = quotaSweep(input.ids, input.weights, {
          from: int(opts.from, '--from'),
          to: int(opts.to, '--to'),
          step: int(opts.step, '--step'),
          jumpsOnly: opts.jumps,
          indices,
        });
        if (format === 'json')
          io.out(json({ game: input.label, unit: input.unit, ownQuota: input.ownQuota, ...sweep }));
        else if (format === 'csv') io.out(quotaCsv(sweep));
        else io.out(formatQuota(sweep, input));
      },
    );
}

function parseQuotaIndices(spec: string | undefined): QuotaIndex[] {
  if (spec === undefined) return ['banzhaf'];
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
      throw new ConcordError('E_USAGE', `--index: "${raw.trim()}" is not an index of concord quota`, {
        path: '--index',
        hint: `Use ${QUOTA_INDICES.join(', ')} or all (the indices built on minimal winning coalitions: concord power at one quota).`,
      });
    out.add(name as QuotaIndex);
  }
  if (!out.size)
    throw new ConcordError('E_USAGE', '--index: no index given', {
      path: '--index',
      hint: `Use ${QUOTA_INDICES.join(', ')}.`,
    });
  return QUOTA_INDICES.filter((i) => out.has(i));
}

function fileInput(file: string, cwd: string, rule: Rule | undefined): WeightedInput {
  const g = readGameFile(file, cwd);
  const game = resolveGame(g.file, g.name, loadOrganizations(), loadDataset(), { rule });
  return weightedInput(game);
}

function orgInput(org: string, at: string | undefined, weight = 'population'): WeightedInput {
  const units: Record<string, { field: string; per: number; unit: string }> = {
    population: { field: 'population', per: 1e6, unit: 'population (millions)' },
    gdp: { field: 'gdp', per: 1e9, unit: 'GDP (billion USD)' },
  };
  if (weight !== 'count' && !units[weight])
    throw new ConcordError('E_USAGE', `--weight: "${weight}" is not a weight`, {
      path: '--weight',
      hint: 'Use population, gdp or count.',
    });
  const game = resolveGame(
    { organization: org, at: parseDate(at ?? todayIso(), '--at') },
    org,
    loadOrganizations(),
    loadDataset(),
    { rule: { count: { atLeast: 1 } } },
  );
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
          hint: 'Use another --weight or --at, or a game file with the weights.',
        },
      );
    return { ...p, w: Math.round(v / u.per) };
  });
  const input = weightedInput({ ...game, players, rule: { sum: 'w', atLeast: 1 } });
  return { ...input, ownQuota: null, unit: u.unit };
}

const f4 = (x: number | null | undefined) => (x === null || x === undefined ? '–' : x.toFixed(4));

const FIELD: Record<
  QuotaIndex,
  'penrose' | 'banzhaf' | 'shapleyShubik' | 'colemanPrevent' | 'colemanInitiate'
> = {
  penrose: 'penrose',
  banzhaf: 'banzhaf',
  'shapley-shubik': 'shapleyShubik',
  'coleman-prevent': 'colemanPrevent',
  'coleman-initiate': 'colemanInitiate',
};

export function formatQuota(s: QuotaSweep, input: WeightedInput): string {
  const lines: string[] = [];
  lines.push(`${input.label}: ${s.n} players, total weight ${s.total} (${input.unit})`);
  if (input.ownQuota !== null) lines.push(`own quota: ${input.ownQuota} (marked =)`);
  lines.push(
    `square-root rule's optimal quota: ${(s.squareRootQuota.relative * 100).toFixed(2)}% of the total = ${s.squareRootQuota.quota} (marked *; ${s.squareRootQuota.source})`,
  );
  lines.push(
    `the winning coalitions change at ${s.jumps.length} quotas (marked ^)${s.jumps.length <= 40 ? `: ${s.jumps.join(', ')}` : ''}`,
  );
  for (const idx of s.indices) {
    lines.push('', `${idx} by quota`);
    const rows = s.quotas.map((r) => [
      `${r.quota}${r.quota === input.ownQuota ? '=' : ''}${r.quota === s.squareRootQuota.quota ? '*' : ''}${r.jump ? '^' : ''}`,
      `${(r.passageProbability * 100).toFixed(2)}%`,
      ...r.players.map((p) => f4(p[FIELD[idx]])),
    ]);
    lines.push(table(['quota', 'passage', ...s.quotas[0]!.players.map((p) => p.id)], rows));
  }
  return lines.join('\n');
}

export function quotaCsv(s: QuotaSweep): string {
  const fields = s.indices.map((i) => FIELD[i]);
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
