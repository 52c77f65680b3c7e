/**
 * No user-facing string of the CLI's human output is written outside the catalogues: the sources of
 * src/cli are scanned for string and template literals with words in them inside what is printed
 * (`io.out(…)`, `io.err(…)`, `lines.push(…)`, `table(…)`), leaving out what goes through a
 * translator (`t('key')`, `c.t(…)`). The offenders are listed by file and line.
 *
 * NOT_YET lists the commands whose human output is still English only (their text is the next
 * conversion's work): each must still have offenders, so that the list shrinks as they are
 * converted, and every other file must have none. ALLOWED lists literals that are not language:
 * names of data sets, units, symbols.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const cliDir = join(root, 'src/cli');

/** Commands not yet converted (English human output); the scan still reports their literals. */
const NOT_YET = new Set<string>([]);

/** Literals that are not words of a language: a data set's name, symbols, the English fallbacks of main(). */
const ALLOWED = new Set(['world-countries', 'CINC', 'iso3']);

/** The string and template literals (their static text) inside printing calls, outside translator calls. */
function printedLiterals(source: string): Array<{ line: number; text: string }> {
  const out: Array<{ line: number; text: string }> = [];
  const lineOf = (i: number) => source.slice(0, i).split('\n').length;
  const starts = /\b(?:io\.(?:out|err)|lines\.push|table)\(/g;
  for (const m of source.matchAll(starts)) {
    let i = m.index! + m[0].length;
    let depth = 1;
    let skipDepth = -1; // inside t(…): literals there are keys
    while (i < source.length && depth > 0) {
      const ch = source[i]!;
      if (ch === '(') {
        const before = source.slice(Math.max(0, i - 3), i);
        if (skipDepth < 0 && (/(?:^|[^\w])t$|\.t$/.test(before) || source.slice(i - 4, i) === '.has'))
          skipDepth = depth;
        depth++;
      } else if (ch === ')') {
        depth--;
        if (depth === skipDepth) skipDepth = -1;
      } else if (ch === "'" || ch === '"' || ch === '`') {
        let j = i + 1;
        let text = '';
        let nest = 0;
        while (j < source.length) {
          const c = source[j]!;
          if (c === '\\') {
            text += source[j + 1] ?? '';
            j += 2;
            continue;
          }
          if (ch === '`' && c === '$' && source[j + 1] === '{') {
            nest = 1;
            j += 2;
            while (j < source.length && nest > 0) {
              if (source[j] === '{') nest++;
              else if (source[j] === '}') nest--;
              j++;
            }
            text += ' ';
            continue;
          }
          if (c === ch) break;
          text += c;
          j++;
        }
        // A literal compared with (`x === 'memorandum'`) is a value, not text.
        const compared = /[!=]==\s*$/.test(source.slice(Math.max(0, i - 6), i));
        if (skipDepth < 0 && !compared && /[A-Za-z]{3,}/.test(text) && !ALLOWED.has(text.trim()))
          out.push({ line: lineOf(i), text });
        i = j + 1;
        continue;
      } else if (ch === '/' && source[i + 1] === '/') {
        i = source.indexOf('\n', i);
        continue;
      }
      i++;
    }
  }
  return out;
}

function files(dir: string, acc: string[] = []): string[] {
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) files(p, acc);
    else if (n.endsWith('.ts')) acc.push(p);
  }
  return acc;
}

describe('CLI strings', () => {
  const found = files(cliDir).map((f) => ({
    file: relative(root, f),
    offenders: printedLiterals(readFileSync(f, 'utf8')),
  }));

  it('writes no user-facing literal outside the catalogues (but in the files not yet converted)', () => {
    const offenders = found
      .filter((f) => !NOT_YET.has(f.file))
      .flatMap((f) => f.offenders.map((o) => `${f.file}:${o.line}: ${JSON.stringify(o.text)}`));
    expect(offenders).toEqual([]);
  });

  it('keeps the not-yet list honest: each file in it still prints English literals', () => {
    const stale = found.filter((f) => NOT_YET.has(f.file) && f.offenders.length === 0).map((f) => f.file);
    expect(stale).toEqual([]);
    for (const f of NOT_YET)
      expect(
        found.some((x) => x.file === f),
        f,
      ).toBe(true);
  });

  it('finds a literal in a printing call and ignores translated keys', () => {
    const src =
      // biome-ignore lint/suspicious/noTemplateCurlyInString: TypeScript source text under test
      "io.out(`${a} members`); io.out(t('org.title', { x: 'key' })); lines.push(c.t('a.b'), 'Facts');";
    expect(printedLiterals(src).map((o) => o.text)).toEqual(['  members', 'Facts']);
  });
});
