/**
 * docs/api/ (TypeDoc, `npm run docs:api`) is current: every name `concord` and `concord/browser`
 * export has its entry. Regenerate after changing an entry's exports.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as concord from 'concord';
import * as browser from 'concord/browser';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function headings(file: string): Set<string> {
  const md = readFileSync(join(root, 'docs', 'api', file), 'utf8');
  // Markdown escapes the underscores of a name (DEFAULT\_BUDGETS).
  const names = [...md.matchAll(/^#{2,4} ([\w$\\]+)(?:\(\))?\s*$/gm)].map((m) =>
    m[1]!.replaceAll('\\_', '_'),
  );
  return new Set(names);
}

describe('docs/api', () => {
  it('documents every export of concord', () => {
    const h = headings('concord.md');
    expect(Object.keys(concord).filter((n) => !h.has(n))).toEqual([]);
  });
  it('documents every export of concord/browser', () => {
    const h = headings('concord/browser.md');
    expect(Object.keys(browser).filter((n) => !h.has(n))).toEqual([]);
  });
});
