/**
 * `concord design FILE --target banzhaf:FILE|square-root [--field population] [--quota Q]
 * [--resolution N] [--max-iterations N] [--json]`: integer weights and a quota whose normalised
 * Banzhaf indices come closest to a target, by Leech's iterative method; exact indices at the end.
 */
import type { Command } from 'commander';
import { loadDataset } from '../../data/load.js';
import { ConcordError } from '../../errors.js';
import { cliDesign } from '../../i18n/messages/cli-design/index.js';
import { cliPower } from '../../i18n/messages/cli-power/index.js';
import { intlTag, translator } from '../../i18n/translate.js';
import { loadOrganizations } from '../../org/load.js';
import { resolveGame } from '../../org/players.js';
import { checkTarget, type DesignResult, designWeights, squareRootTarget } from '../../power/design.js';
import { DEFAULT_DESIGN_FIELD, DESIGN_OPTION_HELP } from '../../power/options.js';
import { computePower, type PowerResult } from '../../power/power.js';
import { builtinGames, readGameFile } from '../../rules/load.js';
import { readUserFile } from '../../util/files.js';
import { json, table } from '../../util/format.js';
import { parseYamlText } from '../../util/validate.js';
import { type CliText, cliText, type NamespaceKeys } from '../i18n.js';
import type { CliIO } from '../io.js';

export function register(program: Command, io: CliIO): void {
  program
    .command('design')
    .description(
      "integer weights and a quota whose Banzhaf indices come closest to a target (Leech's iterative method): square-root rule or a file",
    )
    .argument('<file>', `a game file (its players), or a built-in game: ${builtinGames().join(', ')}`)
    .requiredOption(
      '--target <target>',
      'square-root (Penrose: shares ∝ √population) or banzhaf:FILE (YAML/JSON { ID: share } or CSV id,share; shares sum to 1)',
    )
    .option('--field <field>', DESIGN_OPTION_HELP.field)
    .option(
      '--quota <q>',
      "relative quota in (0, 1] (default: the square-root rule's optimal quota of the target)",
    )
    .option('--resolution <n>', DESIGN_OPTION_HELP.resolution)
    .option('--max-iterations <n>', DESIGN_OPTION_HELP.maxIterations)
    .option('--json', 'print JSON')
    .action(
      (
        file: string,
        opts: {
          target: string;
          field?: string;
          quota?: string;
          resolution?: string;
          maxIterations?: string;
          json?: boolean;
        },
      ) => {
        const g = readGameFile(file, io.cwd);
        const game = resolveGame(g.file, g.name, loadOrganizations(), loadDataset());
        const ids = game.players.map((p) => p.id);
        const target = readTarget(opts.target, ids, game.players, opts.field ?? DEFAULT_DESIGN_FIELD, io.cwd);
        const num = (s: string | undefined, path: string) => {
          if (s === undefined) return undefined;
          const v = Number(s);
          if (!Number.isFinite(v))
            throw new ConcordError('E_USAGE', `${path}: "${s}" is not a number`, {
              path,
              hint: `Give ${path} a number.`,
              key: 'cli.design.notNumber',
              values: { path, value: s },
            });
          return v;
        };
        const t0 = performance.now();
        const res = designWeights(target, {
          quota: num(opts.quota, '--quota'),
          resolution: num(opts.resolution, '--resolution'),
          maxIterations: num(opts.maxIterations, '--max-iterations'),
        });
        // exact indices of the weights found
        const exact = computePower(
          {
            name: 'designed',
            players: ids.map((id, i) => ({ id, w: res.weights[i]! })),
            rule: { sum: 'w', atLeast: res.quota },
            source: [],
            notes: [],
            literature: [],
          },
          { method: 'exact', indices: 'banzhaf,penrose' },
        );
        const ms = performance.now() - t0;
        const out = {
          game: game.name,
          targetSpec: opts.target,
          method: "Leech's iterative method (Leech 2002, Public Choice 113: 437–464)",
          ...res,
          passageProbability: exact.passageProbability,
          algorithm: exact.algorithm,
          players: ids.map((id, i) => ({
            id,
            target: target[i]!,
            weight: res.weights[i]!,
            // (asked for: never null)
            banzhaf: exact.players[i]!.banzhaf!,
            banzhafFraction: exact.players[i]!.fractions?.banzhaf ?? null,
            deviation: exact.players[i]!.banzhaf! - target[i]!,
          })),
        };
        if (opts.json) {
          io.out(json(out));
          return;
        }
        io.out(formatDesign(game.name, opts.target, res, exact, out.players, ms, cliText(io, cliDesign)));
      },
    );
}

