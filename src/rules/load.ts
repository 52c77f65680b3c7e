/**
 * Node-side loading of games and rules: a game file given by path, a built-in game by id
 * (data/games/<id>.yaml), an organization on a date, and rules given inline, by file or by name.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { packageRoot, readText } from '../data/load.js';
import { ConcordError } from '../errors.js';
import { readUserFile } from '../util/files.js';
import { parseYamlText, validate } from '../util/validate.js';
import { describeRule } from './evaluate.js';
import { type GameFile, parseGameFile } from './game.js';
import { type Rule, RuleSchema } from './schema.js';

export const GAMES_DIR = 'data/games';

/** Ids of the built-in games (data/games/*.yaml). */
export function builtinGames(): string[] {
  const dir = join(packageRoot(), GAMES_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => f.replace(/\.ya?ml$/, ''))
    .sort();
}

export function loadBuiltinGameFile(id: string): GameFile {
  const rel = `${GAMES_DIR}/${id}.yaml`;
  return parseGameFile(readText(rel), rel);
}

/** Reads a game file by path, or a built-in game by id (`eec-1958`). */
export function readGameFile(pathOrId: string, cwd: string): { file: GameFile; name: string } {
  if (!/[/\\.]/.test(pathOrId) && builtinGames().includes(pathOrId)) {
    return { file: loadBuiltinGameFile(pathOrId), name: pathOrId };
  }
  if (!/[/\\]/.test(pathOrId) && !/\.(ya?ml|json)$/i.test(pathOrId) && !existsSync(join(cwd, pathOrId))) {
    throw new ConcordError('E_FILE_UNREADABLE', `no game file or built-in game "${pathOrId}"`, {
      path: pathOrId,
      hint: `Give the path of a YAML or JSON game file, or a built-in game: ${builtinGames().join(', ')}.`,
      key: 'rules.noGame',
      values: { name: pathOrId, games: builtinGames().join(', ') },
    });
  }
  const text = readUserFile(pathOrId, cwd, 'game file');
  return { file: parseGameFile(text, pathOrId), name: basename(pathOrId).replace(/\.(ya?ml|json)$/i, '') };
}

/** Built-in rule names for `--rule`. */
export const NAMED_RULES: Record<string, { label: string; rule: Rule }> = {
  consensus: { label: 'consensus', rule: 'consensus' },
  majority: { label: 'simple majority', rule: { count: { moreThanShare: 0.5 } } },
  'two-thirds': { label: 'two-thirds', rule: { count: { atLeastShare: '2/3' } } },
  'double-majority': {
    label: 'double majority',
    rule: { all: [{ count: { moreThanShare: 0.5 } }, { sum: 'population', moreThanShare: 0.5 }] },
  },
  'eu-qmv': {
    label: 'EU-style QMV',
    rule: {
      any: [
        { all: [{ count: { atLeastShare: 0.55 } }, { sum: 'population', atLeastShare: 0.65 }] },
        { count: { atMostAgainst: 3 } },
      ],
    },
  },
};

/**
 * A rule from the command line: a built-in name (majority, two-thirds, double-majority, eu-qmv,
 * consensus), a path to a YAML/JSON file holding a rule (or `{ name, rule }`, or a game file's
 * `rule:`), or an inline YAML rule such as `{ count: { atLeast: 5 } }`.
 */
export function readRule(spec: string, cwd: string, where = '--rule'): { label: string; rule: Rule } {
  const named = NAMED_RULES[spec.trim()];
  if (named) return named;
  const looksInline = /^\s*[{[]/.test(spec) || spec.trim() === 'consensus';
  let data: unknown;
  let label = spec;
  if (!looksInline && (existsSync(join(cwd, spec)) || /\.(ya?ml|json)$/i.test(spec))) {
    data = parseYamlText(readUserFile(spec, cwd, 'rule file'), spec);
    label = basename(spec).replace(/\.(ya?ml|json)$/i, '');
    if (data && typeof data === 'object' && 'rule' in data) {
      const d = data as { rule: unknown; name?: unknown };
      if (typeof d.name === 'string') label = d.name;
      data = d.rule;
    }
  } else if (looksInline) {
    data = parseYamlText(spec, where);
  } else {
    throw new ConcordError(
      'E_USAGE',
      `${where}: "${spec}" is neither a rule name, a file nor an inline rule`,
      {
        path: where,
        hint: `Use ${Object.keys(NAMED_RULES).join(', ')}, a YAML/JSON rule file, or an inline rule such as '{ count: { atLeast: 5 } }'.`,
        key: 'rules.notARuleSpec',
        values: {
          where,
          spec,
          names: Object.keys(NAMED_RULES).join(', '),
          example: "'{ count: { atLeast: 5 } }'",
        },
      },
    );
  }
  const rule = validate(RuleSchema, data, where) as Rule;
  return { label: looksInline ? describeRule(rule) : label, rule };
}
