/**
 * The `concord` command line: a thin layer over the library. Each command lives in
 * ./commands/<name>.ts and is listed in the lazy table of ./commands/index.ts: only the invoked
 * command's module is imported; the others are listed in the help from the table alone.
 *
 * Exit status: 0 on success, 2 on a user error (bad input, unknown id; a ConcordError or a usage
 * error), 1 on an internal error. Stack traces only with --debug.
 */
import { Command, CommanderError, Help } from 'commander';
import { packageVersion } from '../data/load.js';
import { installYamlCache } from '../data/yaml-cache.js';
import { isConcordError } from '../errors.js';
import { COMMANDS, invokedCommand } from './commands/index.js';
import { type CliIO, processIO } from './io.js';

export async function main(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  const debug = argv.includes('--debug');
  installYamlCache();
  const program = new Command('concord')
    .description('Concord: a computational laboratory for consensus-based international organizations')
    .version(packageVersion(), '-V, --version')
    .option('--debug', 'print stack traces on errors')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s.replace(/\n$/, '')),
      writeErr: (s) => io.err(s.replace(/\n$/, '')),
    });
  const wanted = invokedCommand(argv);
  const entry = COMMANDS.find((c) => c.name === wanted);
  if (entry) (await entry.load()).register(program, io);
  // Every other command is a placeholder from the table: enough for the help and for
  // commander's "unknown command … did you mean" (a placeholder is never run: its module is
  // loaded when it is the one invoked).
  const placeholders = new Map<Command, string>();
  for (const c of COMMANDS) {
    if (program.commands.some((k) => k.name() === c.name)) continue;
    placeholders.set(program.command(c.name).description(c.summary), c.term);
  }
  const order = new Map(COMMANDS.map((c, i) => [c.name, i]));
  (program.commands as Command[]).sort((a, b) => (order.get(a.name()) ?? 0) - (order.get(b.name()) ?? 0));
  program.configureHelp({
    subcommandTerm: (cmd) => placeholders.get(cmd) ?? new Help().subcommandTerm(cmd),
  });
  for (const c of program.commands)
    c.exitOverride().configureOutput({
      writeOut: (s) => io.out(s.replace(/\n$/, '')),
      writeErr: (s) => io.err(s.replace(/\n$/, '')),
    });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' && io === processIO ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (
        e.code === 'commander.helpDisplayed' ||
        e.code === 'commander.version' ||
        e.code === 'commander.help'
      )
        return 0;
      return 2;
    }
    if (isConcordError(e)) {
      io.err(`error [${e.code}] ${e.message}`);
      if (e.hint) io.err(`  hint: ${e.hint}`);
      if (debug && e.stack) io.err(e.stack);
      return 2;
    }
    io.err(`internal error: ${(e as Error)?.message ?? String(e)}`);
    if (debug && e instanceof Error && e.stack) io.err(e.stack);
    else io.err('  (run with --debug for the stack trace, and please report it)');
    return 1;
  }
}
