/**
 * `concord --help` and `concord <command> --help` in the user's language: once the commander tree
 * is built, main() hands it here (only when the locale is not English) and every command's help is
 * configured to word its descriptions, option and argument descriptions and commander's own words
 * ("Usage:", "(default: …)") from the `cli-help` namespace. Keys: `<command path>.summary` (its
 * description, e.g. `forecast.summary`, `runs.list.summary`; `program.summary` for concord itself),
 * `<command path>.<long flag>` (`forecast.--model`), `<command path>.<arg>` (`forecast.<file>`), and
 * `help.*` for commander's words. A missing key falls back to the English text. The messages are
 * plain (no plural or select), so the help is formatted without ICU.
 *
 * commander measures and wraps the help by UTF-16 length and at spaces only, which runs Chinese
 * lines past the terminal's width (a Chinese sentence has no space to break at, and each character
 * takes two columns). The translated help is measured in columns and wrapped by src/util/wrap.ts
 * instead (breaks between Chinese characters, never inside a Latin word or a number, never before
 * closing punctuation). English keeps commander's own wrapping, byte for byte.
 */
import { stripVTControlCharacters } from 'node:util';
import { type Argument, type Command, Help, type Option } from 'commander';
import type { Locale } from '../i18n/locale.js';
import { cliHelp } from '../i18n/messages/cli-help/index.js';
import { translator } from '../i18n/translate.js';
import { displayWidth } from '../util/format.js';
import { wrapText } from '../util/wrap.js';

/** The columns of help text, ANSI styles (commander's, none by default) aside. */
export function helpWidthOf(str: string): number {
  return displayWidth(stripVTControlCharacters(str));
}

/**
 * Help text wrapped at `width` columns (commander's `boxWrap`: each line of `str` by itself, its
 * leading spaces kept on its first line, trailing spaces dropped), by src/util/wrap.ts.
 */
export function wrapHelp(str: string, width: number): string {
  return str
    .split(/\r\n|\n/)
    .map((line) => {
      const lead = /^ */.exec(line)![0];
      const body = line.slice(lead.length);
      if (!body.trim()) return '';
      const wrapped = wrapText(body, width - lead.length, '').split('\n');
      return wrapped.map((l, i) => (i === 0 ? lead : '') + l.trimEnd()).join('\n');
    })
    .join('\n');
}

/** A command's key path: `program` for the root, else its names below the root joined by dots. */
export function helpPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  return names.length ? names.join('.') : 'program';
}

/** The key of an option's description under its command. */
export function optionKey(cmd: Command, option: Option): string {
  return `${helpPath(cmd)}.${option.long ?? option.short}`;
}

/** The key of an argument's description under its command. */
export function argumentKey(cmd: Command, argument: Argument): string {
  return `${helpPath(cmd)}.<${argument.name()}>`;
}

const TITLES: Readonly<Record<string, string>> = {
  'Usage:': 'help.usage',
  'Options:': 'help.options',
  'Arguments:': 'help.arguments',
  'Commands:': 'help.commands',
  'Global Options:': 'help.globalOptions',
};

/** Configures the help of `program` and every command below it to be written in `locale`. */
export function localizeHelp(program: Command, locale: Locale): void {
  const t = translator(cliHelp, locale);
  const owners = new Map<Option | Argument, Command>();
  const all: Command[] = [];
  const collect = (cmd: Command) => {
    all.push(cmd);
    for (const o of cmd.options) owners.set(o, cmd);
    for (const a of cmd.registeredArguments) owners.set(a, cmd);
    for (const s of cmd.commands) collect(s);
  };
  collect(program);
  const base = new Help();
  const extra = (item: Option | Argument, showDefault: boolean, description: string): string => {
    const info: string[] = [];
    if (item.argChoices)
      info.push(t('help.choices', { choices: item.argChoices.map((c) => JSON.stringify(c)).join(', ') }));
    if (item.defaultValue !== undefined && showDefault)
      info.push(
        t('help.default', { value: item.defaultValueDescription || JSON.stringify(item.defaultValue) }),
      );
    const o = item as Option;
    if (o.presetArg !== undefined && o.optional)
      info.push(t('help.preset', { value: JSON.stringify(o.presetArg) }));
    if (o.envVar !== undefined) info.push(t('help.env', { name: o.envVar }));
    if (info.length === 0) return description;
    const extraDescription = `(${info.join(', ')})`;
    return description ? `${description} ${extraDescription}` : extraDescription;
  };
  const describeOption = (option: Option): string => {
    const owner = owners.get(option);
    if (option.long === '--help' && option.description === 'display help for command')
      return t('help.helpOption');
    if (option.long === '--version' && option.description === 'output the version number')
      return t('help.version');
    return owner ? t.or(optionKey(owner, option), option.description) : option.description;
  };
  const config: Partial<Help> = {
    displayWidth: helpWidthOf,
    boxWrap(this: Help, str: string, width: number): string {
      return width < this.minWidthToWrap ? str : wrapHelp(str, width);
    },
    styleTitle: (str) => (TITLES[str] ? t.or(TITLES[str], str) : str),
    commandDescription: (cmd) => t.or(`${helpPath(cmd)}.summary`, base.commandDescription(cmd)),
    subcommandDescription: (cmd) => {
      // commander's own help command (not in the tree: it is made when the help is shown).
      if (!all.includes(cmd) && cmd.name() === 'help' && cmd.description() === 'display help for command')
        return t('help.helpCommand');
      return t.or(`${helpPath(cmd)}.summary`, base.subcommandDescription(cmd));
    },
    optionDescription: (option) => {
      const showDefault =
        option.required ||
        option.optional ||
        (option.isBoolean() && typeof option.defaultValue === 'boolean');
      return extra(option, showDefault, describeOption(option));
    },
    argumentDescription: (argument) => {
      const owner = owners.get(argument);
      const description = owner
        ? t.or(argumentKey(owner, argument), argument.description)
        : argument.description;
      return extra(argument, true, description);
    },
  };
  for (const cmd of all) cmd.configureHelp({ ...cmd.configureHelp(), ...config });
}
