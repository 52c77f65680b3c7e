/** Reading user-supplied files at the CLI edge, with clear errors. */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConcordError } from '../errors.js';

/**
 * The largest input file (16 MiB; CONCORD_MAX_INPUT_MB raises it): checked by the file's size
 * before anything is read, so an oversized file is refused at once instead of after a long parse.
 * The scenarios, games and tables of the field are far smaller (a 10,000-player game is ~0.3 MB).
 */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

/**
 * The kinds of user file, by the noun the English messages name them with ("cannot read game file
 * g.yaml"). The errors catalogue words each kind in every language through a `select` on the
 * `what` value (its id here), in the case each Russian message needs («файл игры», «для файла игры»).
 */
/** "a" or "an" before the noun. */
const article = (what: FileNoun) => (/^[aeiou]/.test(what) ? 'an' : 'a');

const FILE_KINDS = {
  file: 'file',
  'game file': 'game',
  'scenario file': 'scenario',
  'organization file': 'organization',
  'capabilities file': 'capabilities',
  'rule file': 'rule',
  'claims file': 'claims',
  'target file': 'target',
} as const;

/** The noun of a kind of user file, as English messages write it. */
export type FileNoun = keyof typeof FILE_KINDS;

export function maxInputBytes(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const mb = Number(env.CONCORD_MAX_INPUT_MB);
  return Number.isFinite(mb) && mb > 0 ? Math.floor(mb * 1024 * 1024) : MAX_INPUT_BYTES;
}

/** The bytes of a user file (a spreadsheet), with the same checks and errors as readUserFile. */
export function readUserBytes(path: string, cwd: string, what: FileNoun = 'file'): Buffer {
  const full = checkedPath(path, cwd, what);
  try {
    return readFileSync(full);
  } catch (e) {
    throw new ConcordError('E_FILE_UNREADABLE', `cannot read ${what} ${path}: ${(e as Error).message}`, {
      path,
      cause: e,
      key: 'fileUnreadable',
      values: { path, reason: errnoOf(e), what: FILE_KINDS[what] },
    });
  }
}

/** The errno code of a failed read (ENOENT, EACCES…), which the translated messages word; else the message. */
function errnoOf(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}

function checkedPath(path: string, cwd: string, what: FileNoun): string {
  const full = resolve(cwd, path);
  let size: number;
  try {
    const st = statSync(full);
    if (st.isDirectory()) {
      throw new ConcordError('E_FILE_UNREADABLE', `${path} is a directory, not ${article(what)} ${what}`, {
        path,
        hint: `Give the path of ${article(what)} ${what}.`,
        key: 'notAFile',
        values: { path, what: FILE_KINDS[what] },
      });
    }
    size = st.size;
  } catch (e) {
    if (e instanceof ConcordError) throw e;
    throw new ConcordError(
      'E_FILE_UNREADABLE',
      `cannot read ${what} ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      {
        path,
        hint: 'Check the path and the permissions.',
        cause: e,
        key: 'fileUnreadable',
        values: { path, reason: errnoOf(e), what: FILE_KINDS[what] },
      },
    );
  }
  const max = maxInputBytes();
  if (size > max) {
    throw new ConcordError(
      'E_LIMIT',
      `${path} is ${(size / 1024 / 1024).toFixed(1)} MiB, above the ${(max / 1024 / 1024).toFixed(0)} MiB limit for ${article(what)} ${what}`,
      {
        path,
        hint: 'Split the input into smaller files, or raise the limit with CONCORD_MAX_INPUT_MB.',
        key: 'fileTooLarge',
        values: {
          path,
          size: Number((size / 1024 / 1024).toFixed(1)),
          max: Math.round(max / 1024 / 1024),
          what: FILE_KINDS[what],
        },
      },
    );
  }
  return full;
}

export function readUserFile(path: string, cwd: string, what: FileNoun = 'file'): string {
  const full = checkedPath(path, cwd, what);
  try {
    const text = readFileSync(full, 'utf8');
    if (text.includes('\u0000')) {
      throw new ConcordError('E_FILE_FORMAT', `${path} is not a text file`, {
        path,
        hint: `Give a YAML or JSON ${what}.`,
        key: 'notText',
        values: { path, what: FILE_KINDS[what] },
      });
    }
    return text;
  } catch (e) {
    if (e instanceof ConcordError) throw e;
    throw new ConcordError('E_FILE_UNREADABLE', `cannot read ${what} ${path}: ${(e as Error).message}`, {
      path,
      cause: e,
      key: 'fileUnreadable',
      values: { path, reason: errnoOf(e), what: FILE_KINDS[what] },
    });
  }
}
