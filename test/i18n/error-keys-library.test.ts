/**
 * Every ConcordError the library folders throw carries a message key (so the CLI's `--lang` and
 * the API's Accept-Language word it), and the English catalogue words each keyed message exactly
 * as the code throws it. The scan reads the source: each `new ConcordError(` call's arguments
 * must name a `key`; a helper that builds errors (formatError, fail, bad) is keyed once inside and
 * takes the key from its callers.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const LIBRARY_FOLDERS = [
  'power',
  'balance',
  'alignment',
  'scenario',
  'org',
  'rules',
  'util',
  'data',
  'bargaining',
  'claims',
  'spatial',
  'report',
  'i18n',
];

function tsFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) tsFiles(p, out);
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

/**
 * The text of the call's arguments, from the opening parenthesis to its match, skipping the
 * insides of strings, template literals (but not their `${…}`) and comments.
 */
function callArguments(src: string, open: number): string {
  let depth = 0;
  const templates: number[] = []; // brace depth at which each open template's `${` started
  let braces = 0;
  let i = open;
  const skipString = (q: string) => {
    i++;
    while (i < src.length && src[i] !== q) i += src[i] === '\\' ? 2 : 1;
  };
  const inTemplate = () => {
    // inside a template's text: run to its end or to the next `${`
    i++;
    while (i < src.length) {
      if (src[i] === '\\') i += 2;
      else if (src[i] === '`') return;
      else if (src[i] === '$' && src[i + 1] === '{') {
        templates.push(braces);
        braces++;
        i++;
        return;
      } else i++;
    }
  };
  for (; i < src.length; i++) {
    const ch = src[i]!;
    if (ch === "'" || ch === '"') skipString(ch);
    else if (ch === '`') inTemplate();
    else if (ch === '/' && src[i + 1] === '/') i = src.indexOf('\n', i);
    else if (ch === '/' && src[i + 1] === '*') i = src.indexOf('*/', i) + 1;
    else if (ch === '{') braces++;
    else if (ch === '}') {
      braces--;
      if (templates.length && templates[templates.length - 1] === braces) {
        templates.pop();
        i--; // resume the template's text after the `}`
        i++;
        inTemplate();
      }
    } else if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth === 0) return src.slice(open, i + 1);
    }
  }
  throw new Error(`unbalanced call at ${open}`);
}

interface Site {
  readonly file: string;
  readonly line: number;
  readonly keyed: boolean;
}

function constructorSites(folders: readonly string[]): Site[] {
  const out: Site[] = [];
  for (const folder of folders) {
    for (const file of tsFiles(join(root, 'src', folder))) {
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(/new ConcordError\(/g)) {
        const args = callArguments(src, m.index + m[0].length - 1);
        out.push({
          file: relative(root, file),
          line: src.slice(0, m.index).split('\n').length,
          keyed: /\bkey\s*[:,}]/.test(args),
        });
      }
    }
  }
  return out;
}

describe('error keys in the library folders', () => {
  it('finds the throw sites (the scan works)', () => {
    const sites = constructorSites(LIBRARY_FOLDERS);
    expect(sites.length).toBeGreaterThan(50);
    const call = 'f(a, `x($' + "{b({ c: ')' })}`, '(')";
    expect(callArguments(call, 1)).toBe(call.slice(1));
  });

  it('every `new ConcordError(` in them has a key', () => {
    const unkeyed = constructorSites(LIBRARY_FOLDERS)
      .filter((s) => !s.keyed)
      .map((s) => `${s.file}:${s.line}`);
    expect(unkeyed).toEqual([]);
  });
});
