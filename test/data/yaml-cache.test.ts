/**
 * The build's cache of parsed YAML (src/data/yaml-cache.ts): every shipped file's entry is what
 * the parser gives, an edited text misses, a value JSON cannot carry is left out, and with the
 * cache installed parseYamlText returns a fresh copy of the cached value.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/data/load.js';
import { YAML_CACHE_FILE, yamlCacheEntries, yamlCacheKey } from '../../src/data/yaml-cache.js';
import { setParsedYamlCache } from '../../src/util/parsed-yaml.js';
import { parseYamlText } from '../../src/util/validate.js';

const root = packageRoot();
const orgDir = join(root, 'data', 'organizations');
const orgTexts = readdirSync(orgDir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => readFileSync(join(orgDir, f), 'utf8'));

afterEach(() => setParsedYamlCache(undefined));

describe('the parsed-YAML cache', () => {
  it('caches every organization file exactly as the parser reads it, and the built cache agrees', () => {
    expect(orgTexts.length).toBeGreaterThan(3);
    const entries = yamlCacheEntries(orgTexts.map((t) => [t, parseYamlText(t, 'x.yaml')] as const));
    expect(Object.keys(entries).length).toBe(orgTexts.length);
    // dist/yaml-cache.json (npm run build): an entry, where there is one, is the parser's value.
    const file = join(root, YAML_CACHE_FILE);
    const built = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
    for (const text of orgTexts) {
      const json = built[yamlCacheKey(text)];
      if (json !== undefined) expect(JSON.parse(json)).toEqual(parseYamlText(text, 'x.yaml'));
    }
  });

  it('leaves out values JSON cannot carry', () => {
    const entries = yamlCacheEntries([
      ['a: 1', { a: 1 }],
      ['b: .inf', { b: Number.POSITIVE_INFINITY }],
      ['c: .nan', { c: Number.NaN }],
    ]);
    expect(Object.keys(entries)).toEqual([yamlCacheKey('a: 1')]);
  });

  it('parseYamlText answers from the cache for the same text only, with a fresh copy each time', () => {
    const text = 'x: 1\n';
    const entries = yamlCacheEntries([[text, { x: 'from the cache' }]]);
    setParsedYamlCache((t) => {
      const json = entries[yamlCacheKey(t)];
      return json === undefined ? undefined : JSON.parse(json);
    });
    const a = parseYamlText(text, 'a.yaml') as { x: string };
    expect(a).toEqual({ x: 'from the cache' });
    a.x = 'changed';
    expect(parseYamlText(text, 'a.yaml')).toEqual({ x: 'from the cache' });
    expect(parseYamlText('x: 2\n', 'b.yaml')).toEqual({ x: 2 });
    expect(() => parseYamlText('x: [\n', 'c.yaml')).toThrow(/c\.yaml/);
  });
});
