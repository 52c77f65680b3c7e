/**
 * `concord design FILE --target banzhaf:FILE|square-root [--field population] [--quota Q]
 * [--resolution N] [--max-iterations N] [--json]`: integer weights and a quota whose normalised
 * Banzhaf indices come closest to a target, by Leech's iterative method; exact indices at the end.
 */
import type { Command } from 'commander';
import { loadDataset } from '../../data/load.js';
import { ConcordError } from '../../errors.js';
import { loadOrganizations } from '../../org/load.js';
import { resolveGame } from '../../org/players.js';
import { checkTarget, designWeights, squareRootTarget } from '../../power/design.js';
import { DESIGN_OPTION_HELP } from '../../power/options.js';
import { computePower } from '../../power/power.js';
import { builtinGames, readGameFile } from '../../rules/load.js';
import { readUserFile } from '../../util/files.js';
import { json, table } from '../../util/format.js';
import { parseYamlText } from '../../util/validate.js';
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
    .option('--field <field>', 'the population field for square-root (default population)')
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
        const target = readTarget(opts.target, ids, game.players, opts.field ?? 'population', io.cwd);
        const num = (s: string | undefined, path: string) => {
          if (s === undefined) return undefined;
          const v = Number(s);
          if (!Number.isFinite(v))
            throw new ConcordError('E_USAGE', `${path}: "${s}" is not a number`, {
              path,
              hint: `Give ${path} a number.`,
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
            banzhaf: exact.players[i]!.banzhaf,
            banzhafFraction: exact.players[i]!.fractions?.banzhaf ?? null,
            deviation: exact.players[i]!.banzhaf - target[i]!,
          })),
        };
        if (opts.json) {
          io.out(json(out));
          return;
        }
        const lines = [
          `${game.name}: weights for the target ${opts.target} by Leech's iterative method`,
          `quota ${res.quota} of ${res.total} (${(res.relativeQuota * 100).toFixed(2)}%), passage probability ${(exact.passageProbability * 100).toFixed(2)}%`,
          `distance to the target: max |β − t| = ${res.maxDeviation.toExponential(3)}, Σ |β − t| = ${res.sumDeviation.toExponential(3)} after ${res.iterations} iterations (best at ${res.bestIteration}); the target itself as weights: max ${res.start.maxDeviation.toExponential(3)}, Σ ${res.start.sumDeviation.toExponential(3)}; ${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`,
          '',
          table(
            ['player', 'target', 'weight', 'Banzhaf', 'deviation'],
            out.players.map((p) => [
              p.id,
              p.target.toFixed(5),
              String(p.weight),
              p.banzhaf.toFixed(5),
              (p.deviation >= 0 ? '+' : '') + p.deviation.toExponential(2),
            ]),
          ),
          `exact Banzhaf indices (${exact.algorithm}) of the integer weights found`,
        ];
        io.out(lines.join('\n'));
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
        });
      return v;
    });
    return squareRootTarget(pops);
  }
  if (!spec.startsWith('banzhaf:'))
    throw new ConcordError('E_USAGE', `--target: "${spec}" is not a target`, {
      path: '--target',
      hint: 'Use square-root or banzhaf:FILE.',
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
      });
    map = parsed as Record<string, unknown>;
  }
  for (const k of Object.keys(map))
    if (!ids.includes(k))
      throw new ConcordError('E_USAGE', `--target.${k}: "${k}" is not a player of this game`, {
        path: `--target.${k}`,
        hint: `Players: ${ids.join(', ')}.`,
      });
  const t = ids.map((id) => {
    const v = map[id];
    if (typeof v !== 'number')
      throw new ConcordError('E_USAGE', `--target.${id}: no share for ${id}`, {
        path: `--target.${id}`,
        hint: 'Give a share for every player.',
      });
    return v;
  });
  checkTarget(t, '--target');
  return t;
}
