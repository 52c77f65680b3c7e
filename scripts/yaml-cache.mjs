#!/usr/bin/env node
/**
 * `npm run build` step 3: parses every shipped YAML file (data/**, scenarios/**) with the library's
 * own parseYamlText and writes dist/yaml-cache.json (see src/data/yaml-cache.ts).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { yamlCacheEntries, YAML_CACHE_FILE, YAML_CACHE_LENGTHS_FILE } = await import(
  join(root, 'dist/src/data/yaml-cache.js')
);
const { parseYamlText } = await import(join(root, 'dist/src/util/validate.js'));

const files = [];
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (/\.ya?ml$/.test(e.name)) files.push(p);
  }
};
for (const d of ['data', 'scenarios']) walk(join(root, d));
const parsed = [];
const lengths = new Set();
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  try {
    parsed.push([text, parseYamlText(text, relative(root, f))]);
    lengths.add(text.length);
  } catch {
    // a file that does not parse is parsed (and reported) at run time, as before
  }
}
// The shipped organizations and games, loaded as the CLI loads them, recording the output of each
// schema validation (parseAndValidate): the CLI then skips those schemas at start-up.
const { setValidatedCache } = await import(join(root, 'dist/src/util/parsed-yaml.js'));
const { validatedCacheEntries } = await import(join(root, 'dist/src/data/yaml-cache.js'));
const records = [];
delete process.env.CONCORD_ORG_PATH; // the shipped files only
setValidatedCache(undefined, (text, id, output) => {
  records.push([text, id, output]);
  lengths.add(text.length);
});
const { loadOrganizations } = await import(join(root, 'dist/src/org/load.js'));
const { builtinGames, loadBuiltinGameFile } = await import(join(root, 'dist/src/rules/load.js'));
loadOrganizations();
for (const g of builtinGames()) loadBuiltinGameFile(g);
setValidatedCache(undefined);
const validated = validatedCacheEntries(records);
const entries = { ...yamlCacheEntries(parsed), ...validated };
writeFileSync(join(root, YAML_CACHE_FILE), JSON.stringify(entries));
// the lengths of the texts cached: any other text misses without hashing (src/data/yaml-cache.ts)
writeFileSync(join(root, YAML_CACHE_LENGTHS_FILE), JSON.stringify([...lengths].sort((a, b) => a - b)));
console.log(
  `yaml cache: ${Object.keys(entries).length - Object.keys(validated).length} of ${files.length} files in ${YAML_CACHE_FILE}, and the validated output of ${Object.keys(validated).length} of ${records.length} organization and game files`,
);
