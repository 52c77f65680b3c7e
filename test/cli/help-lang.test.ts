/**
 * `concord --help` and `concord <command> --help` in Russian and Chinese (`--lang`, `CONCORD_LANG`),
 * through the injected IO: the commander tree is enumerated (every module registered on one
 * program), so a new command, option or argument without its `cli-help` key fails here; the
 * translated help keeps no English word of the English descriptions (flags, values and names
 * aside); the English help is byte for byte the help Concord printed before it was translated
 * (the snapshot).
 */
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { argumentKey, helpPath, optionKey } from '../../src/cli/help-i18n.js';
import { memoryIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { LOCALES } from '../../src/i18n/locale.js';
import { cliHelp } from '../../src/i18n/messages/cli-help/index.js';
import { translator } from '../../src/i18n/translate.js';
import { displayWidth } from '../../src/util/format.js';

/** Every command of the CLI, with its options and arguments: each module registered once. */
async function commandTree(): Promise<Command> {
  const program = new Command('concord');
  const seen = new Set<unknown>();
  for (const c of COMMANDS) {
    const mod = await c.load();
    if (seen.has(mod)) continue;
    seen.add(mod);
    mod.register(program, memoryIO());
  }
  return program;
}

interface Described {
  key: string;
  english: string;
}

/** Each command's argv (`['runs', 'list']`) and the keys and English texts of its help. */
function enumerate(program: Command): { argv: string[][]; described: Described[]; names: Set<string> } {
  // concord's own description and options are registered by main(), not by a module.
  const described: Described[] = [
    {
      key: 'program.summary',
      english: 'Concord: a computational laboratory for consensus-based international organizations',
    },
    { key: 'program.--debug', english: 'print stack traces on errors' },
    {
      key: 'program.--lang',
      english: 'language of the human output: en, ru or zh (default: $CONCORD_LANG, else en)',
    },
  ];
  const argv: string[][] = [[]];
  // The names in the help's terms: commands (and `help`), arguments.
  const names = new Set<string>(['help']);
  const walk = (cmd: Command, path: string[]) => {
    argv.push(path);
    names.add(cmd.name());
    for (const a of cmd.registeredArguments) names.add(a.name());
    described.push({ key: `${helpPath(cmd)}.summary`, english: cmd.description() });
    for (const a of cmd.registeredArguments)
      if (a.description) described.push({ key: argumentKey(cmd, a), english: a.description });
    for (const o of cmd.options)
      if (o.description) described.push({ key: optionKey(cmd, o), english: o.description });
    for (const s of cmd.commands) walk(s, [...path, s.name()]);
  };
  for (const c of program.commands) walk(c, [c.name()]);
  return { argv, described, names };
}

async function help(argv: string[], env: Record<string, string> = {}): Promise<string> {
  const io = memoryIO(env);
  const status = await main([...argv, '--help'], io);
  expect(status, `concord ${argv.join(' ')} --help`).toBe(0);
  expect(io.stderr).toEqual([]);
  return io.stdout.join('\n');
}

/** Words of the English help that may stay in a translation: values, names, units, formats. */
const KEPT = new Set(
  `concord Concord JSON CSV TSV XLSX YAML HTML API HTTP TCP URL SQLite Redis BullMQ DEU DECIDE KTAB ISO
  alpha UN EU CINC PATH FILE ID USD Nash Achen Saltelli Leech Louvain stderr stdout example org sco
  csto asean eu council shanghai five eec lisbon nice unsc majority two thirds double qmv consensus
  exact montecarlo enumerate banzhaf penrose shapley shubik coleman prevent initiate passage holler
  deegan packel johnston population gdp count votes table json csv text memorandum decision cinc
  milex me nu di co hr ec partners all agreement yn kappa compromise median nash eum exchange smp
  scenario long deu decide ktab equal actor capability scholz statusQuo veto equal gain inline threads
  bullmq rows summary forecast synthetic worst equality maxshare bloc cannot pass alone share id
  organization timeline facts claims capacity reform forecasts sweeps balance alignment fragmentation
  briefings uncertainty sweep list show score docs interop md sweeps yaml nurimbetov data html out
  report postgres redis concord sqlite square root api create token m h d w s n p X A B KAZ KGZ TJK UZB
  CHN RUS YYYY MM DD N en ru zh scenarios`.split(/\s+/),
);

/** Latin words left in a help once flags, option terms, `code`, names and values are taken out. */
function englishLeft(text: string, english: ReadonlySet<string>, names: ReadonlySet<string>): string[] {
  const left = new Set<string>();
  for (const line of text.split('\n')) {
    const body = line
      .replace(/^(?:Usage|Использование:|用法：).*$/, '')
      .replace(/`[^`]*`/g, ' ')
      .replace(/<[^>]*>|\[[^\]]*\]/g, ' ')
      .replace(/(?<![\w-])--?[A-Za-z][\w-]*/g, ' ')
      .replace(/\$?[A-Z]+_[A-Z_]+/g, ' ');
    for (const w of body.match(/[A-Za-z]+/g) ?? [])
      if (english.has(w) && !KEPT.has(w) && !names.has(w)) left.add(w);
  }
  return [...left].sort();
}

describe('concord --help in every language', async () => {
  const program = await commandTree();
  const { argv, described, names } = enumerate(program);
  const en = translator(cliHelp, 'en');

  it('enumerates the whole tree (commands, subcommands, options)', () => {
    expect(argv.length).toBeGreaterThan(COMMANDS.length);
    expect(described.length).toBeGreaterThan(200);
  });

  it('every command, option and argument has its key in every catalogue, English as registered', () => {
    const problems: string[] = [];
    for (const { key, english } of described) {
      for (const locale of LOCALES)
        if (cliHelp.catalogues[locale][key] === undefined) problems.push(`${locale}: no ${key}`);
      if (en.has(key) && en(key as never) !== english) problems.push(`en: ${key} is not "${english}"`);
    }
    expect(problems).toEqual([]);
  });

  it('the English help is the help Concord always printed (program and every command)', async () => {
    const out: Record<string, string> = {};
    for (const a of argv) out[['concord', ...a].join(' ')] = await help(a);
    expect(out).toMatchSnapshot();
    // English, asked for explicitly, is the same help.
    expect(await help(['forecast'], { CONCORD_LANG: 'en' })).toBe(out['concord forecast']);
    expect(await help(['forecast', '--lang', 'en'])).toBe(out['concord forecast']);
  });

  const english = new Set(
    [
      ...described.map((d) => d.english),
      'Usage: Options: Arguments: Commands: display help for command output the version number default choices',
    ].flatMap((s) => s.match(/[A-Za-z]+/g) ?? []),
  );

  for (const [lang, env] of [
    ['ru', 'ru'],
    ['zh', 'zh-Hans'],
  ] as const) {
    it(`--lang ${lang} and CONCORD_LANG=${env}: no English left in any help`, async () => {
      const left: Record<string, string[]> = {};
      for (const a of argv) {
        const text = await help([...a, '--lang', lang]);
        expect(await help(a, { CONCORD_LANG: env }), `CONCORD_LANG=${env} concord ${a.join(' ')}`).toBe(text);
        expect(text).not.toContain('Usage:');
        expect(text).not.toContain('display help for command');
        const words = englishLeft(text, english, names);
        if (words.length) left[['concord', ...a].join(' ')] = words;
      }
      expect(left).toEqual({});
    });
  }

  it('every line of every help fits in 80 columns in every language (wide characters count two)', async () => {
    const long: string[] = [];
    for (const lang of ['en', 'ru', 'zh'])
      for (const a of argv)
        for (const line of (await help([...a, '--lang', lang])).split('\n'))
          if (displayWidth(line) > 80)
            long.push(`${lang} concord ${a.join(' ')}: [${displayWidth(line)}] ${line}`);
    expect(long).toEqual([]);
  });

  it('the Chinese help breaks between characters, never inside a Latin word, never before 、，）', async () => {
    const zh = await help(['power', '--lang', 'zh']);
    const lines = zh.split('\n');
    // The --index description runs over three lines, each continuation at the description column.
    const at = lines.findIndex((l) => l.startsWith('  --index <names>'));
    expect(at).toBeGreaterThan(0);
    const column = lines[at]!.indexOf('要计算的指数');
    expect(lines[at + 1]!.slice(0, column).trim()).toBe('');
    const description = [
      lines[at]!.slice(column),
      lines[at + 1]!.slice(column),
      lines[at + 2]!.slice(column),
    ];
    expect(description.join('')).toContain('shapley-shubik、coleman-prevent、coleman-initiate、passage');
    for (const l of lines.slice(1)) expect(l.trimStart()).not.toMatch(/^[，。、：；）」》”]/);
    for (const id of ['shapley-shubik', 'coleman-prevent', 'deegan-packel', 'eu27-lisbon'])
      expect(zh).toContain(id);
  });

  it('commander words: defaults and choices are translated', async () => {
    const ru = await help(['--lang', 'ru']);
    expect(ru).toContain('Использование: concord [options] [command]');
    expect(ru).toContain('Команды:');
    expect(ru).toContain('показать справку по команде');
    const zh = await help(['forecast', '--lang', 'zh']);
    expect(zh).toContain('用法： concord forecast [options] <file>');
    expect(zh).toContain('选项：');
    expect(zh).toContain('--model <names...>');
  });
});
