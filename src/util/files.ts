/** Reading user-supplied files at the CLI edge, with clear errors. */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConcordError } from '../errors.js';

export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** The bytes of a user file (a spreadsheet), with the same checks and errors as readUserFile. */
export function readUserBytes(path: string, cwd: string, what = 'file'): Buffer {
  const full = checkedPath(path, cwd, what);
  try {
    return readFileSync(full);
  } catch (e) {
    throw new ConcordError('E_FILE_UNREADABLE', `cannot read ${what} ${path}: ${(e as Error).message}`, {
      path,
      cause: e,
    });
  }
}

function checkedPath(path: string, cwd: string, what: string): string {
  const full = resolve(cwd, path);
  let size: number;
  try {
    const st = statSync(full);
    if (st.isDirectory()) {
      throw new ConcordError('E_FILE_UNREADABLE', `${path} is a directory, not a ${what}`, {
        path,
        hint: `Give the path of a ${what}.`,
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
      },
    );
  }
  if (size > MAX_INPUT_BYTES) {
    throw new ConcordError(
      'E_LIMIT',
      `${path} is ${size} bytes, above the ${MAX_INPUT_BYTES}-byte limit for a ${what}`,
      {
        path,
        hint: 'Split the input into smaller files.',
      },
    );
  }
  return full;
}

export function readUserFile(path: string, cwd: string, what = 'file'): string {
  const full = checkedPath(path, cwd, what);
  try {
    const text = readFileSync(full, 'utf8');
    if (text.includes('\u0000')) {
      throw new ConcordError('E_FILE_FORMAT', `${path} is not a text file`, {
        path,
        hint: `Give a YAML or JSON ${what}.`,
      });
    }
    return text;
  } catch (e) {
    if (e instanceof ConcordError) throw e;
    throw new ConcordError('E_FILE_UNREADABLE', `cannot read ${what} ${path}: ${(e as Error).message}`, {
      path,
      cause: e,
    });
  }
}
