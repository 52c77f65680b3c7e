/** Validation at the boundary: text → YAML/JSON → zod schema → typed value, or a ConcordError naming the path. */
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { ConcordError, type ValidationIssue } from '../errors.js';
import { parsedYaml, recordValidated, validatedYaml } from './parsed-yaml.js';

/** Formats a zod issue path as `issues[0].positions.RUS.salience`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || '(root)';
}

/**
 * The deepest nesting of objects and arrays a document may have. The recursive schemas (rules,
 * packages) recurse once per level, and a value nested a few thousand levels deep would overflow
 * the stack inside the parser: the depth is checked, without recursion, before parsing.
 */
export const MAX_DEPTH = 64;

/**
 * Throws E_LIMIT when `value` nests objects and arrays more than `max` levels deep (or contains a
 * cycle). Shared sub-values (YAML aliases) are measured once, so the check is linear in the size
 * of the document, never exponential.
 */
export function checkDepth(value: unknown, where: string, max = MAX_DEPTH): void {
  if (value === null || typeof value !== 'object') return;
  const height = new Map<object, number>();
  const IN_PROGRESS = -1;
  const stack: { node: object; children: unknown[]; next: number; depth: number }[] = [];
  const childrenOf = (o: object): unknown[] => (Array.isArray(o) ? o : Object.values(o));
  const tooDeep = () =>
    new ConcordError('E_LIMIT', `${where}: nested more than ${max} levels deep`, {
      path: where,
      hint: `Objects and lists may nest at most ${max} levels (cap: depth); flatten the rule or document.`,
      key: 'tooDeep',
      values: { where, max },
    });
  stack.push({ node: value, children: childrenOf(value), next: 0, depth: 1 });
  height.set(value, IN_PROGRESS);
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    if (top.next < top.children.length) {
      const c = top.children[top.next++];
      if (c === null || typeof c !== 'object') continue;
      const h = height.get(c);
      if (h === IN_PROGRESS) throw tooDeep(); // a cycle
      if (h !== undefined) {
        if (top.depth + h > max) throw tooDeep();
        continue;
      }
      if (top.depth + 1 > max) throw tooDeep();
      height.set(c, IN_PROGRESS);
      stack.push({ node: c, children: childrenOf(c), next: 0, depth: top.depth + 1 });
    } else {
      stack.pop();
      let h = 1;
      for (const c of top.children) {
        if (c !== null && typeof c === 'object') h = Math.max(h, 1 + height.get(c)!);
      }
      height.set(top.node, h);
    }
  }
}

/**
 * Validates `data` against `schema`; the error names the first offending path, and lists up to five.
 * `jitless`: zod's interpreted parser, not the one it compiles for each object schema on first use
 * (new Function, not in the CLI's code cache): quicker for a small value checked once (≈2 ms at
 * start-up), slower for a large one.
 */
export function validate<S extends z.ZodType>(
  schema: S,
  data: unknown,
  where: string,
  { jitless = false }: { jitless?: boolean } = {},
): z.output<S> {
  checkDepth(data, where);
  const r = schema.safeParse(data, { reportInput: true, jitless });
  if (r.success) return r.data;
  const kept = r.error.issues.slice(0, 5);
  const issues = kept.map((i) => `${formatPath(i.path)}: ${i.message}`);
  const first = r.error.issues[0]!;
  throw new ConcordError('E_VALIDATION', `${where}: ${issues.join('; ')}`, {
    path: formatPath(first.path),
    hint: 'Fix the value at that path; the schemas are documented in docs/.',
    key: 'validation',
    values: { where },
    issues: kept.map(keptIssue),
  });
}

/**
 * A zod issue as kept on the error, to be worded again in another language (src/i18n/errors.ts):
 * its code and parameters, the path as text, and the offending input reduced to what the wording
 * needs (its type; a short primitive as is), so the error never holds a large document.
 */
export function keptIssue(i: z.core.$ZodIssue): ValidationIssue {
  const { input, path, message, ...params } = i as z.core.$ZodIssue & { input?: unknown };
  const small =
    input === null || typeof input !== 'object'
      ? typeof input === 'string' && input.length > 80
        ? `${input.slice(0, 80)}…`
        : input
      : Array.isArray(input)
        ? []
        : {};
  return { ...params, path: formatPath(path), message, input: small };
}

/**
 * parseYamlText, then validate against `schema` — or, for a file shipped with Concord and
 * validated by the build against the schema named `schemaId`, the output the build recorded
 * (src/data/yaml-cache.ts): the same value, without running the schema at start-up (a third of
 * `concord org sco`'s own time). A text the build did not see is validated as always.
 * `quick`, when given, is a faster check of the common case: the schema's output for data it is sure
 * the schema accepts, undefined for anything else (the schema then validates it, with its errors).
 */
export function parseAndValidate<S extends z.ZodType>(
  schema: S,
  schemaId: string,
  text: string,
  file: string,
  quick?: (data: unknown, where: string) => z.output<S> | undefined,
): z.output<S> {
  const known = validatedYaml(text, schemaId);
  if (known !== undefined) return known as z.output<S>;
  const data = parseYamlText(text, file);
  const out = quick?.(data, file) ?? validate(schema, data, file);
  recordValidated(text, schemaId, out);
  return out;
}

/** Parses YAML (a superset of JSON) with line numbers in the error. */
export function parseYamlText(text: string, file: string): unknown {
  const cached = parsedYaml(text);
  if (cached !== undefined) return cached;
  const json = jsonValue(text);
  if (json !== undefined) return json;
  try {
    return parseYaml(text, { prettyErrors: true, maxAliasCount: 100 });
  } catch (e) {
    const line = e instanceof YAMLParseError && e.linePos ? `:${e.linePos[0].line}` : '';
    throw new ConcordError(
      'E_FILE_FORMAT',
      `${file}${line}: not valid YAML or JSON: ${(e as Error).message.split('\n')[0]}`,
      {
        path: `${file}${line}`,
        hint: 'Check the indentation and quoting at that line.',
        cause: e,
        key: 'yamlSyntax',
        values: { where: `${file}${line}`, detail: (e as Error).message.split('\n')[0] ?? '' },
      },
    );
  }
}

/**
 * The value of a JSON text by JSON.parse, the same value the YAML parser gives (JSON is YAML) in a
 * hundredth of the time (a game of 193 players: 0.1 ms against 45 ms at start-up); undefined for
 * any other text, and for JSON with a key repeated in an object, which JSON.parse keeps the last
 * of and YAML rejects: the YAML parser then parses it and says where (its errors and line numbers
 * for every text that is not plain JSON, as before).
 */
function jsonValue(text: string): unknown {
  if (!/^\s*[[{]/.test(text)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  // the members written (colons outside strings) against the keys parsed: fewer keys, a repeated key
  let colons = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92)
        i++; // a backslash escapes the next character
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 58) colons++;
  }
  let keys = 0;
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) for (const x of v) stack.push(x);
    else
      for (const k of Object.keys(v)) {
        keys++;
        stack.push((v as Record<string, unknown>)[k]);
      }
  }
  return keys === colons ? value : undefined;
}
