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
import { type ConcordError, isConcordError } from '../errors.js';
import { DEFAULT_LOCALE, type Locale, localeFromEnv, parseLocale } from '../i18n/locale.js';
import { COMMANDS, invokedCommand } from './commands/index.js';
import { type CliIO, processIO } from './io.js';

/** The value of `--lang X` / `--lang=X` in argv (before a `--`), or undefined. */
function langArg(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') return undefined;
    if (a === '--lang') return argv[i + 1] ?? '';
    if (a.startsWith('--lang=')) return a.slice('--lang='.length);
  }
  return undefined;
}

/** Prints a ConcordError in the locale (the errors catalogue is loaded only when an error is printed). */
async function printError(io: CliIO, e: ConcordError, locale: Locale, debug: boolean): Promise<void> {
  let shown: { code: string; message: string; hint?: string } = e;
  let line = `error [${e.code}] ${e.message}`;
  let hint = e.hint ? `hint: ${e.hint}` : undefined;
  if (locale !== DEFAULT_LOCALE) {
    const [{ localizeError, prepareErrorLocale }, { errors }, { translator }] = await Promise.all([
      import('../i18n/errors.js'),
      import('../i18n/messages/errors/index.js'),
      import('../i18n/translate.js'),
    ]);
    await prepareErrorLocale(locale);
    shown = localizeError(e, locale);
    const t = translator(errors, locale);
    line = t('label.error', { code: shown.code, message: shown.message });
    hint = shown.hint ? t('label.hint', { hint: shown.hint }) : undefined;
  }
  io.err(line);
  if (hint) io.err(`  ${hint}`);
  if (debug && e.stack) io.err(e.stack);
}

export async function main(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  const debug = argv.includes('--debug');
  let locale: Locale = DEFAULT_LOCALE;
  try {
    const lang = langArg(argv);
    locale = lang === undefined ? localeFromEnv(io.env) : parseLocale(lang, '--lang');
  } catch (e) {
    if (!isConcordError(e)) throw e;
    await printError(io, e, DEFAULT_LOCALE, debug);
    return 2;
  }
  const caller = io;
  if (locale !== DEFAULT_LOCALE) io = { ...io, locale };
  // commander's usage errors in the user's language (loaded only when the locale is not English).
  const usage = locale === DEFAULT_LOCALE ? undefined : await import('./usage-errors.js');
  const writeErr = (s: string) => {
    const text = s.replace(/\n$/, '');
    io.err(usage ? usage.translateUsage(text, locale) : text);
  };
  installYamlCache();
  const program = new Command('concord')
    .description('Concord: a computational laboratory for consensus-based international organizations')
    .version(packageVersion(), '-V, --version')
    .option('--debug', 'print stack traces on errors')
    .option('--lang <code>', 'language of the human output: en, ru or zh (default: $CONCORD_LANG, else en)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s.replace(/\n$/, '')),
      writeErr,
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
      writeErr,
    });
  // The help in the user's language (its catalogue is loaded only when the locale is not English).
  if (locale !== DEFAULT_LOCALE) (await import('./help-i18n.js')).localizeHelp(program, locale);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' && caller === processIO ? process.exitCode : 0;
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
      await printError(io, e, locale, debug);
      return 2;
    }
    const message = (e as Error)?.message ?? String(e);
    let internal = {
      line: `internal error: ${message}`,
      hint: '(run with --debug for the stack trace, and please report it)',
    };
    if (locale !== DEFAULT_LOCALE) {
      const [{ errors }, { translator }] = await Promise.all([
        import('../i18n/messages/errors/index.js'),
        import('../i18n/translate.js'),
      ]);
      const t = translator(errors, locale);
      internal = { line: t('label.internal', { message }), hint: t('label.internalHint') };
    }
    io.err(internal.line);
    if (debug && e instanceof Error && e.stack) io.err(e.stack);
    else io.err(`  ${internal.hint}`);
    return 1;
  }
}
