/**
 * `concord power [FILE] [--org ID --at DATE] [--rule RULE] [--method exact|montecarlo|enumerate]
 * [--index NAME,…] [--samples N] [--seed N] [--json]`: the power indices of every player of a game
 * (all of them, or only those named by --index).
 */
import type { Command } from 'commander';
import type { Dataset } from '../../data/dataset.js';
import { loadDataset } from '../../data/load.js';
import { ConcordError } from '../../errors.js';
import { cliPower } from '../../i18n/messages/cli-power/index.js';
import { POWER_INDEX_NAMES, type PowerIndexName, parseIndexList } from '../../power/indices.js';
import { DEFAULT_SAMPLES, POWER_METHODS, POWER_OPTION_HELP } from '../../power/options.js';
import { computePower, type Method, type PowerResult } from '../../power/power.js';
import { powerCsv } from '../../power/tidy.js';
import { type Game, type GameFile, gameFromPlayers } from '../../rules/game.js';
import { builtinGames, readGameFile, readRule } from '../../rules/load.js';
import type { Rule } from '../../rules/schema.js';
import { parseDate, todayIso } from '../../util/dates.js';
import { json, table } from '../../util/format.js';
import { LONG_MS, warnIfLong } from '../estimate.js';
import { type CliText, cliText, type NamespaceKeys } from '../i18n.js';
import type { CliIO } from '../io.js';
import { FORMAT_OPTION_HELP, outputFormat } from '../output.js';
import { powerEstimateMs } from '../power-estimate.js';
import { blocsOf, formatBlocs, withBlocs } from './blocs.js';

const METHODS: readonly Method[] = POWER_METHODS;

export function register(program: Command, io: CliIO): void {
  program
    .command('power')
    .description(
      'voting power of every player of a game: Penrose, Banzhaf, Shapley–Shubik, Coleman, Holler, Deegan–Packel, Johnston',
    )
    .argument('[file]', `a game file (YAML/JSON), or a built-in game: ${builtinGames().join(', ')}`)
    .option(
      '--org <org>',
      "an organization's members as the players (an id or the path of an organization file)",
    )
    .option('--at <date>', 'the date for --org, YYYY-MM-DD (default: today)')
    .option('--add <iso3,…>', 'with --org: hypothetical members, comma-separated')
    .option(
      '--rule <rule>',
      'the rule: a name (majority, two-thirds, double-majority, eu-qmv, consensus), a file, or inline YAML',
    )
    .option('--method <method>', POWER_OPTION_HELP.method)
    .option(
      '--index <names>',
      `the indices to compute, comma-separated (default all): ${POWER_INDEX_NAMES.join(', ')}`,
    )
    .option(
      '--unions <blocs>',
      'a priori unions: ids comma-separated, unions separated by ";" (e.g. "KAZ,KGZ,TJK,UZB;CHN,RUS"); adds Owen, Banzhaf–Owen and symmetric coalitional Banzhaf',
    )
    .option('--samples <n>', POWER_OPTION_HELP.samples)
    .option('--seed <n>', POWER_OPTION_HELP.seed)
    .option('--json', 'print JSON')
    .option('--format <fmt>', FORMAT_OPTION_HELP)
    .action(
      async (
        file: string | undefined,
        opts: {
          org?: string;
          at?: string;
          add?: string;
          rule?: string;
          method?: string;
          index?: string;
          unions?: string;
          samples?: string;
          seed?: string;
          json?: boolean;
          format?: string;
        },
      ) => {
        if (!file === !opts.org) {
          throw new ConcordError(
            'E_USAGE',
            file ? 'give a game file or --org, not both' : 'give a game file or --org',
            {
              path: file ? '--org' : 'file',
              hint: `Example: concord power eec-1958, or concord power --org sco --at 2024-07-04 --rule majority. Built-in games: ${builtinGames().join(', ')}.`,
              key: file ? 'cli.power.fileAndOrg' : 'cli.power.fileOrOrg',
              values: { games: builtinGames().join(', ') },
            },
          );
        }
        if (opts.method && !METHODS.includes(opts.method as Method)) {
          throw new ConcordError('E_USAGE', `--method: "${opts.method}" is not a method`, {
            path: '--method',
            hint: `Use one of ${METHODS.join(', ')}.`,
            key: 'cli.power.badMethod',
            values: { method: opts.method, methods: METHODS.join(', ') },
          });
        }
        const num = (s: string | undefined, name: string) => {
          if (s === undefined) return undefined;
          const v = Number(s);
          if (!Number.isInteger(v) || v < 0)
            throw new ConcordError('E_USAGE', `${name}: "${s}" is not a non-negative integer`, {
              path: name,
              hint: `Give ${name} a whole number.`,
              key: 'cli.power.notCount',
              values: { name, input: s },
            });
          return v;
        };
        const indices = parseIndexList(opts.index, '--index');
        const rule = opts.rule ? readRule(opts.rule, io.cwd).rule : undefined;
        // The organizations' modules, registry and data are loaded only for a game drawn from an
        // organization: a game file that lists its players needs none of them (≈15 ms at start-up).
        const ds = loadDataset;
        const g = file ? readGameFile(file, io.cwd) : null;
        const game = g?.file.players
          ? { ...gameFromPlayers(g.file, g.name), ...(rule ? { rule } : {}) }
          : await gameOfOrganization(g, opts, rule, io, ds);
        const n = game.players.length;
        const samples = num(opts.samples, '--samples');
        // the note's words (and the catalogue's ICU plurals) only when it is printed
        const estimate = powerEstimateMs(game, { method: opts.method, samples, indices });
        if (estimate >= LONG_MS) {
          const pt = cliText(io, cliPower).t;
          warnIfLong(
            io,
            estimate,
            opts.method === 'montecarlo'
              ? pt('long.montecarlo', { samples: samples ?? DEFAULT_SAMPLES, players: n })
              : pt('long.exact', { players: n }),
            opts.method === 'montecarlo' ? pt('long.fasterMontecarlo') : pt('long.fasterExact'),
          );
        }
        const t0 = performance.now();
        const result = computePower(game, {
          method: opts.method as Method | undefined,
          indices,
          samples,
          seed: num(opts.seed, '--seed'),
        });
        const blocs = blocsOf(game, opts.unions);
        const ms = performance.now() - t0;
        const fmt = outputFormat(opts);
        io.out(
          fmt === 'csv'
            ? powerCsv(result).replace(/\n$/, '')
            : fmt === 'json'
              ? json(blocs ? withBlocs(result, blocs) : result)
              : (() => {
                  const c = cliText(io, cliPower);
                  return `${formatPower(result, ms, c)}${blocs ? formatBlocs(blocs, c) : ''}`;
                })(),
        );
      },
    );
}

