/**
 * No user-facing string in the lab is written outside the catalogues: a scan of web/src's TSX for
 * JSX text with words in it and for words in the attributes a reader or a screen reader meets
 * (aria-label, title, placeholder, alt, label). Codes, symbols, numbers and commands inside <code>
 * may stay inline.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../web/src');
const ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label', 'aria-valuetext']);
/** Words that are names or codes, the same in every language. */
const ALLOWED = new Set([
  'API',
  'SVG',
  'PNG',
  'CSV',
  'JSON',
  'Concord',
  'HHI',
  'CINC',
  'GDP',
  'ID',
  'NAME',
  'FILE',
  'sha',
  'cc',
]);
/** Files not yet translated, each with the reason; the list must only shrink. */
const PENDING: Record<string, string> = {};

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) files(p, out);
    else if (name.endsWith('.tsx')) out.push(p);
  }
  return out;
}

const wordy = (s: string) =>
  s
    .split(/[^A-Za-z]+/)
    .filter((w) => w.length > 1 && !ALLOWED.has(w))
    .some((w) => /[a-z]/.test(w) || w.length > 3);

/** The literal strings an expression shown as a JSX child can evaluate to (not arguments of calls: keys). */
function shownLiterals(e: ts.Expression): string[] {
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e.text];
  if (ts.isTemplateExpression(e))
    return [[e.head.text, ...e.templateSpans.map((s) => s.literal.text)].join(' ')];
  if (ts.isParenthesizedExpression(e)) return shownLiterals(e.expression);
  if (ts.isConditionalExpression(e)) return [...shownLiterals(e.whenTrue), ...shownLiterals(e.whenFalse)];
  if (ts.isBinaryExpression(e)) return [...shownLiterals(e.left), ...shownLiterals(e.right)];
  return [];
}

function offenders(file: string): string[] {
  const src = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const out: string[] = [];
  const where = (n: ts.Node) => `${src.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const visit = (n: ts.Node) => {
    const inCode =
      ts.isJsxText(n) && ts.isJsxElement(n.parent) && n.parent.openingElement.tagName.getText(src) === 'code';
    if (ts.isJsxText(n) && !inCode && wordy(n.text))
      out.push(`${where(n)}: text "${n.text.trim().slice(0, 50)}"`);
    if (ts.isJsxAttribute(n) && ATTRIBUTES.has(n.name.getText(src)) && n.initializer) {
      const init = n.initializer;
      const lit = ts.isStringLiteral(init)
        ? init.text
        : ts.isJsxExpression(init) && init.expression && ts.isNoSubstitutionTemplateLiteral(init.expression)
          ? init.expression.text
          : ts.isJsxExpression(init) && init.expression && ts.isTemplateExpression(init.expression)
            ? [init.expression.head.text, ...init.expression.templateSpans.map((s) => s.literal.text)].join(
                ' ',
              )
            : ts.isJsxExpression(init) && init.expression && ts.isStringLiteral(init.expression)
              ? init.expression.text
              : null;
      if (lit !== null && wordy(lit)) out.push(`${where(n)}: ${n.name.getText(src)}="${lit.slice(0, 50)}"`);
    }
    if (ts.isJsxExpression(n) && n.expression && (ts.isJsxElement(n.parent) || ts.isJsxFragment(n.parent))) {
      for (const lit of shownLiterals(n.expression))
        if (wordy(lit)) out.push(`${where(n)}: expression "${lit.slice(0, 50)}"`);
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
  return out;
}

describe('the lab writes no user-facing string outside the catalogues', () => {
  const all = files(root);
  it('scans the pages and components', () => {
    expect(all.length).toBeGreaterThan(15);
  });
  for (const file of all) {
    const rel = relative(root, file);
    if (PENDING[rel]) continue;
    it(rel, () => {
      expect(offenders(file)).toEqual([]);
    });
  }
  it('lists only files that still need it', () => {
    for (const rel of Object.keys(PENDING)) expect(offenders(join(root, rel)).length, rel).toBeGreaterThan(0);
  });
});
