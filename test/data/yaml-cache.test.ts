/**
 * The build's cache of parsed YAML (src/data/yaml-cache.ts): every shipped file's entry is what
 * the parser gives, an edited text misses, a value JSON cannot carry is left out, and with the
 * cache installed parseYamlText returns a fresh copy of the cached value.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/data/load.js';
import {
  installYamlCache,
  validatedCacheEntries,
  YAML_CACHE_FILE,
  YAML_CACHE_LENGTHS_FILE,
  yamlCacheEntries,
  yamlCacheKey,
} from '../../src/data/yaml-cache.js';
import { parseOrganization } from '../../src/org/registry.js';
import { OrganizationSchema } from '../../src/org/schema.js';
import {
  parsedYaml,
  setParsedYamlCache,
  setValidatedCache,
  validatedYaml,
} from '../../src/util/parsed-yaml.js';
import { parseAndValidate, parseYamlText, validate } from '../../src/util/validate.js';

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

describe('the validated-output cache (parseAndValidate)', () => {
  afterEach(() => setValidatedCache(undefined));

  it("every shipped organization's built entry is the schema's output, and is what parseOrganization returns", () => {
    const file = join(root, YAML_CACHE_FILE);
    const built = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
    for (const text of orgTexts) {
      const fresh = validate(OrganizationSchema, parseYamlText(text, 'x.yaml'), 'x.yaml');
      const json = built[`organization:${yamlCacheKey(text)}`];
      if (json !== undefined) expect(JSON.parse(json)).toEqual(fresh);
      // with a cache installed the same output comes back, fresh each time
      const entries = validatedCacheEntries([[text, 'organization', fresh]]);
      setValidatedCache((t, id) => {
        const j = entries[`${id}:${yamlCacheKey(t)}`];
        return j === undefined ? undefined : JSON.parse(j);
      });
      const a = parseOrganization(text, 'x.yaml');
      expect(a).toEqual(fresh);
      expect(a).not.toBe(parseOrganization(text, 'x.yaml'));
      setValidatedCache(undefined);
    }
  });

  it('validates a text the build did not see, and records what it validated', () => {
    const seen: string[] = [];
    setValidatedCache(
      () => undefined,
      (_t, id) => seen.push(id),
    );
    expect(() => parseAndValidate(OrganizationSchema, 'organization', 'id: 3\n', 'bad.yaml')).toThrow(
      /bad\.yaml/,
    );
    parseOrganization(orgTexts[0]!, 'x.yaml');
    expect(seen).toEqual(['organization']);
  });
});

describe('the lengths beside the cache', () => {
  afterEach(() => {
    setParsedYamlCache(undefined);
    setValidatedCache(undefined);
  });

  it('list the length of every text the built cache holds; a text of another length misses', () => {
    const lengthsFile = join(root, YAML_CACHE_LENGTHS_FILE);
    if (!existsSync(lengthsFile)) return; // not built
    const lengths = new Set(JSON.parse(readFileSync(lengthsFile, 'utf8')) as number[]);
    for (const text of orgTexts) expect(lengths.has(text.length)).toBe(true);
    installYamlCache();
    // a shipped file is found (parsed and validated) …
    expect(parsedYaml(orgTexts[0]!)).toEqual(parseYamlText(orgTexts[0]!, 'x.yaml'));
    expect(validatedYaml(orgTexts[0]!, 'organization')).toBeDefined();
    // … a text of a length no cached text has is not looked up
    let n = 1;
    while (lengths.has(n)) n++;
    expect(parsedYaml('x'.repeat(n))).toBeUndefined();
  });
});