/**
 * The game of an organization's members: `--org ID|FILE [--at] [--add]`, or a game file that names
 * an organization instead of listing players (with the organizations shipped or on
 * CONCORD_ORG_PATH).
 */
async function gameOfOrganization(
  g: { file: GameFile; name: string } | null,
  opts: { org?: string; at?: string; add?: string },
  rule: Rule | undefined,
  io: CliIO,
  ds: () => Dataset,
): Promise<Game> {
  const [{ loadOrganizations, openOrganization }, { resolveGame }] = await Promise.all([
    import('../../org/load.js'),
    import('../../org/players.js'),
  ]);
  if (g) return resolveGame(g.file, g.name, loadOrganizations, ds, { rule });
  const opened = openOrganization(opts.org!, io.cwd);
  return resolveGame(
    {
      organization: opened.org.id,
      at: parseDate(opts.at ?? todayIso(), '--at'),
      add: opts.add
        ? opts.add
            .split(',')
            .map((s) => s.trim().toUpperCase())
            .filter(Boolean)
        : undefined,
    },
    opened.org.id,
    () => opened.registry,
    ds,
    { rule },
  );
}

type PowerText = CliText<NamespaceKeys<typeof cliPower>>;

/** The power indices as text in the locale of `c` (method, reason and notes are the library's, in English). */
export function formatPower(r: PowerResult, ms: number | undefined, c: PowerText): string {
  const { t } = c;
  const en = c.locale === 'en';
  const f4 = (x: number | null) => (x === null ? '–' : c.fixed(x, 4));
  const lines: string[] = [];
  lines.push(t('power.players', { name: r.game.name, count: r.game.players, n: String(r.game.players) }));
  lines.push(t('power.rule', { rule: r.game.rule }));
  const method = { method: r.method, algorithm: r.algorithm, reason: r.reason };
  lines.push(
    ms === undefined
      ? t('power.method', method)
      : t('power.methodMs', { ...method, ms: ms < 10 ? c.fixed(ms, 1) : c.fixed(Math.round(ms), 0) }),
  );
  const digits = r.passageProbability < 0.01 ? 4 : 2;
  const pp = en
    ? `${(r.passageProbability * 100).toFixed(digits)}%`
    : c.fmt.percent(r.passageProbability, digits);
  const count = (x: string | null) =>
    en || x === null || x.length > 15 ? (x ?? '') : c.fmt.number(Number(x), 0);
  if (r.passageProbabilityFraction) {
    const frac = r.passageProbabilityFraction.length <= 24 ? `${r.passageProbabilityFraction} = ` : '';
    lines.push(
      t('power.passageExact', {
        fraction: frac,
        pct: pp,
        winning: count(r.winningCoalitions),
        total: count(r.totalCoalitions),
      }),
    );
  } else {
    const [lo, hi] = r.passageProbabilityCI!;
    lines.push(t('power.passageCI', { pct: pp, lo: c.fixed(lo * 100, 2), hi: c.fixed(hi * 100, 2) }));
  }
  if (r.minimalWinningCoalitions !== null)
    lines.push(t('power.minimal', { count: count(String(r.minimalWinningCoalitions)) }));
  lines.push('');
  const asked = new Set(r.indices ?? POWER_INDEX_NAMES);
  const columns = COLUMNS.filter((x) => asked.has(x.index));
  const yes = t('power.yes');
  const no = t('power.no');
  const player = t('power.col.player');
  const rows = r.players.map((p) => [p.id, ...columns.map((x) => f4(p[x.field])), p.veto ? yes : no]);
  lines.push(table([player, ...columns.map((x) => t(`index.${x.field}`)), t('power.col.veto')], rows));
  const exact = EXACT_COLUMNS.filter((x) => asked.has(x.index));
  const small =
    r.players.length <= 12 && r.players.every((p) => p.fractions && (p.fractions.banzhaf ?? '').length <= 12);
  if (small && exact.length) {
    lines.push('', t('power.exact'));
    lines.push(
      table(
        [player, ...exact.map((x) => t(`long.${x.field}`))],
        r.players.map((p) => [p.id, ...exact.map((x) => p.fractions![x.field] ?? '–')]),
      ),
    );
  }
  const intervals = EXACT_COLUMNS.filter(
    (x) => asked.has(x.index) && ['penrose', 'banzhaf', 'shapleyShubik'].includes(x.field),
  );
  if (r.method === 'montecarlo' && intervals.length) {
    lines.push('', t('power.intervals'));
    lines.push(
      table(
        [player, ...intervals.map((x) => t(`long.${x.field}`))],
        r.players.map((p) => {
          const iv = (k: string) => {
            const v = p.ci?.[k];
            return v ? `${c.fixed(v[0], 4)}–${c.fixed(v[1], 4)}` : '–';
          };
          return [p.id, ...intervals.map((x) => iv(x.field))];
        }),
      ),
    );
  }
  for (const n of r.notes) lines.push(t('note', { note: n }));
  for (const n of r.game.notes) lines.push(t('data', { note: n }));
  for (const s of r.game.source) lines.push(t('source', { source: s }));
  return lines.join('\n');
}