function readTarget(
  spec: string,
  ids: readonly string[],
  players: ReadonlyArray<Record<string, unknown>>,
  field: string,
  cwd: string,
): number[] {
  if (spec === 'square-root') {
    const pops = players.map((p, i) => {
      const v = p[field];
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
        throw new ConcordError('E_USAGE', `players[${i}].${field}: no ${field} for ${ids[i]}`, {
          path: `players[${i}].${field}`,
          hint: 'The square-root target needs a population for every player (or name the field with --field).',
          key: 'cli.design.noPopulation',
          values: { index: String(i), field, id: ids[i] ?? '' },
        });
      return v;
    });
    return squareRootTarget(pops);
  }
  if (!spec.startsWith('banzhaf:'))
    throw new ConcordError('E_USAGE', `--target: "${spec}" is not a target`, {
      path: '--target',
      hint: 'Use square-root or banzhaf:FILE.',
      key: 'cli.design.notTarget',
      values: { spec },
    });
  const path = spec.slice('banzhaf:'.length);
  const text = readUserFile(path, cwd, 'target file');
  let map: Record<string, unknown>;
  if (/\.csv$/i.test(path)) {
    map = {};
    for (const line of text.split(/\r?\n/)) {
      const [id, v] = line.split(',').map((s) => s.trim());
      if (!id || v === undefined || /^id$/i.test(id)) continue;
      map[id] = Number(v);
    }
  } else {
    const parsed = parseYamlText(text, path);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new ConcordError('E_FILE_FORMAT', `${path}: expected a mapping of player id to share`, {
        path: '--target',
        hint: 'e.g. { DEU: 0.09, FRA: 0.08, … }',
        key: 'cli.design.notMapping',
        values: { path },
      });
    map = parsed as Record<string, unknown>;
  }
  for (const k of Object.keys(map))
    if (!ids.includes(k))
      throw new ConcordError('E_USAGE', `--target.${k}: "${k}" is not a player of this game`, {
        path: `--target.${k}`,
        hint: `Players: ${ids.join(', ')}.`,
        key: 'cli.design.notPlayer',
        values: { key: k, players: ids.join(', ') },
      });
  const t = ids.map((id) => {
    const v = map[id];
    if (typeof v !== 'number')
      throw new ConcordError('E_USAGE', `--target.${id}: no share for ${id}`, {
        path: `--target.${id}`,
        hint: 'Give a share for every player.',
        key: 'cli.design.noShare',
        values: { id },
      });
    return v;
  });
  checkTarget(t, '--target');
  return t;
}

type DesignText = CliText<NamespaceKeys<typeof cliDesign>>;

/** A number in scientific notation: "5.620e-5" in English, Intl's «5,620E-5» otherwise. */
export function scientific(c: { readonly locale: string }, x: number, digits: number): string {
  if (c.locale === 'en') return x.toExponential(digits);
  return new Intl.NumberFormat(intlTag(c.locale as 'ru'), {
    notation: 'scientific',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(x);
}

/** The weights found by `concord design`, as text in the locale of `c`. */
export function formatDesign(
  game: string,
  target: string,
  res: DesignResult,
  exact: PowerResult,
  players: ReadonlyArray<{ id: string; target: number; weight: number; banzhaf: number; deviation: number }>,
  ms: number,
  c: DesignText,
): string {
  const { t } = c;
  const en = c.locale === 'en';
  const pw = { t: translator(cliPower, c.locale) };
  const p2 = (x: number) => (en ? `${(x * 100).toFixed(2)}%` : c.fmt.percent(x, 2));
  const e3 = (x: number) => scientific(c, x, 3);
  return [
    t('design.title', { game, target }),
    t('design.quota', {
      quota: en ? String(res.quota) : c.fmt.number(res.quota, 0),
      total: en ? String(res.total) : c.fmt.number(res.total, 0),
      relative: p2(res.relativeQuota),
      passage: p2(exact.passageProbability),
    }),
    t('design.distance', {
      max: e3(res.maxDeviation),
      sum: e3(res.sumDeviation),
      count: res.iterations,
      iterations: String(res.iterations),
      best: String(res.bestIteration),
      startMax: e3(res.start.maxDeviation),
      startSum: e3(res.start.sumDeviation),
      ms: ms < 10 ? c.fixed(ms, 1) : en ? String(Math.round(ms)) : c.fmt.number(Math.round(ms), 0),
    }),
    '',
    table(
      [
        pw.t('power.col.player'),
        t('design.col.target'),
        t('design.col.weight'),
        pw.t('index.banzhaf'),
        t('design.col.deviation'),
      ],
      players.map((p) => [
        p.id,
        c.fixed(p.target, 5),
        String(p.weight),
        c.fixed(p.banzhaf, 5),
        (p.deviation >= 0 ? '+' : '') + scientific(c, p.deviation, 2),
      ]),
    ),
    t('design.exact', { algorithm: exact.algorithm }),
  ].join('\n');
}
