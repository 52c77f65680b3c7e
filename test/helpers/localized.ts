/** Checks that a ConcordError is worded in Russian and Chinese (code and path kept), for the error-key tests. */
import { expect } from 'vitest';
import { ConcordError } from '../../src/errors.js';
import { localizeError, prepareErrorLocale } from '../../src/i18n/errors.js';

const SCRIPT = { ru: /[А-Яа-яЁё]/, 'zh-Hans': /[\u4e00-\u9fff]/ } as const;

/** The error `f` throws, which must be a keyed ConcordError. */
export function thrown(f: () => unknown): ConcordError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ConcordError);
    expect((e as ConcordError).key, (e as Error).message).toBeDefined();
    return e as ConcordError;
  }
  throw new Error('expected an error');
}

/** The error a promise rejects with (a keyed ConcordError). */
export async function rejected(p: Promise<unknown>): Promise<ConcordError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ConcordError);
    expect((e as ConcordError).key, (e as Error).message).toBeDefined();
    return e as ConcordError;
  }
  throw new Error('expected a rejection');
}

/** In ru and zh-Hans: same code and path, a message and hint in the language that differ from the English. */
export async function expectTranslated(e: ConcordError): Promise<void> {
  for (const locale of ['ru', 'zh-Hans'] as const) {
    await prepareErrorLocale(locale);
    const l = localizeError(e, locale);
    expect(l.code).toBe(e.code);
    expect(l.path).toBe(e.path);
    expect(l.message).not.toBe(e.message);
    expect(l.message, l.message).toMatch(SCRIPT[locale]);
    if (e.hint) {
      expect(l.hint).not.toBe(e.hint);
      expect(l.hint, l.hint).toMatch(SCRIPT[locale]);
    }
  }
}