type Field =
  | 'penrose'
  | 'banzhaf'
  | 'shapleyShubik'
  | 'colemanPrevent'
  | 'colemanInitiate'
  | 'holler'
  | 'deeganPackel'
  | 'johnston';

const COLUMNS: ReadonlyArray<{ index: PowerIndexName; field: Field }> = [
  { index: 'penrose', field: 'penrose' },
  { index: 'banzhaf', field: 'banzhaf' },
  { index: 'shapley-shubik', field: 'shapleyShubik' },
  { index: 'coleman-prevent', field: 'colemanPrevent' },
  { index: 'coleman-initiate', field: 'colemanInitiate' },
  { index: 'holler', field: 'holler' },
  { index: 'deegan-packel', field: 'deeganPackel' },
  { index: 'johnston', field: 'johnston' },
];

const EXACT_COLUMNS: ReadonlyArray<{
  index: PowerIndexName;
  field: Exclude<Field, 'colemanPrevent' | 'colemanInitiate'>;
}> = [
  { index: 'banzhaf', field: 'banzhaf' },
  { index: 'shapley-shubik', field: 'shapleyShubik' },
  { index: 'penrose', field: 'penrose' },
  { index: 'holler', field: 'holler' },
  { index: 'deegan-packel', field: 'deeganPackel' },
  { index: 'johnston', field: 'johnston' },
];
