/**
 * The ConcordErrors that src/ throws, read from the source with TypeScript's parser: every
 * `new ConcordError(` call and whether it gives a message `key`; and, for the keyed calls and the
 * helpers that build keyed errors, the English message and hint the code writes, turned into the
 * ICU message the English catalogue must hold (`${id}` → `{id}` when `values` gives `id: id` or
 * `id: String(id)`, `${n.toLocaleString('en-US')}` → `{n, number}`). Where the key is chosen by a
 * condition (`key: c ? 'a' : 'b'`), each key gets the branch of the text on the same condition. A
 * text whose pieces are not plain values gives `null`: those are checked by building the error.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface ErrorSite {
  readonly file: string;
  readonly line: number;
  readonly keyed: boolean;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sourceFiles(p, out);
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const parsed = new Map<string, ts.SourceFile>();
function parse(root: string, file: string): ts.SourceFile {
  let sf = parsed.get(file);
  if (!sf) {
    sf = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
    parsed.set(file, sf);
  }
  return sf;
}

function walk(node: ts.Node, f: (n: ts.Node) => void): void {
  f(node);
  ts.forEachChild(node, (c) => walk(c, f));
}

/** A property named `key` anywhere in the details (also inside a spread `...(e.key ? { key } : {})`). */
function hasKey(node: ts.Node): boolean {
  let found = false;
  walk(node, (n) => {
    if ((ts.isPropertyAssignment(n) || ts.isShorthandPropertyAssignment(n)) && n.name.getText() === 'key')
      found = true;
  });
  return found;
}

/** Every `new ConcordError(` in src/ (file relative to root, 1-based line) and whether it has a key. */
export function concordErrorSites(root: string): ErrorSite[] {
  const out: ErrorSite[] = [];
  for (const abs of sourceFiles(join(root, 'src'))) {
    const file = relative(root, abs).split('\\').join('/');
    const sf = parse(root, file);
    walk(sf, (n) => {
      if (ts.isNewExpression(n) && n.expression.getText() === 'ConcordError') {
        const details = n.arguments?.[2];
        out.push({
          file,
          line: sf.getLineAndCharacterOfPosition(n.getStart()).line + 1,
          keyed: !!details && hasKey(details),
        });
      }
    });
  }
  return out;
}

/** A helper that builds keyed ConcordErrors: which argument is the key, the message, the hint, the values. */
export interface ErrorHelper {
  readonly file: string;
  readonly name: string;
  readonly key: number;
  readonly message: number;
  readonly hint?: number;
  /** The hint the helper gives itself (ICU), where no argument is the hint. */
  readonly fixedHint?: string;
  readonly values?: number;
  /** The ICU text the helper puts before the message (`{file}: {path}: `). */
  readonly prefix?: string;
  /** Values the helper adds itself: name → the expression text it is. */
  readonly implicit?: Readonly<Record<string, string>>;
}

export interface KeyedMessage {
  readonly file: string;
  readonly line: number;
  readonly key: string;
  /** The ICU message the English catalogue must hold, or null when it is not mechanical. */
  readonly message: string | null;
  /** The ICU hint, null when not mechanical, undefined when the error has no hint. */
  readonly hint: string | null | undefined;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** ICU text for literal English: apostrophes doubled before syntax, braces and tags quoted. */
function icuLiteral(s: string): string {
  return s
    .replace(/'(?=[{}'<])/g, "''")
    .replace(/[{}]/g, (b) => `'${b}'`)
    .replace(/<(?=[A-Za-z/])/g, "'<'");
}

function valuesOf(node: ts.Expression | undefined): Map<string, string> | null {
  const m = new Map<string, string>();
  if (!node) return m;
  if (!ts.isObjectLiteralExpression(node)) return null;
  for (const p of node.properties) {
    if (ts.isShorthandPropertyAssignment(p)) m.set(p.name.getText(), p.name.getText());
    else if (ts.isPropertyAssignment(p)) m.set(p.name.getText(), norm(p.initializer.getText()));
    else return null;
  }
  return m;
}

function argumentFor(expr: string, values: Map<string, string>): string | null {
  for (const [name, init] of values) if (init === expr || init === `String(${expr})`) return `{${name}}`;
  const loc = /^(.*)\.toLocaleString\('en-US'\)$/.exec(expr);
  if (loc) for (const [name, init] of values) if (init === loc[1]) return `{${name}, number}`;
  return null;
}

/**
 * Where the key is chosen by a condition (`key: c ? 'a' : 'b'`), the branch of the text that goes
 * with each key: a conditional on the same condition, or `c ?? 'text'` (c itself when it is set).
 */
interface Choice {
  readonly cond: string;
  readonly branch: 0 | 1;
}

