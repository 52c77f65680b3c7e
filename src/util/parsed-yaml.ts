/**
 * The hook through which parseYamlText (./validate.ts) finds texts parsed at build time (see
 * src/data/yaml-cache.ts). Kept apart from ./validate.ts so that installing it loads no YAML parser.
 */

/** Already-parsed texts: a fresh value for a text, or undefined. */
export type ParsedYamlCache = (text: string) => unknown;

let cache: ParsedYamlCache | undefined;

/** Installs the cache parseYamlText consults first (undefined removes it). */
export function setParsedYamlCache(c: ParsedYamlCache | undefined): void {
  cache = c;
}

/** The cached value of a text, or undefined. */
export function parsedYaml(text: string): unknown {
  return cache?.(text);
}
