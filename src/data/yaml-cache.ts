/**
 * A build-time cache of the shipped YAML files, parsed. `npm run build` writes dist/yaml-cache.json
 * (scripts/yaml-cache.mjs): for each file under data/ and scenarios/, the SHA-256 of its text and
 * the value parseYamlText gives, as JSON. The CLI installs it at start-up, so a command does not
 * pay the YAML parser for files parsed at build time (on this machine about 0.15 s for the
 * organization files, a third of `concord org`). Keyed by content: an edited or user-supplied file
 * simply misses and is parsed as before; a value JSON cannot carry exactly (.inf, .nan) is left out.
 * The build also records, for the shipped organization and game files, the output of the schema
 * each is validated against (`organization:KEY`, `game:KEY`; see parseAndValidate in
 * src/util/validate.ts), so that a command does not run those schemas at start-up either.
 * CONCORD_NO_YAML_CACHE=1 turns it off. Beside it, dist/yaml-cache-lengths.json lists the lengths
 * of the texts it holds: a text of another length (a user's game file) misses without reading the
 * cache or hashing the text (node:crypto, loaded only when a text is hashed, costs ≈10 ms).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { setParsedYamlCache, setValidatedCache } from '../util/parsed-yaml.js';
import { packageRoot } from './load.js';

export const YAML_CACHE_FILE = 'dist/yaml-cache.json';
/** The lengths (UTF-16 code units) of the texts of YAML_CACHE_FILE, as a JSON array. */
export const YAML_CACHE_LENGTHS_FILE = 'dist/yaml-cache-lengths.json';

export function yamlCacheKey(text: string): string {
  return process.getBuiltinModule('node:crypto').createHash('sha256').update(text).digest('base64url');
}

/** The cache entries of parsed texts: key → the value as JSON, for values JSON carries exactly. */
export function yamlCacheEntries(
  parsed: Iterable<readonly [text: string, value: unknown]>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [text, value] of parsed) {
    const json = JSON.stringify(value);
    if (json !== undefined && isDeepStrictEqual(JSON.parse(json), value)) out[yamlCacheKey(text)] = json;
  }
  return out;
}

/** The entries of validated outputs: `schemaId:key` → the output as JSON, for outputs JSON carries exactly. */
export function validatedCacheEntries(
  records: Iterable<readonly [text: string, schemaId: string, output: unknown]>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [text, id, value] of records) {
    const json = JSON.stringify(value);
    if (json !== undefined && isDeepStrictEqual(JSON.parse(json), value))
      out[`${id}:${yamlCacheKey(text)}`] = json;
  }
  return out;
}

/** Installs dist/yaml-cache.json as parseYamlText's cache, read on the first lookup (if the file exists). */
export function installYamlCache(): void {
  if (process.env.CONCORD_NO_YAML_CACHE === '1') return;
  let entries: Record<string, string> | null | undefined;
  let lengths: ReadonlySet<number> | null | undefined;
  /** False when no cached text has this length (true without the lengths file: an older build). */
  const mayHold = (text: string): boolean => {
    if (lengths === undefined) {
      const file = join(packageRoot(), YAML_CACHE_LENGTHS_FILE);
      lengths = existsSync(file) ? new Set(JSON.parse(readFileSync(file, 'utf8')) as number[]) : null;
    }
    return lengths === null || lengths.has(text.length);
  };
  const lookup = (key: string): unknown => {
    if (entries === undefined) {
      const file = join(packageRoot(), YAML_CACHE_FILE);
      entries = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : null;
    }
    const json = entries?.[key];
    return json === undefined ? undefined : JSON.parse(json);
  };
  setParsedYamlCache((text) => (mayHold(text) ? lookup(yamlCacheKey(text)) : undefined));
  setValidatedCache((text, id) => (mayHold(text) ? lookup(`${id}:${yamlCacheKey(text)}`) : undefined));
}
