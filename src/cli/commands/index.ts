/**
 * The commands of the `concord` CLI, in the order of its help, as a lazy table: each entry names a
 * command, gives the line the top-level help shows for it, and loads its module only when asked.
 * `concord power …` imports ./power.js and nothing else of the other commands; `concord --help`
 * imports none (test/cli/startup.test.ts checks that `term` and `summary` match what each module
 * registers, so the help cannot drift from the commands).
 */
import type { Command } from 'commander';
import type { CliIO } from '../io.js';

export interface CommandModule {
  /** Adds the module's command(s) to the program. Must do nothing else: no I/O, no heavy imports. */
  register(program: Command, io: CliIO): void;
}

export interface CommandEntry {
  readonly name: string;
  /** The command's line in the help's list: name, `[options]` and arguments. */
  readonly term: string;
  /** Its description, as registered by the module. */
  readonly summary: string;
  readonly load: () => Promise<CommandModule>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'org',
    term: 'org [options] <org>',
    summary: 'an organization on a date: members, partners, chair and aggregate facts',
    load: () => import('./org.js'),
  },
  {
    name: 'orgs',
    term: 'orgs [options]',
    summary: 'list the organizations (built-in and those of CONCORD_ORG_PATH)',
    load: () => import('./org.js'),
  },
  {
    name: 'timeline',
    term: 'timeline [options] <org>',
    summary: 'the dated events of an organization (with its predecessors)',
    load: () => import('./timeline.js'),
  },
  {
    name: 'claims',
    term: 'claims [options] [file]',
    summary:
      "check a paper's quantitative claims against the data (default: the seed paper, data/claims/nurimbetov-2021.yaml)",
    load: () => import('./claims.js'),
  },
  {
    name: 'country',
    term: 'country [options] <iso3>',
    summary: "a state's data on a date, and its status in each organization",
    load: () => import('./country.js'),
  },
  {
    name: 'countries',
    term: 'countries [options]',
    summary: 'list the UN member states in the data',
    load: () => import('./country.js'),
  },
  {
    name: 'power',
    term: 'power [options] [file]',
    summary:
      'voting power of every player of a game: Penrose, Banzhaf, Shapley–Shubik, Coleman, Holler, Deegan–Packel, Johnston',
    load: () => import('./power.js'),
  },
  {
    name: 'quota',
    term: 'quota [options] [file]',
    summary:
      'power and passage probability against the quota of a weighted game: every quota, the jumps, the square-root optimal quota',
    load: () => import('./quota.js'),
  },
  {
    name: 'design',
    term: 'design [options] <file>',
    summary:
      "integer weights and a quota whose Banzhaf indices come closest to a target (Leech's iterative method): square-root rule or a file",
    load: () => import('./design.js'),
  },
  {
    name: 'capacity',
    term: 'capacity [options] <org>',
    summary:
      'capacity to decide at each membership stage: passage probability and blocking power under several rules',
    load: () => import('./capacity.js'),
  },
  {
    name: 'reform',
    term: 'reform [options] <org>',
    summary:
      'reform explorer: the rules of a documented family that satisfy your constraints, ranked, with their figures at every stage',
    load: () => import('./reform.js'),
  },
  {
    name: 'balance',
    term: 'balance [options] <org>',
    summary:
      "the balance of power inside an organization: members' shares of a yardstick and their concentration, per year and at each enlargement",
    load: () => import('./balance.js'),
  },
  {
    name: 'alignment',
    term: 'alignment [options] [org]',
    summary: 'who votes with whom in the UN General Assembly: agreement, camps, cohesion across enlargements',
    load: () => import('./alignment.js'),
  },
  {
    name: 'forecast',
    term: 'forecast [options] <file>',
    summary:
      'forecast each issue of a scenario with every model (consensus, compromise, median, nash, eum, exchange, smp)',
    load: () => import('./forecast.js'),
  },
  {
    name: 'backtest',
    term: 'backtest [options] <path>',
    summary: 'score every model against the observed outcomes of the cases in PATH (a file or a directory)',
    load: () => import('./backtest.js'),
  },
  {
    name: 'reliability',
    term: 'reliability [options] <path>',
    summary: "coder agreement: Krippendorff's alpha of the coded positions and saliences, per issue and file",
    load: () => import('./reliability.js'),
  },
  {
    name: 'registry',
    term: 'registry',
    summary: 'registered forecasts (concord forecast FILE --register): list, show, score',
    load: () => import('./registry.js'),
  },
  {
    name: 'report',
    term: 'report [options]',
    summary: 'write the HTML report (default out/sco-report.html) and print its summary',
    load: () => import('./report.js'),
  },
  {
    name: 'sweep',
    term: 'sweep [options] [file]',
    summary: 'Monte Carlo uncertainty sweep of a scenario: seeded, stored, resumable (docs/sweeps.md)',
    load: () => import('./sweep.js'),
  },
  {
    name: 'runs',
    term: 'runs',
    summary: 'list, show and export stored runs (sweeps)',
    load: () => import('./runs.js'),
  },
  {
    name: 'worker',
    term: 'worker [options]',
    summary: 'compute sweep batches from Redis (BullMQ) into the shared store, until interrupted',
    load: () => import('./worker.js'),
  },
  {
    name: 'serve',
    term: 'serve [options]',
    summary: 'serve the web lab and the JSON API (docs at /api/docs)',
    load: () => import('./serve.js'),
  },
  {
    name: 'token',
    term: 'token',
    summary: 'bearer tokens for the HTTP API (one workspace each)',
    load: () => import('./token.js'),
  },
];

/** The name of the command `argv` invokes (`help NAME` counts as NAME), or null. */
export function invokedCommand(argv: readonly string[]): string | null {
  const words = argv.filter((a) => !a.startsWith('-'));
  const first = words[0] === 'help' ? words[1] : words[0];
  return first ?? null;
}
