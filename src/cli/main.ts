/**
 * The `concord` command line: a thin layer over the library. Each command lives in
 * ./commands/<name>.ts and is listed in ./commands/index.ts.
 *
 * Exit status: 0 on success, 2 on a user error (bad input, unknown id; a ConcordError or a usage
 * error), 1 on an internal error. Stack traces only with --debug.
 */
import { Command, CommanderError } from 'commander';
import { packageVersion } from '../data/load.js';
import { isConcordError } from '../errors.js';
import { COMMANDS } from './commands/index.js';
import { type CliIO, processIO } from './io.js';

export async function main(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  const debug = argv.includes('--debug');
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
  for (const register of COMMANDS) register(program, io);
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
