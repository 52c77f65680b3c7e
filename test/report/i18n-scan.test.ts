/**
 * No user-facing string is written in src/report outside the catalogues (issue 16): the TypeScript
 * sources are parsed (the compiler's own parser) and every string and template literal is checked
 * for words a reader sees —
 *   1. text between HTML tags (`<p>Some words ${x}</p>`) and in `aria-label`/`alt` attributes;
 *   2. literals given to a chart or table option that is shown (`title`, `label`, `caption`,
 *      `legend`, `yLabel`, `note`, `description`) inside a call's options;
 *   3. the header row of `htmlTable([...])`, and literal cells of its rows.
 * A word is two or more Latin letters, after removing the allowlist: codes and units that are the
 * same in every language (ISO3, CSV, SVG, CINC, HHI, CON, GDP in a formula …), and the text of
 * `${…}` placeholders. Comments, CSS (the `CSS` constant), class names, ids, colours and attribute
 * values other than aria-label/alt are not text. The terminal summary (`summary: [...]`) is the
 * CLI's output, not the report's, and is not scanned.
 *
 * Sections and charts that are not translated yet are listed in PENDING, each still having
 * findings (so the list can only shrink).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const dir = join(root, 'src/report');

/** Words that are the same in every language of the report. */
const ALLOW = new Set([
  'ISO3',
  'CSV',
  'SVG',
  'CINC',
  'HHI',
  'CON',
  'MAE',
  'GDP',
  'USA',
  'WLD',
  'Concord',
  'concord',
  'km',
  'nbsp',
]);

/** Files not translated yet (each must still have findings; remove it when it has none). */
const PENDING: readonly string[] = [];

/** Sections of other areas, with their own catalogues (not this scan's business until they land). */
const OTHERS = /^(sections\/(reform|quota|reliability)|charts\/(reliability|quota))/;

const SHOWN = new Set(['title', 'label', 'caption', 'legend', 'yLabel', 'note', 'description']);

function files(d: string, out: string[] = []): string[] {
  for (const name of readdirSync(d)) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) files(p, out);
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

const words = (text: string) =>
  (text.replace(/&[a-z#0-9]+;/gi, ' ').match(/[A-Za-z][A-Za-z'’-]*[A-Za-z]/g) ?? []).filter(
    (w) => !ALLOW.has(w),
  );

/** The literal's text with every `${…}` replaced by a NUL. */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return node.head.text + node.templateSpans.map((s) => `\u2063${s.literal.text}`).join('');
  return null;
}

/** Text a reader sees in an HTML fragment: between tags, and aria-label/alt values. */
function visibleText(html: string): string[] {
  if (!/<\/?[a-z][\w-]*[\s>/]/i.test(html)) return [];
  const out: string[] = [];
  for (const m of html.matchAll(/>([^<]*)</g)) out.push(m[1]!);
  const first = html.indexOf('<');
  if (first > 0) out.push(html.slice(0, first));
  const last = html.lastIndexOf('>');
  if (last >= 0 && last < html.length - 1) out.push(html.slice(last + 1));
  for (const m of html.matchAll(/\s(?:aria-label|alt)="([^"]*)"/g)) out.push(m[1]!);
  return out.map((s) => s.replace(/\u2063/g, ' '));
}

function findings(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true);
  const out: string[] = [];
  const where = (n: ts.Node) =>
    `${relative(dir, file)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const visit = (node: ts.Node, skip: boolean) => {
    // The CSS of the page, and the terminal summary, are not report text.
    if (ts.isVariableDeclaration(node) && node.name.getText() === 'CSS') return;
    if (ts.isPropertyAssignment(node) && node.name.getText() === 'summary') return;
    // Keys handed to a translator, and imports, are not text either.
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (
      ts.isCallExpression(node) &&
      /^(t|tr|rich|translator|forecastT|reportT|chartT)$/.test(node.expression.getText())
    ) {
      for (const a of node.arguments.slice(1)) visit(a, skip);
      return;
    }
    const text = literalText(node);
    if (text !== null && !skip) {
      const html = visibleText(text).flatMap(words);
      if (html.length) out.push(`${where(node)} HTML text: ${html.join(' ')}`);
      const parent = node.parent;
      if (
        ts.isPropertyAssignment(parent) &&
        SHOWN.has(parent.name.getText()) &&
        ts.isObjectLiteralExpression(parent.parent) &&
        ts.isCallExpression(parent.parent.parent)
      ) {
        const w = words(text.replace(/\u2063/g, ' '));
        if (w.length) out.push(`${where(node)} ${parent.name.getText()}: ${w.join(' ')}`);
      }
      if (
        ts.isArrayLiteralExpression(parent) &&
        ts.isCallExpression(parent.parent) &&
        parent.parent.expression.getText() === 'htmlTable' &&
        parent.parent.arguments[0] === parent
      ) {
        const w = words(text.replace(/\u2063/g, ' '));
        if (w.length) out.push(`${where(node)} table header: ${w.join(' ')}`);
      }
      // 4. A literal cell of a table's rows (`htmlTable(headers, [['Area', …], …])`).
      const rows = ts.isArrayLiteralExpression(parent) ? parent.parent : undefined;
      if (
        rows &&
        ts.isArrayLiteralExpression(rows) &&
        ts.isCallExpression(rows.parent) &&
        rows.parent.expression.getText() === 'htmlTable' &&
        rows.parent.arguments[1] === rows
      ) {
        const w = words(text.replace(/\u2063/g, ' '));
        if (w.length) out.push(`${where(node)} table cell: ${w.join(' ')}`);
      }
    }
    ts.forEachChild(node, (c) => visit(c, skip));
  };
  visit(sf, false);
  return out;
}

describe('report sources', () => {
  const all = files(dir)
    .map((f) => ({ rel: relative(dir, f), found: findings(f) }))
    .filter((f) => f.rel !== 'i18n.ts' && !OTHERS.test(f.rel));

  it('write no user-facing words outside the catalogues', () => {
    const bad = all.filter((f) => !PENDING.includes(f.rel)).flatMap((f) => f.found);
    expect(bad).toEqual([]);
  });

  it('list as pending only files that still have such words', () => {
    const done = PENDING.filter((p) => !all.find((f) => f.rel === p)?.found.length);
    expect(done).toEqual([]);
  });

  it('catch a heading, a chart title and a table header written in English', () => {
    // The scan itself, on a made-up source.
    const probe = join(root, 'test/report/.probe-i18n.ts');
    const sample = `const a = \`<h3>Every case</h3>\`;\nrenderX({ title: \`Cohesion of \${x}\` });\nhtmlTable(['Stage', t('k')], []);\nconst ok = \`<p class="note">\${t('x')}</p>\`;`;
    const sf = ts.createSourceFile(probe, sample, ts.ScriptTarget.ES2022, true);
    expect(sf.statements.length).toBe(4);
    // Same walk as findings(), on the in-memory file.
    const found: string[] = [];
    const visit = (n: ts.Node) => {
      const text = literalText(n);
      if (text !== null) {
        const w = visibleText(text).flatMap(words);
        if (w.length) found.push(w.join(' '));
        const p = n.parent;
        if (ts.isPropertyAssignment(p) && SHOWN.has(p.name.getText())) found.push(words(text).join(' '));
        if (ts.isArrayLiteralExpression(p) && ts.isCallExpression(p.parent))
          found.push(words(text).join(' '));
      }
      if (ts.isCallExpression(n) && n.expression.getText() === 't') return;
      ts.forEachChild(n, visit);
    };
    visit(sf);
    expect(found).toEqual(['Every case', 'Cohesion of', 'Stage']);
  });
});