function chosen(node: ts.Expression, choice: Choice | undefined): ts.Expression | undefined {
  if (!choice) return undefined;
  if (ts.isParenthesizedExpression(node)) return chosen(node.expression, choice);
  if (ts.isConditionalExpression(node) && norm(node.condition.getText()) === choice.cond)
    return choice.branch === 0 ? node.whenTrue : node.whenFalse;
  if (
    ts.isBinaryExpression(node) &&
    node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken &&
    norm(node.left.getText()) === choice.cond
  )
    return choice.branch === 0 ? node.left : node.right;
  return undefined;
}

/** The ICU form of an English text written in the code, or null when it is not mechanical. */
function icuOf(node: ts.Expression | undefined, values: Map<string, string>, choice?: Choice): string | null {
  if (!node) return null;
  if (ts.isParenthesizedExpression(node)) return icuOf(node.expression, values, choice);
  const branch = chosen(node, choice);
  if (branch) return icuOf(branch, values);
  if (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    node.expression.name.text === 'trim'
  )
    return icuOf(node.expression.expression, values, choice);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return icuLiteral(node.text);
  if (ts.isTemplateExpression(node)) {
    let out = icuLiteral(node.head.text);
    for (const span of node.templateSpans) {
      const b = chosen(span.expression, choice);
      const arg = b ? icuOf(b, values) : argumentFor(norm(span.expression.getText()), values);
      if (arg === null) return null;
      out += arg + icuLiteral(span.literal.text);
    }
    return out;
  }
  return argumentFor(norm(node.getText()), values);
}

/**
 * The keys an expression gives: a literal, or the literals of a conditional (nested conditionals
 * too), each with the condition that chooses it; a branch that is not a literal is left out.
 */
function keysOf(node: ts.Expression | undefined): { key: string; choice?: Choice }[] | null {
  if (!node) return null;
  if (ts.isParenthesizedExpression(node)) return keysOf(node.expression);
  if (ts.isStringLiteral(node)) return [{ key: node.text }];
  if (ts.isConditionalExpression(node)) {
    const cond = norm(node.condition.getText());
    const out: { key: string; choice?: Choice }[] = [];
    for (const [b, branch] of [
      [node.whenTrue, 0],
      [node.whenFalse, 1],
    ] as const) {
      if (ts.isStringLiteral(b)) out.push({ key: b.text, choice: { cond, branch } });
      else if (ts.isConditionalExpression(b) || ts.isParenthesizedExpression(b))
        out.push(...(keysOf(b) ?? []));
    }
    return out.length ? out : null;
  }
  return null;
}

function prop(obj: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const p of obj.properties) {
    if (ts.isPropertyAssignment(p) && p.name.getText() === name) return p.initializer;
    if (ts.isShorthandPropertyAssignment(p) && p.name.getText() === name) return p.name;
  }
  return undefined;
}

/**
 * The keyed errors of `files` (direct `new ConcordError(code, message, { key: '…' })` calls and
 * calls of `helpers`), with the ICU message and hint each must have in English. Calls whose key is
 * not a literal (a pass-through such as `key: e.key`, or a helper's own body) are left out.
 */
export function keyedMessages(
  root: string,
  files: readonly string[],
  helpers: readonly ErrorHelper[],
): KeyedMessage[] {
  const out: KeyedMessage[] = [];
  for (const file of files) {
    const sf = parse(root, file);
    const line = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart()).line + 1;
    walk(sf, (n) => {
      if (ts.isNewExpression(n) && n.expression.getText() === 'ConcordError') {
        const d = n.arguments?.[2];
        if (!d || !ts.isObjectLiteralExpression(d)) return;
        const ks = keysOf(prop(d, 'key'));
        if (!ks) return;
        const values = valuesOf(prop(d, 'values'));
        const hintNode = prop(d, 'hint');
        for (const { key, choice } of ks)
          out.push({
            file,
            line: line(n),
            key,
            message: values ? icuOf(n.arguments![1], values, choice) : null,
            hint: hintNode === undefined ? undefined : values ? icuOf(hintNode, values, choice) : null,
          });
        return;
      }
      if (!ts.isCallExpression(n)) return;
      const h = helpers.find((x) => x.file === file && x.name === n.expression.getText());
      if (!h) return;
      const ks = keysOf(n.arguments[h.key]);
      if (!ks) return;
      const values = valuesOf(h.values === undefined ? undefined : n.arguments[h.values]);
      if (values) for (const [name, text] of Object.entries(h.implicit ?? {})) values.set(name, text);
      const hintNode = h.hint === undefined ? undefined : n.arguments[h.hint];
      for (const { key, choice } of ks) {
        const body = values ? icuOf(n.arguments[h.message], values, choice) : null;
        out.push({
          file,
          line: line(n),
          key,
          message: body === null ? null : (h.prefix ?? '') + body,
          hint:
            h.fixedHint !== undefined
              ? h.fixedHint
              : hintNode === undefined || hintNode.getText() === 'undefined'
                ? undefined
                : values
                  ? icuOf(hintNode, values, choice)
                  : null,
        });
      }
    });
  }
  return out;
}
