/** Validation at the boundary: text → YAML/JSON → zod schema → typed value, or a ConcordError naming the path. */
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { ConcordError } from '../errors.js';
import { parsedYaml } from './parsed-yaml.js';

/** Formats a zod issue path as `issues[0].positions.RUS.salience`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || '(root)';
}

/** Validates `data` against `schema`; the error names the first offending path, and lists up to five. */
export function validate<S extends z.ZodType>(schema: S, data: unknown, where: string): z.output<S> {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const issues = r.error.issues.slice(0, 5).map((i) => `${formatPath(i.path)}: ${i.message}`);
  const first = r.error.issues[0]!;
  throw new ConcordError('E_VALIDATION', `${where}: ${issues.join('; ')}`, {
    path: formatPath(first.path),
    hint: 'Fix the value at that path; the schemas are documented in docs/.',
  });
}

/** Parses YAML (a superset of JSON) with line numbers in the error. */
export function parseYamlText(text: string, file: string): unknown {
  const cached = parsedYaml(text);
  if (cached !== undefined) return cached;
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
      },
    );
  }
}
