/**
 * `concord power [FILE] [--org ID --at DATE] [--rule RULE] [--method exact|montecarlo|enumerate]
 * [--samples N] [--seed N] [--json]`: every power index of every player of a game.
 */
import type { Command } from 'commander';
import { loadDataset } from '../../data/load.js';
import { ConcordError } from '../../errors.js';
import { loadOrganizations } from '../../org/load.js';
import { resolveGame } from '../../org/players.js';
import { computePower, type Method, type PowerResult } from '../../power/power.js';
import { builtinGames, readGameFile, readRule } from '../../rules/load.js';
import { parseDate, todayIso } from '../../util/dates.js';
import { json, table } from '../../util/format.js';
import type { CliIO } from '../io.js';

const METHODS: Method[] = ['exact', 'montecarlo', 'enumerate'];

export function register(program: Command, io: CliIO): void {
  program
    .command('power')
    .description(
      'voting power of every player of a game: Penrose, Banzhaf, Shapley–Shubik, Coleman, Holler, Deegan–Packel, Johnston',
    )
    .argument('[file]', `a game file (YAML/JSON), or a built-in game: ${builtinGames().join(', ')}`)
    .option('--org <id>', "an organization's members as the players (instead of a file)")
    .option('--at <date>', 'the date for --org, YYYY-MM-DD (default: today)')
    .option('--add <iso3,…>', 'with --org: hypothetical members, comma-separated')
    .option(
      '--rule <rule>',
      'the rule: a name (majority, two-thirds, double-majority, eu-qmv, consensus), a file, or inline YAML',
    )
    .option(
      '--method <method>',
      'exact | montecarlo | enumerate (default: exact when feasible, else Monte Carlo)',
    )
    .option('--samples <n>', 'Monte Carlo draws (default 100000)')
    .option('--seed <n>', 'Monte Carlo seed (default 1)')
    .option('--json', 'print JSON')
    .action(
      (
        file: string | undefined,
        opts: {
          org?: string;
          at?: string;
          add?: string;
          rule?: string;
          method?: string;
          samples?: string;
          seed?: string;
          json?: boolean;
        },
      ) => {
        if (!file === !opts.org) {
          throw new ConcordError(
            'E_USAGE',
            file ? 'give a game file or --org, not both' : 'give a game file or --org',
            {
              path: file ? '--org' : 'file',
              hint: `Example: concord power eec-1958, or concord power --org sco --at 2024-07-04 --rule majority. Built-in games: ${builtinGames().join(', ')}.`,
            },
          );
        }
        if (opts.method && !METHODS.includes(opts.method as Method)) {
          throw new ConcordError('E_USAGE', `--method: "${opts.method}" is not a method`, {
            path: '--method',
            hint: `Use one of ${METHODS.join(', ')}.`,
          });
        }
        const num = (s: string | undefined, name: string) => {
          if (s === undefined) return undefined;
          const v = Number(s);
          if (!Number.isInteger(v) || v < 0)
            throw new ConcordError('E_USAGE', `${name}: "${s}" is not a non-negative integer`, {
              path: name,
              hint: `Give ${name} a whole number.`,
            });
          return v;
        };
        const rule = opts.rule ? readRule(opts.rule, io.cwd).rule : undefined;
        // Loaded only for a game drawn from an organization (a list of players needs neither).
        const ds = loadDataset;
        const registry = loadOrganizations;
        const game = file
          ? (() => {
              const g = readGameFile(file, io.cwd);
              return resolveGame(g.file, g.name, registry, ds, { rule });
            })()
          : resolveGame(
              {
                organization: opts.org!,
                at: parseDate(opts.at ?? todayIso(), '--at'),
                add: opts.add
                  ? opts.add
                      .split(',')
                      .map((s) => s.trim().toUpperCase())
                      .filter(Boolean)
                  : undefined,
              },
              opts.org!,
              registry,
              ds,
              { rule },
            );
        const t0 = performance.now();
        const result = computePower(game, {
          method: opts.method as Method | undefined,
          samples: num(opts.samples, '--samples'),
          seed: num(opts.seed, '--seed'),
        });
        const ms = performance.now() - t0;
        io.out(opts.json ? json(result) : formatPower(result, ms));
      },
    );
}

const f4 = (x: number | null) => (x === null ? '–' : x.toFixed(4));

export function formatPower(r: PowerResult, ms?: number): string {
  const lines: string[] = [];
  lines.push(`${r.game.name}: ${r.game.players} players`);
  lines.push(`rule: ${r.game.rule}`);
  lines.push(
    `method: ${r.method} (${r.algorithm}) — ${r.reason}${ms !== undefined ? `; ${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms` : ''}`,
  );
  const pp = `${(r.passageProbability * 100).toFixed(r.passageProbability < 0.01 ? 4 : 2)}%`;
  if (r.passageProbabilityFraction) {
    const frac = r.passageProbabilityFraction.length <= 24 ? `${r.passageProbabilityFraction} = ` : '';
    lines.push(
      `passage probability: ${frac}${pp} (${r.winningCoalitions} winning of ${r.totalCoalitions} coalitions)`,
    );
  } else {
    const [lo, hi] = r.passageProbabilityCI!;
    lines.push(
      `passage probability: ${pp} (95% interval ${(lo * 100).toFixed(2)}–${(hi * 100).toFixed(2)}%)`,
    );
  }
  if (r.minimalWinningCoalitions !== null)
    lines.push(`minimal winning coalitions: ${r.minimalWinningCoalitions}`);
  lines.push('');
  const rows = r.players.map((p) => [
    p.id,
    f4(p.penrose),
    f4(p.banzhaf),
    f4(p.shapleyShubik),
    f4(p.colemanPrevent),
    f4(p.colemanInitiate),
    f4(p.holler),
    f4(p.deeganPackel),
    f4(p.johnston),
    p.veto ? 'yes' : 'no',
  ]);
  lines.push(
    table(
      [
        'player',
        'Penrose',
        'Banzhaf',
        'Sh-Shubik',
        'Col.prev',
        'Col.init',
        'Holler',
        'D-Packel',
        'Johnston',
        'veto',
      ],
      rows,
    ),
  );
  const small =
    r.players.length <= 12 && r.players.every((p) => p.fractions && (p.fractions.banzhaf ?? '').length <= 12);
  if (small) {
    lines.push('', 'exact values');
    lines.push(
      table(
        ['player', 'Banzhaf', 'Shapley–Shubik', 'Penrose', 'Holler', 'Deegan–Packel', 'Johnston'],
        r.players.map((p) => [
          p.id,
          p.fractions!.banzhaf ?? '–',
          p.fractions!.shapleyShubik ?? '–',
          p.fractions!.penrose ?? '–',
          p.fractions!.holler ?? '–',
          p.fractions!.deeganPackel ?? '–',
          p.fractions!.johnston ?? '–',
        ]),
      ),
    );
  }
  if (r.method === 'montecarlo') {
    lines.push('', '95% intervals');
    lines.push(
      table(
        ['player', 'Penrose', 'Banzhaf', 'Shapley–Shubik'],
        r.players.map((p) => {
          const iv = (k: string) => {
            const v = p.ci?.[k];
            return v ? `${v[0].toFixed(4)}–${v[1].toFixed(4)}` : '–';
          };
          return [p.id, iv('penrose'), iv('banzhaf'), iv('shapleyShubik')];
        }),
      ),
    );
  }
  for (const n of r.notes) lines.push(`note: ${n}`);
  for (const n of r.game.notes) lines.push(`data: ${n}`);
  for (const s of r.game.source) lines.push(`source: ${s}`);
  return lines.join('\n');
}
